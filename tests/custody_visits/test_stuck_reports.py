"""A report the other visitor cannot confirm is not stuck: the scheme manager sends it back and
sees the ones waiting over a week; confirmed findings not raised within 10 days are flagged;
the delay question must be answered before a report is submitted."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from custody_visits.models import Condition, FindingStatus, VisitStatus
from custody_visits.services import visit_reports as services
from opcc.models import OutboundMessage
from opcc.roles import Role
from tests.custody_visits.factories import (
    CustodyVisitFactory,
    FindingFactory,
    ReportedVisitFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_23_november_2026")]


def at(day: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2026, 11, day, 9, 0))


@pytest.fixture
def submitted(me, partner):
    """Submitted by the partner on 4 November; the signed-in visitor should confirm it."""
    return ReportedVisitFactory(
        status=VisitStatus.SUBMITTED,
        submitted_by=partner.user,
        submitted_at=at(4),
        visitors=[me, partner],
    )


def test_a_report_the_other_visitor_cannot_confirm_is_sent_back_by_the_scheme_manager(
    people, me, partner, submitted, django_capture_on_commit_callbacks
):
    me.is_active = False  # stood down: cannot confirm or send it back
    me.save()
    with pytest.raises(PermissionDenied):
        services.confirm_report(me.user, submitted)
    with django_capture_on_commit_callbacks(execute=True):
        services.return_report(people[Role.STAFF], submitted, reason="Alex has stood down")
    submitted.refresh_from_db()
    assert submitted.status == VisitStatus.PLANNED
    assert submitted.returned_reason == "Alex has stood down"
    assert submitted.submitted_by is None
    assert OutboundMessage.objects.filter(
        recipient=partner.user, kind="custody_visits_report_returned"
    ).exists()


def test_only_the_scheme_manager_sends_back_a_report_this_way(people, partner, submitted):
    with pytest.raises(PermissionDenied):
        services.return_report(people[Role.PCC], submitted, reason="Wrong")
    with pytest.raises(PermissionDenied):
        services.return_report(partner.user, submitted, reason="Wrong")
    with pytest.raises(ValidationError, match="Enter what needs correcting"):
        services.return_report(people[Role.STAFF], submitted, reason=" ")
    confirmed = ReportedVisitFactory(status=VisitStatus.CONFIRMED)
    with pytest.raises(ValidationError, match="cannot become"):
        services.return_report(people[Role.STAFF], confirmed, reason="Wrong")
    submitted.refresh_from_db()
    assert submitted.status == VisitStatus.SUBMITTED


def test_the_send_back_page_needs_a_reason(client_for, submitted):
    client = client_for(Role.STAFF)
    page = client.get(submitted.get_absolute_url()).content.decode()
    url = reverse("custody_visits:visit_return", kwargs={"code": submitted.code})
    assert url in page
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    assert response.context["form"].errors["reason"] == ["Enter what needs correcting"]
    submitted.refresh_from_db()
    assert submitted.status == VisitStatus.SUBMITTED
    assert client.post(url, {"reason": "The other visitor has left"}).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == VisitStatus.PLANNED


def test_the_dashboard_shows_reports_unconfirmed_over_a_week(client_for, me, partner, submitted):
    recent = ReportedVisitFactory(
        status=VisitStatus.SUBMITTED,
        submitted_by=partner.user,
        submitted_at=at(17),
        visitors=[me, partner],
    )
    dashboard = client_for(Role.STAFF).get(reverse("dashboard")).content.decode()
    assert "1 report submitted more than 7 days ago still not confirmed" in dashboard
    assert submitted.get_absolute_url() in dashboard
    assert recent.get_absolute_url() not in dashboard


def test_the_dashboard_flags_findings_not_raised_10_days_after_confirmation(client_for):
    old = ReportedVisitFactory(status=VisitStatus.CONFIRMED, confirmed_at=at(12))
    new = ReportedVisitFactory(status=VisitStatus.REVIEWED, confirmed_at=at(14))
    forgotten = FindingFactory(visit=old)
    raised = FindingFactory(
        visit=old,
        status=FindingStatus.RAISED,
        raised_on=datetime.date(2026, 11, 13),
        due_on=datetime.date(2026, 12, 31),
    )
    recent = FindingFactory(visit=new)
    dashboard = client_for(Role.STAFF).get(reverse("dashboard")).content.decode()
    assert "1 finding still not raised with the custody inspector" in dashboard
    assert forgotten.get_absolute_url() in dashboard
    assert raised.get_absolute_url() not in dashboard
    assert recent.get_absolute_url() not in dashboard


def test_the_delay_question_must_be_answered_before_submitting(me, partner):
    visit = CustodyVisitFactory(
        visitors=[me, partner],
        visited_on=datetime.date(2026, 11, 4),
        arrived_at=datetime.time(19, 30),
        departed_at=datetime.time(21, 0),
        detainees_in_custody=0,
        cleanliness=Condition.GOOD,
        temperature=Condition.GOOD,
        equipment=Condition.GOOD,
    )
    assert visit.admission_delayed is None
    message = "Answer whether you were kept waiting to be let in"
    assert message in services.missing_answers(visit, 0)
    with pytest.raises(ValidationError, match=message):
        services.submit_report(me.user, visit, expected_version=visit.version)
    services.update_report(me.user, visit, expected_version=visit.version, admission_delayed=False)
    visit.refresh_from_db()
    assert services.missing_answers(visit, 0) == []
    services.submit_report(me.user, visit, expected_version=visit.version)
    visit.refresh_from_db()
    assert visit.status == VisitStatus.SUBMITTED


def test_the_check_page_lists_the_unanswered_delay_question(client_for, me, partner):
    visit = CustodyVisitFactory(visitors=[me, partner], visited_on=datetime.date(2026, 11, 4))
    url = reverse("custody_visits:report_check", kwargs={"code": visit.code})
    html = client_for(Role.VISITOR).get(url).content.decode()
    assert "Answer whether you were kept waiting to be let in" in html
