"""Complaint review services: the 28-day rule, routing, late acceptance, assignment and the
reviewer's object permissions, deciding, the force's responses, closure and notifications."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from guardian.shortcuts import get_perms

from complaints.models import (
    ComplaintReview,
    RecommendationStatus,
    ReviewBody,
    ReviewFinding,
    ReviewStatus,
)
from complaints.services import reviews as services
from opcc.models import OutboundMessage
from opcc.roles import Role
from tests.complaints.factories import ComplaintReviewFactory
from tests.opcc.factories import UserFactory

pytestmark = pytest.mark.django_db

OCTOBER_1 = datetime.date(2026, 10, 1)
REQUEST = {
    "name": "Sam Complainant",
    "email": "sam@example.org",
    "phone": "",
    "force_reference": "CO/2026/123",
    "outcome_given_on": OCTOBER_1,
    "grounds": "They did not speak to my witness.",
}


@pytest.fixture(autouse=True)
def in_november_2026():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


def receive(**overrides):
    return services.receive_review_request(**{**REQUEST, **overrides})


@pytest.fixture
def review(people):
    return receive(request_received_on=datetime.date(2026, 10, 20))


def assigned(people, review, role=Role.STAFF):
    return services.assign_reviewer(people[Role.CHIEF_EXECUTIVE], review, reviewer=people[role])


def upheld(people, review):
    return services.decide_review(
        people[Role.STAFF],
        assigned(people, review),
        finding=ReviewFinding.NOT_REASONABLE,
        finding_reasons="The witness was not spoken to.",
        theme="Witnesses not contacted",
        recommendations=["Speak to the witness.", "", "Reconsider the outcome."],
    )


@pytest.mark.parametrize(
    ("received", "in_time"),
    [
        (datetime.date(2026, 10, 29), True),  # day 28 of the period starting 2 October
        (datetime.date(2026, 10, 30), False),  # day 29
    ],
)
def test_request_is_in_time_up_to_day_28_after_the_outcome(people, received, in_time):
    review = receive(request_received_on=received)

    assert review.last_day_to_ask == datetime.date(2026, 10, 29)
    assert review.is_in_time is in_time


def test_references_are_numbered_per_year(people):
    first, second = receive(), receive()

    assert [first.reference, second.reference] == ["R-2026-0001", "R-2026-0002"]


def test_a_taken_reference_is_not_reused_when_two_requests_race(people, monkeypatch):
    first = receive()
    calls = []

    def stale(model, prefix, year):  # the second request read the last one before the first saved
        calls.append(year)
        return first.reference if len(calls) == 1 else f"{prefix}-{year}-0002"

    monkeypatch.setattr(services, "next_reference", stale)
    second = receive()

    assert second.reference == "R-2026-0002"
    assert ComplaintReview.objects.count() == 2


def test_request_needs_an_email_or_phone_and_a_past_outcome_date(people):
    with pytest.raises(ValidationError) as error:
        receive(email="", phone="", outcome_given_on=datetime.date(2026, 12, 1))

    assert set(error.value.message_dict) == {"email", "outcome_given_on"}
    assert ComplaintReview.objects.count() == 0


def test_staff_may_record_a_request_by_letter_but_a_panel_member_may_not(people):
    review = receive(actor=people[Role.STAFF], channel="letter")
    assert review.history.first().history_change_reason == "Received by letter"

    with pytest.raises(PermissionDenied):
        receive(actor=people[Role.PANEL], channel="letter")


def test_request_is_acknowledged_by_email_after_commit(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        review = receive(request_received_on=datetime.date(2026, 10, 30))

    [email] = mail.outbox
    assert email.to == ["sam@example.org"]
    assert review.reference in email.subject
    assert "after the 28 days" in email.body


def test_routing_to_the_iopc_records_why_and_tells_the_complainant(
    people, review, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.route_to_iopc(
            people[Role.CHIEF_EXECUTIVE], review, reason="About an assistant chief constable"
        )

    review.refresh_from_db()
    assert review.status == ReviewStatus.ROUTED_TO_IOPC
    assert review.review_body == ReviewBody.IOPC
    assert review.routing_reason == "About an assistant chief constable"
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]
    assert "IOPC" in mail.outbox[0].subject


def test_only_those_who_may_change_a_review_route_it(people, review):
    for role in (Role.PCC, Role.STAFF, Role.PANEL):
        with pytest.raises(PermissionDenied):
            services.route_to_iopc(people[role], review, reason="Senior officer")
    with pytest.raises(ValidationError):
        services.route_to_iopc(people[Role.CHIEF_EXECUTIVE], review, reason=" ")


def test_late_request_cannot_be_assigned_until_accepted_with_a_reason(people):
    late = receive(request_received_on=datetime.date(2026, 10, 30))
    chief_executive = people[Role.CHIEF_EXECUTIVE]

    with pytest.raises(ValidationError, match="accept it"):
        services.assign_reviewer(chief_executive, late, reviewer=people[Role.STAFF])
    services.accept_late_request(chief_executive, late, reason="In hospital until 28 October")
    assigned(people, late)

    late.refresh_from_db()
    assert late.late_reason == "In hospital until 28 October"
    assert late.status == ReviewStatus.UNDER_REVIEW


def test_an_in_time_request_needs_no_acceptance(people, review):
    with pytest.raises(ValidationError, match="in time"):
        services.accept_late_request(people[Role.CHIEF_EXECUTIVE], review, reason="x")


def test_assignment_grants_the_reviewer_the_case_and_moves_it_on_reassignment(people, review):
    first, second = people[Role.STAFF], UserFactory(role=Role.STAFF)

    assigned(people, review)
    assert set(get_perms(first, review)) == set(services.REVIEWER_PERMISSIONS)
    assert first.has_perm("complaints.view_complainant_details", review)
    assert ComplaintReview.objects.visible_to(first).get() == review

    services.assign_reviewer(people[Role.CHIEF_EXECUTIVE], review, reviewer=second)

    first = type(first).objects.get(pk=first.pk)  # a fresh permission cache
    assert get_perms(first, review) == []
    assert not ComplaintReview.objects.visible_to(first).exists()
    assert set(get_perms(second, review)) == set(services.REVIEWER_PERMISSIONS)
    review.refresh_from_db()
    assert review.reviewer == second
    assert review.acknowledged_on == datetime.date(2026, 11, 23)


def test_only_the_chief_executive_assigns_and_only_to_staff_or_the_chief_executive(people, review):
    with pytest.raises(PermissionDenied):
        services.assign_reviewer(people[Role.STAFF], review, reviewer=people[Role.STAFF])
    for role in (Role.PCC, Role.PANEL):
        with pytest.raises(ValidationError):
            services.assign_reviewer(people[Role.CHIEF_EXECUTIVE], review, reviewer=people[role])


def test_upheld_review_needs_recommendations_and_a_theme(people, review):
    assigned(people, review)

    with pytest.raises(ValidationError) as error:
        services.decide_review(
            people[Role.STAFF],
            review,
            finding=ReviewFinding.NOT_REASONABLE,
            finding_reasons="Not proportionate.",
            theme="",
            recommendations=["", "  "],
        )

    assert set(error.value.message_dict) == {"recommendations", "theme"}
    review.refresh_from_db()
    assert review.status == ReviewStatus.UNDER_REVIEW


def test_only_the_assigned_reviewer_or_chief_executive_decides(people, review):
    assigned(people, review)
    other_staff = UserFactory(role=Role.STAFF)

    for actor in (other_staff, people[Role.PCC]):
        with pytest.raises(PermissionDenied):
            services.decide_review(
                actor, review, finding=ReviewFinding.REASONABLE, finding_reasons="Fine."
            )
    services.decide_review(
        people[Role.CHIEF_EXECUTIVE],
        review,
        finding=ReviewFinding.REASONABLE,
        finding_reasons="Fine.",
    )
    review.refresh_from_db()
    assert review.status == ReviewStatus.DECIDED
    assert review.theme == ""


def test_a_received_review_cannot_be_decided(people, review):
    with pytest.raises(ValidationError, match="cannot become decided"):
        services.decide_review(
            people[Role.CHIEF_EXECUTIVE],
            review,
            finding=ReviewFinding.REASONABLE,
            finding_reasons="Fine.",
        )


def test_decision_is_sent_to_the_complainant_and_the_force(
    people, review, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upheld(people, review)

    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {"sam@example.org", services.FORCE_PROFESSIONAL_STANDARDS_EMAIL}
    force = by_recipient[services.FORCE_PROFESSIONAL_STANDARDS_EMAIL]
    assert "Speak to the witness." in force.body
    assert "Sam Complainant" not in force.body and "sam@example.org" not in force.body
    assert OutboundMessage.objects.filter(kind="review_decided_force").count() == 1


def test_review_closes_only_when_the_force_has_answered_every_recommendation(people, review):
    review = upheld(people, review)
    first, second = review.recommendations.all()
    staff = people[Role.STAFF]

    services.record_force_response(staff, first, accepted=True, response="Done.")
    with pytest.raises(ValidationError, match="not yet responded to 1 recommendation"):
        services.close_review(staff, review)
    services.record_force_response(staff, second, accepted=False, response="Not practical.")
    with pytest.raises(ValidationError, match="response to this recommendation is recorded"):
        services.record_force_response(staff, second, accepted=True, response="Again")
    services.close_review(staff, review)

    review.refresh_from_db()
    assert review.status == ReviewStatus.CLOSED
    assert [r.status for r in review.recommendations.all()] == [
        RecommendationStatus.ACCEPTED,
        RecommendationStatus.NOT_ACCEPTED,
    ]
    assert review.recommendations.filter(closed_on=None).count() == 0


def test_force_response_needs_permission_and_text(people, review):
    review = upheld(people, review)
    recommendation = review.recommendations.first()

    with pytest.raises(PermissionDenied):
        services.record_force_response(
            people[Role.PCC], recommendation, accepted=True, response="Done"
        )
    with pytest.raises(ValidationError):
        services.record_force_response(
            people[Role.STAFF], recommendation, accepted=True, response=""
        )


def test_targets_count_working_days_past_bank_holidays():
    # Received Wednesday 23 December 2026: Christmas (Fri 25) and Boxing Day's substitute
    # (Mon 28) are not working days, nor is New Year's Day (Fri 1 January 2027).
    review = ComplaintReviewFactory.build(request_received_on=datetime.date(2026, 12, 23))

    assert services.acknowledge_by(review) == datetime.date(2027, 1, 4)
    assert services.decide_by(review) == datetime.date(2027, 2, 4)


def test_targets_follow_settings(settings):
    settings.REVIEW_ACKNOWLEDGE_WORKING_DAYS = 1
    review = ComplaintReviewFactory.build(request_received_on=datetime.date(2026, 12, 24))

    assert services.acknowledge_by(review) == datetime.date(2026, 12, 29)


def test_overdue_marks_for_an_open_review_past_its_targets(people):
    review = receive(request_received_on=datetime.date(2026, 10, 2))

    marks = services.overdue_marks(review)

    assert marks["acknowledgement_overdue"] and marks["decision_overdue"]
    services.route_to_iopc(people[Role.CHIEF_EXECUTIVE], review, reason="Senior officer")
    review.refresh_from_db()
    assert not any(
        services.overdue_marks(review)[k] for k in ("acknowledgement_overdue", "decision_overdue")
    )
