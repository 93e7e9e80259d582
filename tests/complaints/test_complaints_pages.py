"""Complaint pages: the office's list, case and step pages (the conflict rule everywhere,
personal data only for the handler and the Chief Executive, forms refusing bad input, query
counts), the dashboard panel and the demo data."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from complaints.models import Complaint, ComplaintStatus, ComplaintSubject, PersonalDataView
from complaints.seed_complaints import seed
from complaints.services import complaints as services
from opcc.roles import Role
from tests.complaints.access_rows_complaints import ComplaintFactory
from tests.conftest import sign_in
from tests.opcc.factories import UserFactory

pytestmark = pytest.mark.django_db

# What the office types in for a complaint received another way.
FORM = {
    "subject": "chief_constable",
    "name": "Sam Complainant",
    "email": "sam@example.org",
    "phone": "",
    "details": "The Chief Constable did not answer my letters.",
}
LIST_URL = "/complaints/cases/"


@pytest.fixture(autouse=True)
def in_november_2026():
    cache.clear()
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield
    cache.clear()


# The conflict rule on every page


@pytest.fixture
def cases(people):
    """One complaint about each office holder and one about the Chief Constable, handled by
    staff; a second about the Commissioner with the panel."""
    staff = people[Role.STAFF]
    ce = people[Role.CHIEF_EXECUTIVE]
    about = {}
    for subject in ComplaintSubject.values:
        about[subject] = services.receive_complaint(
            subject=subject,
            name=f"Complainant about {subject}",
            email=f"{subject}@example.org",
            phone="01632 960123",
            details="Something happened.",
        )
    about["chief_constable"] = services.assign_handler(
        ce, services.record_complaint(ce, about["chief_constable"]), handler=staff
    )
    about["panel"] = services.pass_to_panel(
        ce,
        services.record_complaint(
            ce,
            services.receive_complaint(
                subject="pcc", name="Pat Panel", email="", phone="1", details="Rude."
            ),
        ),
    )
    return about


def refs(html, cases):
    return {name for name, complaint in cases.items() if complaint.reference in html}


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        (Role.CHIEF_EXECUTIVE, {"pcc", "deputy", "chief_constable", "panel"}),
        (Role.PCC, {"chief_constable"}),
        (Role.DEPUTY, {"chief_constable"}),
        (Role.STAFF, {"chief_constable"}),
        (Role.PANEL, {"panel"}),
        (Role.CFO, set()),
    ],
)
def test_list_shows_only_what_each_role_may_see(client_for, cases, role, sees):
    response = client_for(role).get(LIST_URL)

    assert response.status_code == 200
    assert refs(response.content.decode(), cases) == sees
    assert "Complainant about" not in response.content.decode()


def test_list_filters_by_subject_and_status(client_for, cases):
    client = client_for(Role.CHIEF_EXECUTIVE)

    by_subject = client.get(LIST_URL + "?subject=pcc").content.decode()
    by_status = client.get(LIST_URL + "?status=received").content.decode()
    both = client.get(LIST_URL + "?subject=pcc&status=received").content.decode()

    assert refs(by_subject, cases) == {"pcc", "panel"}
    assert refs(by_status, cases) == {"pcc", "deputy"}
    assert refs(both, cases) == {"pcc"}


@pytest.mark.parametrize("rows", [2, 30])
def test_list_queries_do_not_grow(rows, people, client_for, django_assert_max_num_queries):
    ComplaintFactory.create_batch(rows, handler=people[Role.STAFF])
    ComplaintFactory.create_batch(rows, subject=ComplaintSubject.PCC)
    for role in (Role.CHIEF_EXECUTIVE, Role.PCC):
        client = client_for(role)
        with django_assert_max_num_queries(10):  # issue 8: at most ten, whatever the size
            response = client.get(LIST_URL)
        assert response.status_code == 200
        assert response.content.decode().count("/complaints/cases/") >= min(rows, 25)


@pytest.mark.parametrize(
    ("role", "case", "status"),
    [
        (Role.PCC, "pcc", 404),
        (Role.PCC, "deputy", 404),
        (Role.DEPUTY, "deputy", 404),
        (Role.DEPUTY, "panel", 404),
        (Role.PCC, "panel", 404),
        (Role.PANEL, "panel", 200),
        (Role.PANEL, "chief_constable", 404),
        (Role.CFO, "chief_constable", 404),
        (Role.PCC, "chief_constable", 200),
        (Role.CHIEF_EXECUTIVE, "pcc", 200),
    ],
)
def test_case_page_is_404_for_its_subject_and_outsiders(client_for, cases, role, case, status):
    assert client_for(role).get(cases[case].get_absolute_url()).status_code == status


@pytest.mark.parametrize(
    ("role", "case", "status"),
    [
        (Role.PCC, "pcc", 404),
        (Role.DEPUTY, "deputy", 404),
        (Role.PCC, "chief_constable", 200),
        (Role.CHIEF_EXECUTIVE, "pcc", 200),
    ],
)
def test_history_page_keeps_the_conflict_rule(client_for, cases, role, case, status):
    url = reverse("record_history", args=["complaints", "complaint", cases[case].pk])

    assert client_for(role).get(url).status_code == status


def test_other_staff_cannot_find_the_case(cases):
    other = sign_in(Client(), UserFactory(role=Role.STAFF))

    assert other.get(cases["chief_constable"].get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("role", "sees"),
    [(Role.CHIEF_EXECUTIVE, True), (Role.STAFF, True), (Role.PCC, False), (Role.DEPUTY, False)],
)
def test_only_the_handler_and_chief_executive_see_the_complainants_details(
    client_for, cases, role, sees, caplog
):
    response = client_for(role).get(cases["chief_constable"].get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert ("chief_constable@example.org" in html) is sees
    assert ("Complainant about chief_constable" in html) is sees
    assert ("Personal details are shown only to the case" in html) is not sees
    assert "no-store" in response["Cache-Control"]
    logged = [r for r in caplog.records if "personal data viewed" in r.getMessage()]
    assert bool(logged) is sees
    views = PersonalDataView.objects.filter(case_reference=cases["chief_constable"].reference)
    assert list(views.values_list("viewer__role", flat=True)) == ([role] if sees else [])


def test_the_panel_reads_its_case_without_the_complainants_details(client_for, cases):
    html = client_for(Role.PANEL).get(cases["panel"].get_absolute_url()).content.decode()

    assert "Pat Panel" not in html
    assert "Close the complaint" not in html


# The dashboard


def panel_of(client):
    html = client.get(reverse("dashboard")).content.decode()
    if 'id="panel-complaints"' not in html:
        return None
    return html.split('id="panel-complaints"', 1)[1].split("</section>", 1)[0]


def test_dashboard_shows_the_chief_executive_what_waits_to_be_recorded(client_for, cases):
    panel = panel_of(client_for(Role.CHIEF_EXECUTIVE))

    assert refs(panel, cases) == {"pcc", "deputy"}


def test_dashboard_shows_the_handler_their_open_cases(client_for, cases, people):
    assert refs(panel_of(client_for(Role.STAFF)), cases) == {"chief_constable"}
    services.close_complaint(people[Role.STAFF], cases["chief_constable"], outcome="Apologised.")
    assert panel_of(client_for(Role.STAFF)) is None


@pytest.mark.parametrize("role", [Role.PCC, Role.DEPUTY, Role.PANEL, Role.CFO])
def test_dashboard_has_no_complaints_panel_for_others(client_for, cases, role):
    assert panel_of(client_for(role)) is None


def test_dashboard_panel_keeps_the_conflict_rule_for_a_handler(people):
    from complaints.wiring_complaints import my_complaints

    # Even a handler's assignment never shows an office holder a complaint about themselves.
    pcc = people[Role.PCC]
    ComplaintFactory(subject=ComplaintSubject.PCC, handler=pcc)
    assert my_complaints(pcc) is None


# The steps


def step(client, name, complaint, data=None):
    return client.post(reverse(f"complaints:{name}", args=[complaint.code]), data or {})


def test_chief_executive_records_then_passes_to_the_panel(client_for, cases):
    client = client_for(Role.CHIEF_EXECUTIVE)
    complaint = cases["pcc"]

    assert step(client, "complaint_record", complaint).status_code == 302
    refused = step(client, "complaint_pass_to_panel", complaint)
    assert refused.status_code == 400
    assert "Confirm that the complaint alleges no criminal offence" in refused.content.decode()
    assert Complaint.objects.get(pk=complaint.pk).status == ComplaintStatus.RECORDED

    done = step(client, "complaint_pass_to_panel", complaint, {"confirmed": "on"})
    assert done.status_code == 302
    assert Complaint.objects.get(pk=complaint.pk).status == ComplaintStatus.INFORMAL_RESOLUTION


def test_recording_twice_is_refused_with_the_reason(client_for, cases):
    client = client_for(Role.CHIEF_EXECUTIVE)
    step(client, "complaint_record", cases["pcc"])

    response = step(client, "complaint_record", cases["pcc"])

    assert response.status_code == 400
    assert "cannot become recorded" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "case", "data", "message"),
    [
        ("complaint_decline", "pcc", {}, "Enter why the complaint is not recorded"),
        ("complaint_refer_to_iopc", "chief_constable", {}, "Enter the date of the referral"),
        (
            "complaint_refer_to_iopc",
            "chief_constable",
            {"referred_on_0": "30", "referred_on_1": "2", "referred_on_2": "2026"},
            "The date of the referral must be a real date",
        ),
        (
            "complaint_refer_to_iopc",
            "chief_constable",
            {"referred_on_0": "1", "referred_on_1": "12", "referred_on_2": "2026"},
            "The date of the referral must be today or in the past",
        ),
        ("complaint_assign", "chief_constable", {"handler": "999999"}, "Choose a member of staff"),
        ("complaint_close", "chief_constable", {"outcome": ""}, "Enter the outcome"),
    ],
)
def test_each_step_refuses_bad_input_and_saves_nothing(
    client_for, cases, name, case, data, message
):
    before = Complaint.objects.values_list("version", flat=True).get(pk=cases[case].pk)

    response = step(client_for(Role.CHIEF_EXECUTIVE), name, cases[case], data)

    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "govuk-error-summary" in html
    assert Complaint.objects.values_list("version", flat=True).get(pk=cases[case].pk) == before


def test_refer_and_disapply_forms_report_the_rules(client_for, people):
    ce = people[Role.CHIEF_EXECUTIVE]
    complaint = services.record_complaint(
        ce,
        ComplaintFactory(subject=ComplaintSubject.DEPUTY, received_on=datetime.date(2026, 11, 2)),
    )
    client = client_for(Role.CHIEF_EXECUTIVE)
    date = {"referred_on_0": "3", "referred_on_1": "11", "referred_on_2": "2026"}

    neither = step(client, "complaint_refer_to_iopc", complaint, date)
    assert neither.status_code == 400
    assert "Only a serious complaint or a conduct matter" in neither.content.decode()
    no_ground = step(client, "complaint_disapply", complaint)
    assert no_ground.status_code == 400
    assert "Choose the ground" in no_ground.content.decode()

    referred = step(client, "complaint_refer_to_iopc", complaint, date | {"conduct_matter": "on"})
    assert referred.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.REFERRED_TO_IOPC and complaint.conduct_matter


def test_staff_form_records_a_complaint_received_by_letter(client_for, people):
    client = client_for(Role.STAFF)
    data = FORM | {
        "channel": "letter",
        "received_on_0": "20",
        "received_on_1": "11",
        "received_on_2": "2026",
    }

    bad = client.post(reverse("complaints:complaint_add"), data | {"channel": "online"})
    assert bad.status_code == 400 and not Complaint.objects.exists()
    response = client.post(reverse("complaints:complaint_add"), data)

    complaint = Complaint.objects.get()
    assert complaint.channel == "letter"
    assert complaint.received_on == datetime.date(2026, 11, 20)
    # The member of staff does not handle it, so is sent to the list, not the case.
    assert response.status_code == 302 and response["Location"] == LIST_URL


def test_landing_page_links_to_the_complaints(client_for):
    html = client_for(Role.CHIEF_EXECUTIVE).get(reverse("complaints:landing")).content.decode()

    assert LIST_URL in html and reverse("complaints:complaint_add") in html
    assert reverse("complaints:reviews") in html


# The demo data


def test_demo_data_holds_every_kind_and_state_and_is_idempotent():
    UserFactory(role=Role.CHIEF_EXECUTIVE, email="chief.executive@opcc.example")
    UserFactory(role=Role.STAFF, email="staff@opcc.example")
    lines = []

    seed(0, lines.append)
    seed(0, lines.append)

    states = set(Complaint.objects.values_list("subject", "status"))
    assert states == {
        ("pcc", ComplaintStatus.RECEIVED),
        ("pcc", ComplaintStatus.INFORMAL_RESOLUTION),
        ("pcc", ComplaintStatus.NOT_RECORDED),
        ("deputy", ComplaintStatus.REFERRED_TO_IOPC),
        ("deputy", ComplaintStatus.DISAPPLIED),
        ("chief_constable", ComplaintStatus.BEING_HANDLED),
        ("chief_constable", ComplaintStatus.CLOSED),
    }
    assert Complaint.objects.count() == 7
    assert lines == ["complaints: 7 demo complaints added", "complaints: 0 demo complaints added"]
