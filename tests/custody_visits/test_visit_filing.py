"""Filing a visit report, page by page: each step saves, refuses bad input with a 400 and saves
nothing, two visitors editing at once get a conflict (409) with their typing kept, and detainees
are recorded by custody number only."""

import datetime

import pytest
from django.urls import reverse

from custody_visits.forms.visit_report import DetaineeForm
from custody_visits.models import CustodyVisit, DetaineeRecord, VisitStatus
from opcc.roles import Role
from tests.custody_visits.factories import CustodyVisitFactory, DetaineeRecordFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_23_november_2026")]

DETAILS = {
    "visited_on_0": "4",
    "visited_on_1": "11",
    "visited_on_2": "2026",
    "arrived_at": "19:30",
    "departed_at": "21:05",
    "detainees_in_custody": "3",
}


@pytest.fixture
def visit(me, partner):
    return CustodyVisitFactory(visitors=[me, partner], week_starting=datetime.date(2026, 11, 2))


def url(name, visit, **kwargs):
    return reverse(f"custody_visits:{name}", kwargs={"code": visit.code, **kwargs})


def post_step(client, name, visit, data):
    version = CustodyVisit.objects.get(pk=visit.pk).version
    return client.post(url(name, visit), {"version": version, **data})


def test_each_step_saves_and_leads_to_the_next(client_for, visit):
    client = client_for(Role.VISITOR)
    response = post_step(client, "report_details", visit, DETAILS)
    assert response.status_code == 302
    assert response["Location"] == url("report_delay", visit)
    response = post_step(
        client,
        "report_delay",
        visit,
        {
            "admission_delayed": "yes",
            "delay_minutes": "20",
            "delay_reason": "Staff busy with a new arrival",
            "delay_authorised_by": "Sergeant Kim Shaw",
        },
    )
    assert response["Location"] == url("report_conditions", visit)
    response = post_step(
        client,
        "report_conditions",
        visit,
        {"cleanliness": "good", "temperature": "poor", "equipment": "adequate", "suite_notes": ""},
    )
    assert response["Location"] == url("report_detainees", visit)
    visit.refresh_from_db()
    assert visit.visited_on == datetime.date(2026, 11, 4)
    assert visit.arrived_at == datetime.time(19, 30)
    assert visit.delay_minutes == 20 and visit.delay_authorised_by == "Sergeant Kim Shaw"
    assert visit.temperature == "poor"
    assert visit.status == VisitStatus.PLANNED


def test_a_change_from_check_your_answers_returns_there(client_for, visit):
    client = client_for(Role.VISITOR)
    version = visit.version
    response = client.post(
        url("report_details", visit) + "?return=check", {"version": version, **DETAILS}
    )
    assert response["Location"] == url("report_check", visit)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"arrived_at": "7.30pm"}, "arrived_at", "Enter the time you arrived as hours and minutes"),
        ({"departed_at": "19:30"}, "departed_at", "must be different from the time of arrival"),
        ({"visited_on_0": "24"}, "visited_on", "must be today or in the past"),
        ({"visited_on_0": "12"}, "visited_on", "must be in the week it was planned for"),
        ({"visited_on_0": "31"}, "visited_on", "must be a real date"),
        ({"detainees_in_custody": "-1"}, "detainees_in_custody", "must be 0 or more"),
    ],
)
def test_bad_details_are_refused_next_to_the_field_and_nothing_is_saved(
    client_for, visit, change, field, message
):
    if change.get("visited_on_0") == "24":
        change = {**change, "visited_on_1": "11"}  # tomorrow
        visit.week_starting = datetime.date(2026, 11, 23)
        visit.save()
    response = post_step(client_for(Role.VISITOR), "report_details", visit, DETAILS | change)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert response.context["form"].errors.get(field)
    assert response.content.decode().count("govuk-error-summary") >= 1
    visit.refresh_from_db()
    assert visit.visited_on is None and visit.version == 1


