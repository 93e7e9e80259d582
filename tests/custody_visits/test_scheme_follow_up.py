"""Following the scheme up: a finding the force has answered is no longer overdue; a reminder or
vetting flag with nobody to tell is not marked as sent; the change history of suites and
visitors is open to who runs the scheme, and to nobody else."""

import datetime

import pytest
from django.urls import reverse

from custody_visits import selectors
from custody_visits.models import Finding, FindingStatus, Visitor
from custody_visits.services import findings as findings_services
from custody_visits.services import scheme as scheme_services
from opcc.models import OutboundMessage
from opcc.roles import Role
from tests.custody_visits.factories import (
    CustodySuiteFactory,
    FindingFactory,
    ReportedVisitFactory,
    VisitorFactory,
)
from tests.opcc.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_23_november_2026")]

DUE = datetime.date(2026, 10, 29)  # raised on 1 October: 20 working days on


def late_finding(status=FindingStatus.RAISED):
    visit = ReportedVisitFactory(
        week_starting=datetime.date(2026, 9, 28), visited_on=datetime.date(2026, 9, 30)
    )
    return FindingFactory(
        visit=visit,
        status=status,
        raised_with="Inspector Sam Lee",
        raised_on=datetime.date(2026, 10, 1),
        due_on=DUE,
        force_response="New bells fitted." if status == FindingStatus.RESPONDED else "",
        responded_on=datetime.date(2026, 10, 5) if status == FindingStatus.RESPONDED else None,
    )


def test_a_finding_the_force_has_answered_is_not_overdue(client_for, people):
    answered = late_finding(FindingStatus.RESPONDED)
    waiting = late_finding()
    today = datetime.date(2026, 11, 23)
    assert list(Finding.objects.overdue(today)) == [waiting]
    assert not answered.is_overdue(today) and waiting.is_overdue(today)
    assert selectors.overdue_findings_count() == 1
    # The reminder, the dashboard, the list's filter and the status tag all agree.
    assert findings_services.remind_overdue_findings() == 1
    answered.refresh_from_db()
    assert answered.overdue_reminder_sent_at is None
    client = client_for(Role.STAFF)
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert waiting.get_absolute_url() in dashboard
    assert answered.get_absolute_url() not in dashboard
    listing = client.get(reverse("custody_visits:findings") + "?status=overdue")
    assert list(listing.context["page"].object_list) == [waiting]
    assert "Overdue" not in client.get(answered.get_absolute_url()).content.decode()
    assert "Overdue" in client.get(waiting.get_absolute_url()).content.decode()


def test_an_overdue_reminder_to_nobody_is_not_marked_sent(django_capture_on_commit_callbacks):
    finding = late_finding()
    assert findings_services.remind_overdue_findings() == 0
    finding.refresh_from_db()
    assert finding.overdue_reminder_sent_at is None
    # Once someone runs the scheme again, the reminder goes.
    chief_executive = UserFactory(role=Role.CHIEF_EXECUTIVE)
    with django_capture_on_commit_callbacks(execute=True):
        assert findings_services.remind_overdue_findings() == 1
    assert OutboundMessage.objects.get().to == chief_executive.email
    finding.refresh_from_db()
    assert finding.overdue_reminder_sent_at is not None


def test_a_vetting_flag_to_nobody_is_not_marked_sent():
    visitor = VisitorFactory(vetting_expires_on=datetime.date(2027, 1, 10))
    staff = UserFactory(role=Role.STAFF, is_active=False)  # left the office
    assert scheme_services.flag_vetting_expiries() == 0
    assert Visitor.objects.get(pk=visitor.pk).vetting_reminder_sent_for is None
    staff.is_active = True
    staff.save()
    assert scheme_services.flag_vetting_expiries() == 1
    assert Visitor.objects.get(pk=visitor.pk).vetting_reminder_sent_for == (
        datetime.date(2027, 1, 10)
    )


def history_url(model_name, pk):
    return reverse(
        "record_history",
        kwargs={"app_label": "custody_visits", "model_name": model_name, "pk": pk},
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.STAFF, 200),
        (Role.CHIEF_EXECUTIVE, 200),
        (Role.PCC, 404),
        (Role.CFO, 404),
        (Role.VISITOR, 403),
    ],
)
def test_suite_and_visitor_history_is_for_who_runs_the_scheme(client_for, people, role, status):
    suite = CustodySuiteFactory(name="Westgate Police Station")
    scheme_services.change_suite(people[Role.STAFF], suite, cells=14)
    visitor = VisitorFactory()
    client = client_for(role)
    suite_page = client.get(history_url("custodysuite", suite.pk))
    assert suite_page.status_code == status
    assert client.get(history_url("visitor", visitor.pk)).status_code == status
    if status == 200:
        assert "Westgate Police Station" in suite_page.content.decode()
        assert people[Role.STAFF].full_name in suite_page.content.decode()
