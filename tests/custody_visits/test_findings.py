"""Findings: raised with the custody inspector (who, when, a due date 20 working days on),
answered by the force, closed; overdue open findings flagged and reminded once."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from custody_visits import selectors
from custody_visits.models import Finding, FindingStatus, VisitStatus
from custody_visits.services import findings as services
from custody_visits.tasks import remind_overdue_findings
from opcc.models import OutboundMessage
from opcc.roles import Role
from tests.custody_visits.factories import (
    CustodySuiteFactory,
    CustodyVisitFactory,
    FindingFactory,
    ReportedVisitFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_23_november_2026")]


@pytest.fixture
def manager(people):
    return people[Role.STAFF]


def old_visit():
    return ReportedVisitFactory(
        week_starting=datetime.date(2026, 9, 28), visited_on=datetime.date(2026, 9, 30)
    )


@pytest.fixture
def finding(db):
    """A finding of a visit on Wednesday 30 September 2026."""
    return FindingFactory(visit=old_visit())


def raised(finding, manager, on=datetime.date(2026, 11, 5)):
    return services.raise_with_inspector(
        manager, finding, raised_with="Inspector Sam Lee", raised_on=on
    )


def test_the_response_is_due_20_working_days_after_it_is_raised():
    # Local target, working days after the day it was raised (that day not counted).
    assert services.response_due_on(datetime.date(2026, 11, 2)) == datetime.date(2026, 11, 30)
    # Over Christmas: 25, 28 (Boxing Day observed) December and 1 January are not counted.
    assert services.response_due_on(datetime.date(2026, 12, 14)) == datetime.date(2027, 1, 14)


def test_raising_records_who_when_and_the_due_date(finding, manager):
    raised(finding, manager)
    finding.refresh_from_db()
    assert finding.status == FindingStatus.RAISED
    assert finding.raised_with == "Inspector Sam Lee" and finding.raised_by == manager
    assert finding.raised_on == datetime.date(2026, 11, 5)
    assert finding.due_on == datetime.date(2026, 12, 3)


def test_the_follow_up_runs_to_closure(finding, manager):
    raised(finding, manager)
    with pytest.raises(ValidationError, match="cannot become closed"):
        services.close_finding(manager, finding)
    services.record_force_response(
        manager, finding, force_response="Bell repaired.", responded_on=datetime.date(2026, 11, 20)
    )
    services.close_finding(manager, finding)
    finding.refresh_from_db()
    assert finding.status == FindingStatus.CLOSED
    assert finding.closed_on == datetime.date(2026, 11, 23) and finding.closed_by == manager
    assert finding.days_to_resolve == 18
    assert [h.status for h in finding.history.order_by("history_id")] == [
        "open",
        "raised",
        "responded",
        "closed",
    ]


def test_a_finding_of_an_unconfirmed_report_is_not_followed_up(manager):
    draft = FindingFactory(visit=ReportedVisitFactory(status=VisitStatus.SUBMITTED))
    with pytest.raises(ValidationError, match="confirmed by both visitors"):
        raised(draft, manager)


def test_only_the_scheme_manager_follows_up(finding, people):
    with pytest.raises(PermissionDenied):
        raised(finding, people[Role.PCC])


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"raised_with": ""}, "raised_with", "Enter the custody inspector it was raised with"),
        ({"raised_on_0": "24"}, "raised_on", "The date it was raised must be today or in the past"),
        ({"raised_on_0": "29", "raised_on_1": "9"}, "raised_on", "on or after the date of the"),
        ({"raised_on_1": "13"}, "raised_on", "must be a real date"),
    ],
)
def test_the_raise_form_refuses_bad_input(client_for, finding, data, field, message):
    form = {
        "version": finding.version,
        "raised_with": "Inspector Sam Lee",
        "raised_on_0": "5",
        "raised_on_1": "11",
        "raised_on_2": "2026",
    }
    url = reverse("custody_visits:finding_raise", kwargs={"code": finding.code})
    response = client_for(Role.STAFF).post(url, form | data)
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    finding.refresh_from_db()
    assert finding.status == FindingStatus.OPEN


def test_the_response_form_saves_and_a_stale_one_is_a_conflict(client_for, finding, manager):
    raised(finding, manager)
    finding.refresh_from_db()
    url = reverse("custody_visits:finding_response", kwargs={"code": finding.code})
    form = {
        "force_response": "Bell repaired on 18 November.",
        "responded_on_0": "18",
        "responded_on_1": "11",
        "responded_on_2": "2026",
    }
    stale = client_for(Role.STAFF).post(url, {**form, "version": finding.version - 1})
    assert stale.status_code == 409
    assert "Bell repaired on 18 November." in stale.content.decode()
    response = client_for(Role.STAFF).post(url, {**form, "version": finding.version})
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.status == FindingStatus.RESPONDED


def test_overdue_open_findings_are_reminded_once(
    finding, manager, people, django_capture_on_commit_callbacks
):
    raised(finding, manager, on=datetime.date(2026, 10, 1))  # due 29 October
    on_time = FindingFactory()
    raised(on_time, manager, on=datetime.date(2026, 11, 20))
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_overdue_findings.delay().get() == 1
        assert services.remind_overdue_findings() == 0  # once
    # Both who run the scheme are reminded: office staff and the Chief Executive.
    messages = OutboundMessage.objects.filter(kind="custody_visits_finding_overdue")
    assert sorted(m.to for m in messages) == sorted(
        [people[Role.STAFF].email, people[Role.CHIEF_EXECUTIVE].email]
    )
    assert all("was due by 29 October 2026" in m.body_text for m in messages)
    finding.refresh_from_db()
    assert finding.overdue_reminder_sent_at is not None


def test_the_due_date_itself_is_in_time_and_the_day_after_is_overdue(finding, manager):
    raised(finding, manager, on=datetime.date(2026, 10, 1))
    finding.refresh_from_db()
    assert finding.due_on == datetime.date(2026, 10, 29)
    assert services.remind_overdue_findings(today=datetime.date(2026, 10, 29)) == 0
    assert services.remind_overdue_findings(today=datetime.date(2026, 10, 30)) == 1


def test_a_closed_finding_is_never_reminded(finding, manager):
    raised(finding, manager, on=datetime.date(2026, 10, 1))
    services.record_force_response(
        manager, finding, force_response="Done.", responded_on=datetime.date(2026, 10, 2)
    )
    services.close_finding(manager, finding)
    assert services.remind_overdue_findings() == 0


def test_the_list_filters_and_tags_overdue(client_for, manager):
    late = FindingFactory(visit=old_visit(), category="food", severity="high")
    raised(late, manager, on=datetime.date(2026, 10, 1))
    FindingFactory(category="cell", severity="low")
    client = client_for(Role.PCC)
    url = reverse("custody_visits:findings")
    html = client.get(url + "?status=overdue").content.decode()
    assert late.get_absolute_url() in html and "Overdue" in html
    assert client.get(url + "?category=cell").context["page"].paginator.count == 1
    assert client.get(url + "?severity=high").context["page"].paginator.count == 1
    assert client.get(url + "?severity=nonsense").context["page"].paginator.count == 2
    other_suite = CustodySuiteFactory()
    assert client.get(url + f"?suite={other_suite.pk}").context["page"].paginator.count == 0


def test_draft_findings_stay_off_the_list(client_for):
    FindingFactory(visit=CustodyVisitFactory())
    assert (
        client_for(Role.STAFF)
        .get(reverse("custody_visits:findings"))
        .context["page"]
        .paginator.count
        == 0
    )


@pytest.mark.parametrize("rows", [3, 30])
def test_finding_list_queries_do_not_grow(rows, client_for, django_assert_max_num_queries):
    visit = ReportedVisitFactory()
    FindingFactory.create_batch(rows, visit=visit)
    client = client_for(Role.STAFF)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("custody_visits:findings"))
    assert response.context["page"].paginator.count == rows


def test_the_scheme_managers_panel_flags_overdue_findings(client_for, finding, manager):
    raised(finding, manager, on=datetime.date(2026, 10, 1))
    html = client_for(Role.STAFF).get(reverse("dashboard")).content.decode()
    assert "Custody visit reports and findings" in html
    assert finding.get_absolute_url() in html and "Overdue" in html
    assert (
        "Custody visit reports"
        not in client_for(Role.PCC).get(reverse("dashboard")).content.decode()
    )


def test_selectors_count_and_list_findings(finding, manager):
    FindingFactory(visit=CustodyVisitFactory())  # a draft: not counted
    raised(finding, manager, on=datetime.date(2026, 10, 1))
    assert selectors.open_findings_count() == 1
    assert selectors.overdue_findings_count() == 1
    assert list(selectors.recent_findings()) == [Finding.objects.get(pk=finding.pk)]


def test_a_visitor_sees_the_findings_of_their_own_visits_only(client_for, me, partner):
    mine = FindingFactory(visit=ReportedVisitFactory(visitors=[me, partner]))
    theirs = FindingFactory(visit=ReportedVisitFactory(visitors=[partner]))
    client = client_for(Role.VISITOR)
    assert client.get(mine.get_absolute_url()).status_code == 200
    assert client.get(theirs.get_absolute_url()).status_code == 404
    assert client.get(reverse("custody_visits:findings")).status_code == 403