def test_a_delay_needs_its_length_reason_and_who_authorised_it(client_for, visit):
    response = post_step(
        client_for(Role.VISITOR), "report_delay", visit, {"admission_delayed": "yes"}
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["delay_minutes"] == ["Enter how many minutes admission was delayed"]
    assert errors["delay_authorised_by"] == ["Enter the rank and name of who authorised the delay"]


def test_the_second_of_two_visitors_saving_at_once_gets_a_conflict_with_typing_kept(
    client_for, visit, partner
):
    from tests.conftest import sign_in

    opened = visit.version
    first = sign_in(type(client_for(Role.VISITOR))(), partner.user)
    assert (
        first.post(url("report_details", visit), {"version": opened, **DETAILS}).status_code == 302
    )

    typed = DETAILS | {"arrived_at": "19:45"}
    response = client_for(Role.VISITOR).post(
        url("report_details", visit), {"version": opened, **typed}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "saved this report while you were editing it" in html
    assert 'value="19:45"' in html  # the typing is kept
    visit.refresh_from_db()
    assert visit.arrived_at == datetime.time(19, 30)  # the first save stands
    assert response.context["form"].data["version"] == visit.version  # saving again is a choice


def test_a_detainee_is_added_by_custody_number(client_for, visit):
    client = client_for(Role.VISITOR)
    response = client.post(
        url("report_detainee_add", visit),
        {
            "custody_number": "11/abc/2001",
            "outcome": "not_offered",
            "not_offered_reason": "asleep",
            "rights_offered": "unknown",
            "is_juvenile": "on",
        },
    )
    assert response.status_code == 302
    detainee = DetaineeRecord.objects.get(visit=visit)
    assert detainee.custody_number == "11/ABC/2001"
    assert detainee.not_offered_reason == "asleep" and detainee.is_juvenile
    assert detainee.rights_offered is None
    page = client.get(url("report_detainees", visit)).content.decode()
    assert "11/ABC/2001" in page and "Add another detainee" in page


# A name with a digit or two added is still a name: a custody number has at least three digits.
@pytest.mark.parametrize("typed", ["John Smith", "Smith", "J. Smith 2", "JohnSmith1", "JSmith12"])
def test_a_name_is_refused_as_a_custody_number(client_for, visit, typed):
    response = client_for(Role.VISITOR).post(
        url("report_detainee_add", visit),
        {"custody_number": typed, "outcome": "visited", "rights_offered": "yes"},
    )
    assert response.status_code == 400
    assert "Do not enter a name" in response.content.decode()
    assert not DetaineeRecord.objects.exists()


def test_not_offered_needs_a_reason_and_a_reason_is_dropped_otherwise(client_for, visit):
    client = client_for(Role.VISITOR)
    response = client.post(
        url("report_detainee_add", visit),
        {"custody_number": "11/ABC/2002", "outcome": "not_offered", "rights_offered": "yes"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["not_offered_reason"] == [
        "Choose why a visit was not offered"
    ]
    client.post(
        url("report_detainee_add", visit),
        {
            "custody_number": "11/ABC/2002",
            "outcome": "declined",
            "not_offered_reason": "asleep",
            "rights_offered": "yes",
        },
    )
    assert DetaineeRecord.objects.get().not_offered_reason == ""


def test_no_field_anywhere_holds_a_detainee_name():
    model_fields = {field.name for field in DetaineeRecord._meta.get_fields()}
    history_fields = {f.name for f in DetaineeRecord.history.model._meta.get_fields()}
    for fields in (model_fields, history_fields, set(DetaineeForm.base_fields)):
        assert not {name for name in fields if "name" in name}, fields


def test_a_detainee_is_changed_and_removed(client_for, visit):
    detainee = DetaineeRecordFactory(visit=visit, custody_number="11/ABC/3000")
    client = client_for(Role.VISITOR)
    change = url("report_detainee_change", visit, pk=detainee.pk)
    assert "11/ABC/3000" in client.get(change).content.decode()
    client.post(
        change, {"custody_number": "11/ABC/3001", "outcome": "visited", "rights_offered": "no"}
    )
    detainee.refresh_from_db()
    assert detainee.custody_number == "11/ABC/3001" and detainee.rights_offered is False
    response = client.post(url("report_detainee_remove", visit, pk=detainee.pk))
    assert response.status_code == 302
    assert not DetaineeRecord.objects.exists()
    assert DetaineeRecord.history.filter(history_type="-").count() == 1


def test_a_finding_is_added_with_category_and_severity(client_for, visit):
    client = client_for(Role.VISITOR)
    response = client.post(url("report_finding_add", visit), {"category": "", "severity": "loud"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"category", "severity", "description"}
    client.post(
        url("report_finding_add", visit),
        {"category": "equipment", "severity": "high", "description": "Cell 3 call bell broken."},
    )
    finding = visit.findings.get()
    assert (finding.category, finding.severity, finding.status) == ("equipment", "high", "open")


def test_another_visitors_visit_is_not_found(client_for, partner):
    theirs = CustodyVisitFactory(visitors=[partner], week_starting=datetime.date(2026, 11, 2))
    client = client_for(Role.VISITOR)
    for name in ("visit", "report_details", "report_check"):
        assert client.get(url(name, theirs)).status_code == 404


def test_report_pages_are_not_cached(client_for, visit):
    client = client_for(Role.VISITOR)
    for name in ("visit", "report_details", "report_detainees", "report_check"):
        assert "no-store" in client.get(url(name, visit))["Cache-Control"]
