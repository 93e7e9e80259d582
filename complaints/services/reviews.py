"""Complaint reviews (Police (Complaints and Misconduct) Regulations 2020): receiving a request,
routing it to the IOPC, accepting it late, assigning a reviewer, deciding, tracking the force's
response to each recommendation, and closing.

Every change goes through one of these functions. Each takes the acting user first (a request
from the public has none), asks whether they may, checks the move against REVIEW_TRANSITIONS,
saves inside a transaction, and queues its e-mails through the outbox, sent after commit.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from guardian.shortcuts import assign_perm, remove_perm

from complaints.models import (
    Complainant,
    ComplaintReview,
    IopcGround,
    Recommendation,
    RecommendationStatus,
    ReviewBody,
    ReviewFinding,
    ReviewStatus,
)
from complaints.models.reviews import REVIEW_TRANSITIONS
from complaints.services.references import next_reference
from opcc import access
from opcc.outbox import queue_message
from opcc.periods import working_days_after
from opcc.roles import Role

FORCE_PROFESSIONAL_STANDARDS_EMAIL = getattr(
    settings, "FORCE_PROFESSIONAL_STANDARDS_EMAIL", "professional.standards@police.example"
)
# What an assigned reviewer may do to their case, and nothing else (django-guardian).
REVIEWER_PERMISSIONS = (
    "view_complaintreview",
    "change_complaintreview",
    "decide_complaintreview",
    "view_complainant_details",
)
REVIEWER_ROLES = (Role.STAFF, Role.CHIEF_EXECUTIVE)


class Channel:
    ONLINE = "online"
    LETTER = "letter"
    PHONE = "phone"
    EMAIL = "email"
    CHOICES = [(LETTER, "Letter"), (PHONE, "Phone"), (EMAIL, "E-mail")]
    LABELS = {ONLINE: "the online form", LETTER: "letter", PHONE: "phone", EMAIL: "e-mail"}


def acknowledge_by(review: ComplaintReview) -> date:
    """The office's local target: acknowledge within 5 working days of the request arriving."""
    days = getattr(settings, "REVIEW_ACKNOWLEDGE_WORKING_DAYS", 5)
    # Office target: "acknowledge within 5 working days of the request arriving"
    return working_days_after(review.request_received_on, days)


def decide_by(review: ComplaintReview) -> date:
    """The office's local target: decide within 28 working days of the request arriving."""
    return decision_due(review.request_received_on)


def decision_due(received_on: date) -> date:
    """``decide_by`` for a request that arrived on ``received_on``."""
    days = getattr(settings, "REVIEW_DECIDE_WORKING_DAYS", 28)
    # Office target: "decide within 28 working days of the request arriving"
    return working_days_after(received_on, days)


def overdue_marks(review: ComplaintReview, today: date | None = None) -> dict:
    """Which of the office's targets the review has missed, as of ``today``."""
    today = today or timezone.localdate()
    open_case = review.status in (ReviewStatus.RECEIVED, ReviewStatus.UNDER_REVIEW)
    return {
        "acknowledge_by": acknowledge_by(review),
        "decide_by": decide_by(review),
        "acknowledgement_overdue": open_case
        and review.acknowledged_on is None
        and today > acknowledge_by(review),
        "decision_overdue": open_case and today > decide_by(review),
    }


def _move(review: ComplaintReview, status: str) -> None:
    if status not in REVIEW_TRANSITIONS[review.status]:
        raise ValidationError(
            f"A review that is {review.get_status_display().lower()} cannot become "
            f"{ReviewStatus(status).label.lower()}."
        )
    review.status = status


def _locked(review: ComplaintReview) -> ComplaintReview:
    return (
        ComplaintReview.objects.select_for_update().select_related("complainant").get(pk=review.pk)
    )


def _save(review: ComplaintReview, actor) -> ComplaintReview:
    review.version += 1
    review._history_user = actor
    review.full_clean()
    review.save()
    return review


def _may(actor, action: str, review: ComplaintReview, what: str) -> None:
    if not access.can(actor, action, review):
        access.refuse(actor, f"{what} {review.reference}")


def _tell_complainant(review: ComplaintReview, *, kind: str, template: str) -> None:
    complainant = review.complainant
    if not complainant.email or complainant.anonymised_at:
        return  # asked by phone or letter: the office replies the same way
    queue_message(
        kind=kind,
        to=complainant.email,
        template=template,
        context={"review": review, "name": complainant.name, "portal_url": settings.PORTAL_URL},
        about=review,
    )


