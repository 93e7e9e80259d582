"""Submitting, confirming and reviewing a visit report: either visitor submits, only the other
confirms (or sends it back), the scheme manager reviews; lapsed vetting blocks filing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from custody_visits.models import Condition, VisitStatus
from custody_visits.services import visit_reports as services
from opcc.models import OutboundMessage
from opcc.roles import Role
from tests.conftest import sign_in
from tests.custody_visits.factories import (
    CustodyVisitFactory,
    DetaineeRecordFactory,
    ReportedVisitFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_23_november_2026")]


@pytest.fixture
def filled(me, partner):
    """A visit on Wednesday 4 November 2026 with every answer given, not yet submitted."""
    visit = CustodyVisitFactory(
        visitors=[me, partner],
        week_starting=datetime.date(2026, 11, 2),
        visited_on=datetime.date(2026, 11, 4),
        arrived_at=datetime.time(19, 30),
        departed_at=datetime.time(21, 0),
        admission_delayed=False,
        detainees_in_custody=2,
        cleanliness=Condition.GOOD,
        temperature=Condition.GOOD,
        equipment=Condition.ADEQUATE,
    )
    DetaineeRecordFactory(visit=visit)
    return visit


def url(name, visit):
    return reverse(f"custody_visits:{name}", kwargs={"code": visit.code})


def test_check_your_answers_submits_and_asks_the_other_visitor_to_confirm(
    client_for, filled, partner, django_capture_on_commit_callbacks
):
    client = client_for(Role.VISITOR)
    page = client.get(url("report_check", filled))
    html = page.content.decode()
    assert "Check your answers" in html and "11/ABC/" in html
    assert f"{url('report_details', filled)}?return=check" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("report_check", filled), {"version": filled.version})
    assert response.status_code == 302
    filled.refresh_from_db()
    assert filled.status == VisitStatus.SUBMITTED
    assert filled.submitted_by.role == Role.VISITOR
    message = OutboundMessage.objects.get(kind="custody_visits_report_to_confirm")
    assert message.to == partner.user.email
    # Submitted: the report's pages now lead back to the visit.
    assert client.get(url("report_details", filled))["Location"] == url("visit", filled)


def test_a_report_with_missing_answers_is_not_submitted(client_for, me, partner):
    visit = CustodyVisitFactory(visitors=[me, partner])
    response = client_for(Role.VISITOR).post(url("report_check", visit), {"version": 1})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and "Enter the date of the visit" in html
    assert response.context["problems"]
    visit.refresh_from_db()
    assert visit.status == VisitStatus.PLANNED


def test_more_detainees_than_were_in_custody_is_refused(me, filled):
    DetaineeRecordFactory.create_batch(2, visit=filled)
    with pytest.raises(ValidationError, match="3 detainees but says 2"):
        services.submit_report(me.user, filled, expected_version=filled.version)


def test_a_report_changed_while_being_checked_is_not_submitted(client_for, filled, partner):
    checked = filled.version
    services.update_report(partner.user, filled, expected_version=checked, suite_notes="Warm.")
    response = client_for(Role.VISITOR).post(url("report_check", filled), {"version": checked})
    assert response.status_code == 409
    assert "changed this report while you were checking it" in response.content.decode()
    assert "Warm." in response.content.decode()


@pytest.mark.parametrize(
    ("expires", "allowed"),
    [(datetime.date(2026, 11, 4), True), (datetime.date(2026, 11, 3), False)],
)
def test_lapsed_vetting_blocks_filing_checked_against_the_visit_date(me, filled, expires, allowed):
    # Vetting lapses at the end of its expiry day: valid on the day itself, not the day after.
    me.vetting_expires_on = expires
    me.save()
    if allowed:
        services.submit_report(me.user, filled, expected_version=filled.version)
        assert filled.__class__.objects.get(pk=filled.pk).status == VisitStatus.SUBMITTED
    else:
        with pytest.raises(ValidationError, match="Your police vetting lapsed on 3 November 2026"):
            services.submit_report(me.user, filled, expected_version=filled.version)


def test_only_the_other_visitor_confirms(client_for, me, partner, filled):
    services.submit_report(me.user, filled, expected_version=filled.version)
    response = client_for(Role.VISITOR).post(url("visit_confirm", filled))
    assert response.status_code == 400
    assert "The other visitor on the visit must confirm" in response.content.decode()
    other = sign_in(client_for("anonymous"), partner.user)
    page = other.get(url("visit", filled)).content.decode()
    assert "Confirm the report" in page
    assert other.post(url("visit_confirm", filled)).status_code == 302
    filled.refresh_from_db()
    assert filled.status == VisitStatus.CONFIRMED and filled.confirmed_by == partner.user


def test_the_second_visitors_lapsed_vetting_blocks_confirmation(me, partner, filled):
    services.submit_report(me.user, filled, expected_version=filled.version)
    partner.vetting_expires_on = datetime.date(2026, 11, 1)
    partner.save()
    with pytest.raises(ValidationError, match="lapsed"):
        services.confirm_report(partner.user, filled)


def test_a_report_sent_back_returns_to_the_submitter_with_the_reason(
    client_for, me, partner, filled, django_capture_on_commit_callbacks
):
    services.submit_report(partner.user, filled, expected_version=filled.version)
    client = client_for(Role.VISITOR)
    response = client.post(url("visit_send_back", filled), {"reason": ""})
    assert response.status_code == 400
    assert "Enter what needs correcting" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("visit_send_back", filled), {"reason": "Arrival was 19:40."})
    assert response.status_code == 302
    filled.refresh_from_db()
    assert filled.status == VisitStatus.PLANNED and filled.submitted_by is None
    assert OutboundMessage.objects.get(kind="custody_visits_report_returned").to == (
        partner.user.email
    )
    assert "Arrival was 19:40." in client.get(url("visit", filled)).content.decode()


def test_the_scheme_manager_reviews_a_confirmed_report(client_for, me, partner):
    visit = ReportedVisitFactory(status=VisitStatus.CONFIRMED, visitors=[me, partner])
    client = client_for(Role.STAFF)
    assert "Review the report" in client.get(url("visit", visit)).content.decode()
    response = client.post(url("visit_review", visit), {"notes": "Thank you."})
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == VisitStatus.REVIEWED and visit.review_notes == "Thank you."
    with pytest.raises(ValidationError):
        services.review_report(visit.reviewed_by, visit)  # only once


def test_a_visitor_cannot_review(me, partner):
    visit = ReportedVisitFactory(status=VisitStatus.CONFIRMED, visitors=[me, partner])
    with pytest.raises(PermissionDenied):
        services.review_report(me.user, visit)


def test_the_commissioner_reads_filed_reports_but_not_the_rota(client_for, me, partner):
    filed = ReportedVisitFactory(visitors=[me, partner])
    planned = CustodyVisitFactory(visitors=[me, partner])
    client = client_for(Role.PCC)
    listing = client.get(reverse("custody_visits:visit_reports")).content.decode()
    assert filed.get_absolute_url() in listing and planned.get_absolute_url() not in listing
    assert client.get(url("visit", filed)).status_code == 200
    assert client.get(url("visit", planned)).status_code == 404
    assert client.get(reverse("custody_visits:rota")).status_code == 403


@pytest.mark.parametrize("rows", [3, 30])
def test_visit_report_list_queries_do_not_grow(
    rows, client_for, me, partner, django_assert_max_num_queries
):
    for _ in range(rows):
        ReportedVisitFactory(visitors=[me, partner])
    client = client_for(Role.PCC)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("custody_visits:visit_reports"))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == rows
