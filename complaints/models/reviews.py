"""Complaint reviews under the Police (Complaints and Misconduct) Regulations 2020, and the
people who ask for them (whose personal data is kept apart, to be shown only to handlers)."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from opcc.periods import days_starting_day_after

REVIEW_REQUEST_DAYS = 28


def last_day_to_ask_for_review(outcome_given_on: date) -> date:
    """The last day a review may be asked for (Police (Complaints and Misconduct) Regulations
    2020 reg. 29(2)), the force having given its outcome on ``outcome_given_on``."""
    # Reg. 29(2): "within a period of 28 days starting with the day after the day on which"
    return days_starting_day_after(outcome_given_on, REVIEW_REQUEST_DAYS)


# The same rule as the days the database adds to the outcome's date (complaints.statistics).
REVIEW_REQUEST_PERIOD = last_day_to_ask_for_review(date(2000, 1, 1)) - date(2000, 1, 1)


class Complainant(models.Model):
    """A member of the public's personal data: only a case's handlers and the Chief Executive
    see it, each view is logged, and it is anonymised when the case's retention period ends."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    def __str__(self):
        return "Complainant (anonymised)" if self.anonymised_at else "Complainant"

    def history_viewed(self, user) -> None:
        """The change history shows every earlier name and address: log it as a view."""
        from complaints.services.personal_data import cases_of, log_personal_data_view

        cases = cases_of(self)
        log_personal_data_view(user, self, cases[0].reference if cases else "")


class ReviewBody(models.TextChoices):
    PCC = "pcc", "The Police and Crime Commissioner"
    IOPC = "iopc", "The Independent Office for Police Conduct"


class IopcGround(models.TextChoices):
    """Why the IOPC, not the Commissioner, is the relevant review body (Police Reform Act 2002
    Sch. 3 para. 6A and the Police (Complaints and Misconduct) Regulations 2020 reg. 30)."""

    OUTCOME_LETTER = (
        "outcome_letter",
        "The force's outcome letter names the IOPC as the review body",
    )
    SENIOR_OFFICER = "senior_officer", "The complaint is about a senior officer"
    REFERRED = "referred", "The complaint was referred to the IOPC"
    SERIOUS = (
        "serious",
        (
            "The conduct could justify criminal or disciplinary proceedings, or involves the "
            "rights in articles 2 or 3 of the European Convention on Human Rights"
        ),
    )


class ReviewStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    ROUTED_TO_IOPC = "routed_to_iopc", "Sent to the IOPC (it is the review body)"
    UNDER_REVIEW = "under_review", "Under review"
    DECIDED = "decided", "Decided"
    CLOSED = "closed", "Closed"


REVIEW_TRANSITIONS = {
    ReviewStatus.RECEIVED: {ReviewStatus.UNDER_REVIEW, ReviewStatus.ROUTED_TO_IOPC},
    ReviewStatus.UNDER_REVIEW: {ReviewStatus.DECIDED},
    ReviewStatus.DECIDED: {ReviewStatus.CLOSED},
    ReviewStatus.ROUTED_TO_IOPC: {ReviewStatus.CLOSED},
    ReviewStatus.CLOSED: set(),
}


class ReviewFinding(models.TextChoices):
    REASONABLE = "reasonable", "The outcome was reasonable and proportionate"
    NOT_REASONABLE = "not_reasonable", "The outcome was not reasonable and proportionate (upheld)"


class ComplaintReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        from guardian.shortcuts import get_objects_for_user

        from opcc.access import has_role
        from opcc.roles import Role

        if has_role(user, Role.CHIEF_EXECUTIVE) or user.has_perm("complaints.view_complaintreview"):
            return self
        if has_role(user, Role.STAFF):
            return get_objects_for_user(
                user, "complaints.view_complaintreview", klass=self, accept_global_perms=False
            )
        return self.none()


class ComplaintReview(models.Model):
    """A request to review how the force handled a complaint."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(max_length=20, unique=True, editable=False)
    complainant = models.ForeignKey(Complainant, on_delete=models.PROTECT, related_name="reviews")
    force_reference = models.CharField("the force's complaint reference", max_length=60)
    outcome_given_on = models.DateField("date the force gave its outcome")
    request_received_on = models.DateField("date the review request arrived")
    grounds = models.TextField("why the complainant thinks the outcome was wrong")
    late_reason = models.TextField(
        "why a late request is accepted",
        blank=True,
        help_text="Required to accept a request made after the 28 days.",
    )
    review_body = models.CharField(
        max_length=10, choices=ReviewBody.choices, default=ReviewBody.PCC
    )
    routing_reason = models.CharField(max_length=250, blank=True)
    iopc_ground = models.CharField(
        "why the IOPC is the review body", max_length=20, choices=IopcGround.choices, blank=True
    )
    status = models.CharField(
        max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.RECEIVED
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_on = models.DateField(null=True, blank=True)
    finding = models.CharField(max_length=20, choices=ReviewFinding.choices, blank=True)
    finding_reasons = models.TextField(blank=True)
    theme = models.CharField(
        "theme (for scrutiny)", max_length=100, blank=True,
        help_text="For upheld reviews: what went wrong, in a few words, e.g. poor communication.",
    )  # fmt: skip
    decided_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    retention_hold = models.CharField(
        "hold on disposal", max_length=250, blank=True,
        help_text="A reason (litigation, FOI request) stops anonymisation while it is set.",
    )  # fmt: skip
    anonymised_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = ComplaintReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-request_received_on", "-id"]
        indexes = [
            models.Index(fields=["status", "-request_received_on"]),
            models.Index(fields=["reviewer", "status"]),
            models.Index(fields=["finding", "decided_on"]),
        ]
        permissions = [
            ("decide_complaintreview", "Can decide complaint reviews assigned to them"),
            ("view_complainant_details", "Can see complainants' personal data"),
        ]

    def __str__(self):
        return self.reference

    def get_absolute_url(self):
        return reverse("complaints:review", args=[self.code])

    @property
    def last_day_to_ask(self):
        """Day 28 of the period that starts the day after the outcome was given."""
        return last_day_to_ask_for_review(self.outcome_given_on)

    @property
    def is_in_time(self) -> bool:
        return self.request_received_on <= self.last_day_to_ask


class RecommendationStatus(models.TextChoices):
    AWAITING_RESPONSE = "awaiting_response", "Awaiting the force's response"
    ACCEPTED = "accepted", "Accepted by the force"
    NOT_ACCEPTED = "not_accepted", "Not accepted by the force"
    CLOSED = "closed", "Closed"


class Recommendation(models.Model):
    """A recommendation to the force from an upheld review, tracked to closure."""

    review = models.ForeignKey(
        ComplaintReview, on_delete=models.PROTECT, related_name="recommendations"
    )
    text = models.TextField()
    status = models.CharField(
        max_length=20,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.AWAITING_RESPONSE,
    )
    force_response = models.TextField(blank=True)
    responded_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.text[:60]