def receive_review_request(
    *,
    name: str,
    email: str,
    phone: str,
    force_reference: str,
    outcome_given_on: date,
    grounds: str,
    request_received_on: date | None = None,
    channel: str = Channel.ONLINE,
    iopc_ground: str = "",
    actor=None,
) -> ComplaintReview:
    """Record a request for a review, from the online form (no actor) or received by letter,
    phone or e-mail and recorded by the office (the actor), and acknowledge it by e-mail.

    When the IOPC is the review body (``iopc_ground``), the request is routed to it at once
    and the complainant is told so instead.

    References run R-<year>-<nnnn> per year. Two requests at once may read the same last
    reference: the unique constraint refuses the second, which then takes the next number.
    """
    if channel != Channel.ONLINE and not (
        actor is not None and actor.has_perm("complaints.add_complaintreview")
    ):
        access.refuse(actor, "record a complaint review request")
    today = timezone.localdate()
    request_received_on = request_received_on or today
    errors = {}
    if not (email.strip() or phone.strip()):
        errors["email"] = "Enter an email address or a phone number"
    if outcome_given_on and outcome_given_on > today:
        errors["outcome_given_on"] = "The date the outcome was given must be today or in the past"
    if request_received_on > today:
        errors["request_received_on"] = "The date the request arrived must be today or in the past"
    elif "outcome_given_on" not in errors and request_received_on < outcome_given_on:
        errors["request_received_on"] = (
            "The date the request arrived must be on or after the date the outcome was given"
        )
    if iopc_ground and iopc_ground not in IopcGround.values:
        errors["iopc_ground"] = "Choose why the IOPC is the review body"
    if errors:
        raise ValidationError(errors)
    complainant = Complainant(name=name.strip(), email=email.strip(), phone=phone.strip())
    complainant.full_clean()
    for attempt in range(5):
        try:
            with transaction.atomic():
                complainant.pk = None
                complainant._history_user = actor
                complainant.save()
                review = ComplaintReview(
                    reference=next_reference(ComplaintReview, "R", today.year),
                    complainant=complainant,
                    force_reference=force_reference.strip(),
                    outcome_given_on=outcome_given_on,
                    request_received_on=request_received_on,
                    grounds=grounds.strip(),
                )
                review._history_user = actor
                review._change_reason = f"Received by {Channel.LABELS.get(channel, channel)}"
                # The reference is left to the unique constraint, which catches a race too.
                review.full_clean(exclude=["complainant", "reference"])
                review.save()
                if iopc_ground:
                    _route(review, actor, ground=iopc_ground)
                else:
                    _tell_complainant(
                        review, kind="review_acknowledgement", template="review_acknowledgement"
                    )
            return review
        except IntegrityError:
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


def route_to_iopc(actor, review: ComplaintReview, *, reason: str) -> ComplaintReview:
    """The IOPC, not the Commissioner, is the review body (e.g. the complaint was about a senior
    officer): record why, send the request on and tell the complainant."""
    _may(actor, access.CHANGE, review, "route to the IOPC")
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the IOPC is the review body"})
    with transaction.atomic():
        return _route(_locked(review), actor, reason=reason.strip())


def _route(review: ComplaintReview, actor, *, reason: str = "", ground: str = ""):
    _move(review, ReviewStatus.ROUTED_TO_IOPC)
    review.review_body = ReviewBody.IOPC
    review.iopc_ground = ground
    review.routing_reason = reason or IopcGround(ground).label
    review.acknowledged_on = review.acknowledged_on or timezone.localdate()
    _save(review, actor)
    _tell_complainant(review, kind="review_routed_to_iopc", template="review_routed_to_iopc")
    return review


def accept_late_request(actor, review: ComplaintReview, *, reason: str) -> ComplaintReview:
    """Accept a request made after the 28 days, recording the good reason (reg. 29)."""
    _may(actor, access.CHANGE, review, "accept a late request")
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the late request is accepted"})
    with transaction.atomic():
        current = _locked(review)
        if current.is_in_time:
            raise ValidationError("This request was made in time: there is nothing to accept.")
        if current.status != ReviewStatus.RECEIVED:
            raise ValidationError("Only a request not yet under review can be accepted late.")
        if current.late_reason:
            raise ValidationError("This late request has already been accepted.")
        current.late_reason = reason.strip()
        return _save(current, actor)


def _waits_for_late_acceptance(review: ComplaintReview) -> bool:
    return not review.is_in_time and not review.late_reason


