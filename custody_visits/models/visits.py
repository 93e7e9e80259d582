"""Custody visits: the rota (planned, unannounced visits by at least two visitors) and the report
the visitors file (ICV Code of Practice). A visit is one record from rota to reviewed report."""

import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from custody_visits.models.scheme import CustodySuite

MINIMUM_VISITORS = 2  # ICV Code of Practice: visits are made by at least two visitors together


class VisitStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    SUBMITTED = "submitted", "Report submitted"
    CONFIRMED = "confirmed", "Report confirmed"
    REVIEWED = "reviewed", "Reviewed"
    CANCELLED = "cancelled", "Cancelled"


VISIT_TRANSITIONS = {
    VisitStatus.PLANNED: {VisitStatus.SUBMITTED, VisitStatus.CANCELLED},
    # The second visitor may send a submitted report back for correction instead of confirming.
    VisitStatus.SUBMITTED: {VisitStatus.CONFIRMED, VisitStatus.PLANNED},
    VisitStatus.CONFIRMED: {VisitStatus.REVIEWED},
    VisitStatus.REVIEWED: set(),
    VisitStatus.CANCELLED: set(),
}

# Statuses after which the visit happened and its report exists.
REPORTED = (VisitStatus.SUBMITTED, VisitStatus.CONFIRMED, VisitStatus.REVIEWED)
# Reports both visitors have agreed (the second confirmed it): the only ones the scheme counts.
AGREED = (VisitStatus.CONFIRMED, VisitStatus.REVIEWED)


class Condition(models.TextChoices):
    GOOD = "good", "Good"
    ADEQUATE = "adequate", "Adequate"
    POOR = "poor", "Poor"


class CustodyVisitQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rota stays a surprise: the scheme manager (staff, Chief Executive) sees every visit;
        an active visitor sees only the visits they are on (a stood-down one sees none); the
        office holders see reports once filed; nobody else sees any."""
        from opcc.access import has_role
        from opcc.roles import Role

        if not (user.is_authenticated and user.is_active):
            return self.none()
        if user.has_perm("custody_visits.manage_scheme"):
            return self
        if has_role(user, Role.VISITOR):
            return self.filter(
                assignments__visitor__user=user, assignments__visitor__is_active=True
            ).distinct()
        if has_role(user, Role.PCC, Role.DEPUTY, Role.CHIEF_EXECUTIVE, Role.CFO):
            return self.filter(status__in=REPORTED)
        return self.none()

    def reported(self):
        return self.filter(status__in=REPORTED)


class CustodyVisit(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    suite = models.ForeignKey(CustodySuite, on_delete=models.PROTECT, related_name="visits")
    week_starting = models.DateField("week beginning (Monday)")
    status = models.CharField(
        max_length=12, choices=VisitStatus.choices, default=VisitStatus.PLANNED
    )

    # The report: the day and times of the visit.
    visited_on = models.DateField("date of visit", null=True, blank=True)
    arrived_at = models.TimeField("time of arrival", null=True, blank=True)
    departed_at = models.TimeField("time of departure", null=True, blank=True)
    # None until the visitors answer the delay page: submitting needs an answer either way.
    admission_delayed = models.BooleanField("admission was delayed", null=True, blank=True)
    delay_minutes = models.PositiveSmallIntegerField("delay in minutes", null=True, blank=True)
    delay_reason = models.CharField("reason for the delay", max_length=250, blank=True)
    delay_authorised_by = models.CharField(
        "rank and name of who authorised the delay", max_length=120, blank=True
    )
    detainees_in_custody = models.PositiveSmallIntegerField(
        "detainees in custody at the time", null=True, blank=True
    )
    cleanliness = models.CharField(max_length=10, choices=Condition.choices, blank=True)
    temperature = models.CharField(max_length=10, choices=Condition.choices, blank=True)
    equipment = models.CharField(max_length=10, choices=Condition.choices, blank=True)
    suite_notes = models.TextField("conditions of the suite: notes", blank=True)

    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_notes = models.TextField(blank=True)
    cancelled_reason = models.CharField(max_length=250, blank=True)
    returned_reason = models.CharField(
        "why the report was sent back for correction", max_length=250, blank=True
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = CustodyVisitQuerySet.as_manager()

    class Meta:
        ordering = ["-week_starting", "suite__name", "id"]
        indexes = [
            models.Index(fields=["status", "-week_starting"]),
            models.Index(fields=["suite", "visited_on"]),
            models.Index(fields=["visited_on"]),
            models.Index(fields=["week_starting"]),
        ]
        constraints = [
            # The second visitor confirms the report the first submitted (ICV Code of Practice:
            # visits by two), never its own author.
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True) | ~Q(confirmed_by=F("submitted_by")),
                name="report_confirmed_by_the_other_visitor",
            )
        ]
        permissions = [
            ("manage_scheme", "Can run the custody visiting scheme (rota, reviews, findings)"),
            ("file_visit_report", "Can file and confirm reports of their own visits"),
        ]

    def __str__(self):
        when = self.visited_on or self.week_starting
        return f"{self.suite} visit, {when:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("custody_visits:visit", args=[self.code])

    @property
    def left_after_midnight(self) -> bool:
        """An overnight visit: a departure earlier than the arrival was on the next day."""
        return bool(self.arrived_at and self.departed_at and self.departed_at < self.arrived_at)

    def is_visitor(self, user) -> bool:
        """Is ``user`` an active visitor on this visit? A visitor stood down (inactive) no longer
        sees the visits they were on, nor files or confirms their reports."""
        return any(
            a.visitor.user_id == user.pk and a.visitor.is_active for a in self.assignments.all()
        )

    def grants_access(self, user, action) -> bool:
        """opcc.access asks here after the role permissions. Only a visitor on the visit may
        file its report ("file"), and may view the visit; the scheme manager may do anything
        else; the office holders may view a filed report."""
        from opcc.access import VIEW, has_role
        from opcc.roles import Role

        on_visit = has_role(user, Role.VISITOR) and self.is_visitor(user)
        if action == "file":
            return on_visit and user.has_perm("custody_visits.file_visit_report")
        if user.has_perm("custody_visits.manage_scheme") or (on_visit and action == VIEW):
            return True
        return (
            action == VIEW
            and self.status in REPORTED
            and has_role(user, Role.PCC, Role.DEPUTY, Role.CHIEF_EXECUTIVE, Role.CFO)
        )


class VisitAssignment(models.Model):
    """One visitor on one visit; the unique pair is the database's guarantee that a visit's
    visitors are distinct people."""

    visit = models.ForeignKey(CustodyVisit, on_delete=models.CASCADE, related_name="assignments")
    visitor = models.ForeignKey(
        "custody_visits.Visitor", on_delete=models.PROTECT, related_name="assignments"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "visitor"], name="one_place_per_visitor")
        ]

    def __str__(self):
        return f"{self.visitor} on {self.visit}"


class DetaineeOutcome(models.TextChoices):
    VISITED = "visited", "Visited"
    DECLINED = "declined", "Declined a visit"
    NOT_OFFERED = "not_offered", "Not offered a visit"


class NotOfferedReason(models.TextChoices):
    ASLEEP = "asleep", "Asleep"
    VIOLENT = "violent", "Violent or a risk to visitors"
    IN_INTERVIEW = "in_interview", "In interview"
    WITH_SOLICITOR = "with_solicitor", "With a solicitor or appropriate adult"
    UNWELL = "unwell", "Unwell or receiving medical attention"
    OTHER = "other", "Another reason"


# Custody numbers only, never a name (ICV Code of Practice on detainee confidentiality): letters,
# digits, "/" and "-", with at least three digits, so a name (even "JohnSmith1") cannot be typed
# in instead.
custody_number_validator = RegexValidator(
    r"^(?=(?:\D*\d){3})[A-Za-z0-9/-]{3,30}$",
    "Enter the custody number, like 11/ABC/1234. Do not enter a name.",
)


class DetaineeRecord(models.Model):
    """One detainee seen (or not) on a visit, identified by custody number only."""

    visit = models.ForeignKey(CustodyVisit, on_delete=models.CASCADE, related_name="detainees")
    custody_number = models.CharField(max_length=30, validators=[custody_number_validator])
    outcome = models.CharField(max_length=12, choices=DetaineeOutcome.choices)
    not_offered_reason = models.CharField(
        "why a visit was not offered", max_length=20, choices=NotOfferedReason.choices, blank=True
    )
    is_juvenile = models.BooleanField("juvenile (under 18)", default=False)
    is_vulnerable = models.BooleanField("vulnerable adult", default=False)
    rights_offered = models.BooleanField(
        "rights and entitlements were offered", null=True, blank=True
    )
    health_and_wellbeing = models.TextField(blank=True)
    food_and_drink = models.TextField(blank=True)
    cell_conditions = models.TextField("conditions of the cell", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["visit", "outcome"])]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "custody_number"], name="custody_number_once_a_visit"
            ),
            models.CheckConstraint(
                condition=Q(outcome="not_offered") | Q(not_offered_reason=""),
                name="reason_only_when_not_offered",
            ),
            models.CheckConstraint(
                condition=~Q(outcome="not_offered") | ~Q(not_offered_reason=""),
                name="not_offered_needs_reason",
            ),
        ]

    def __str__(self):
        return self.custody_number