def assign_reviewer(actor, review: ComplaintReview, *, reviewer) -> ComplaintReview:
    """The Chief Executive gives the review to a reviewer, who alone (with the Chief Executive)
    may then see the case and the complainant's details; a previous reviewer loses them."""
    if not access.has_role(actor, Role.CHIEF_EXECUTIVE):
        access.refuse(actor, f"assign a reviewer to {review.reference}")
    _may(actor, access.CHANGE, review, "assign a reviewer to")
    if reviewer is None or not access.has_role(reviewer, *REVIEWER_ROLES):
        raise ValidationError(
            {"reviewer": "Choose a member of staff or the Chief Executive as the reviewer"}
        )
    with transaction.atomic():
        current = _locked(review)
        if _waits_for_late_acceptance(current):
            raise ValidationError(
                "This request was made late: accept it, with the reason, before assigning it."
            )
        if current.status == ReviewStatus.RECEIVED:
            _move(current, ReviewStatus.UNDER_REVIEW)
        elif current.status != ReviewStatus.UNDER_REVIEW:
            raise ValidationError(
                f"A review that is {current.get_status_display().lower()} cannot be assigned."
            )
        previous = current.reviewer
        if previous is not None and previous.pk != reviewer.pk:
            for permission in REVIEWER_PERMISSIONS:
                remove_perm(f"complaints.{permission}", previous, current)
        for permission in REVIEWER_PERMISSIONS:
            assign_perm(f"complaints.{permission}", reviewer, current)
        current.reviewer = reviewer
        current.acknowledged_on = current.acknowledged_on or timezone.localdate()
        return _save(current, actor)


def decide_review(
    actor,
    review: ComplaintReview,
    *,
    finding: str,
    finding_reasons: str,
    theme: str = "",
    recommendations: list[str] = (),
) -> ComplaintReview:
    """Record whether the force's outcome was reasonable and proportionate. An upheld review
    (not reasonable) carries recommendations to the force and a theme for scrutiny."""
    _may(actor, "decide", review, "decide")
    if review.reviewer_id not in (None, actor.pk) and not access.has_role(
        actor, Role.CHIEF_EXECUTIVE
    ):
        access.refuse(actor, f"decide {review.reference} (not its reviewer)")
    recommendations = [text.strip() for text in recommendations if text.strip()]
    errors = {}
    if finding not in ReviewFinding.values:
        errors["finding"] = "Choose whether the outcome was reasonable and proportionate"
    if not finding_reasons.strip():
        errors["finding_reasons"] = "Enter the reasons for the finding"
    if finding == ReviewFinding.NOT_REASONABLE:
        if not recommendations:
            errors["recommendations"] = "Enter at least one recommendation to the force"
        if not theme.strip():
            errors["theme"] = "Enter the theme of an upheld review, for scrutiny"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = _locked(review)
        _move(current, ReviewStatus.DECIDED)
        current.finding = finding
        current.finding_reasons = finding_reasons.strip()
        current.theme = theme.strip() if finding == ReviewFinding.NOT_REASONABLE else ""
        current.decided_on = timezone.localdate()
        _save(current, actor)
        if finding == ReviewFinding.NOT_REASONABLE:
            for text in recommendations:
                recommendation = Recommendation(review=current, text=text)
                recommendation._history_user = actor
                recommendation.full_clean()
                recommendation.save()
        _tell_complainant(current, kind="review_decided", template="review_decided")
        queue_message(
            kind="review_decided_force",
            to=FORCE_PROFESSIONAL_STANDARDS_EMAIL,
            template="review_decided_force",
            context={
                "review": current,
                "recommendations": recommendations,
                "portal_url": settings.PORTAL_URL,
            },
            about=current,
        )
    return current


def record_force_response(
    actor, recommendation: Recommendation, *, accepted: bool, response: str
) -> Recommendation:
    """Record whether the force accepted a recommendation, and what it said."""
    review = recommendation.review
    _may(actor, access.CHANGE, review, "record the force's response on")
    if not response.strip():
        raise ValidationError({"response": "Enter the force's response"})
    with transaction.atomic():
        current = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        if review.status != ReviewStatus.DECIDED:
            raise ValidationError("Responses are recorded only on a decided review.")
        if current.status != RecommendationStatus.AWAITING_RESPONSE:
            raise ValidationError("The force's response to this recommendation is recorded.")
        current.status = (
            RecommendationStatus.ACCEPTED if accepted else RecommendationStatus.NOT_ACCEPTED
        )
        current.force_response = response.strip()
        current.responded_on = timezone.localdate()
        current._history_user = actor
        current.full_clean()
        current.save()
    return current


def close_review(actor, review: ComplaintReview) -> ComplaintReview:
    """Close a decided review once the force has answered every recommendation (or one the
    IOPC is reviewing)."""
    _may(actor, access.CHANGE, review, "close")
    with transaction.atomic():
        current = _locked(review)
        waiting = current.recommendations.filter(
            status=RecommendationStatus.AWAITING_RESPONSE
        ).count()
        if waiting:
            raise ValidationError(
                f"The force has not yet responded to {waiting} "
                f"recommendation{'s' if waiting != 1 else ''}: record the responses first."
            )
        _move(current, ReviewStatus.CLOSED)
        today = timezone.localdate()
        current.closed_on = today
        current.recommendations.update(closed_on=today)
        return _save(current, actor)
