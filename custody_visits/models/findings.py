"""Findings from custody visits: raised with the custody inspector, answered by the force and
tracked to closure; overdue ones are flagged and reminded once."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from custody_visits.models.visits import CustodyVisit


class FindingCategory(models.TextChoices):
    RIGHTS = "rights", "Rights and entitlements"
    HEALTH = "health", "Health and wellbeing"
    FOOD = "food", "Food and drink"
    CELL = "cell", "Cell conditions"
    CLEANLINESS = "cleanliness", "Cleanliness of the suite"
    TEMPERATURE = "temperature", "Temperature"
    EQUIPMENT = "equipment", "Equipment"
    ACCESS = "access", "Access to the suite (delays)"
    OTHER = "other", "Other"


class Severity(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class FindingStatus(models.TextChoices):
    OPEN = "open", "Open"
    RAISED = "raised", "Raised with the custody inspector"
    RESPONDED = "responded", "Force has responded"
    CLOSED = "closed", "Closed"


# Findings still waiting for the force: once it has responded the finding awaits the scheme
# manager's closure, so it is no longer overdue (nor reminded) whatever its due date.
AWAITING_FORCE = (FindingStatus.OPEN, FindingStatus.RAISED)

FINDING_TRANSITIONS = {
    FindingStatus.OPEN: {FindingStatus.RAISED},
    FindingStatus.RAISED: {FindingStatus.RESPONDED},
    FindingStatus.RESPONDED: {FindingStatus.CLOSED, FindingStatus.RAISED},
    FindingStatus.CLOSED: set(),
}


class FindingQuerySet(models.QuerySet):
    def visible_to(self, user):
        from custody_visits.models.visits import CustodyVisit

        return self.filter(visit__in=CustodyVisit.objects.visible_to(user).values("pk"))

    def overdue(self, today):
        """Findings past the date the force's response was due, still without one."""
        return self.filter(status__in=AWAITING_FORCE, due_on__lt=today)


class Finding(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    visit = models.ForeignKey(CustodyVisit, on_delete=models.PROTECT, related_name="findings")
    category = models.CharField(max_length=12, choices=FindingCategory.choices)
    severity = models.CharField(max_length=8, choices=Severity.choices)
    description = models.TextField()
    status = models.CharField(
        max_length=10, choices=FindingStatus.choices, default=FindingStatus.OPEN
    )
    raised_with = models.CharField(
        "custody inspector it was raised with", max_length=120, blank=True
    )
    raised_on = models.DateField(null=True, blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField("response due on", null=True, blank=True)
    force_response = models.TextField("the force's response", blank=True)
    responded_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_note = models.CharField("why it was closed", max_length=300, blank=True)
    overdue_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["category", "severity"]),
            models.Index(fields=["closed_on"]),
        ]

    def __str__(self):
        return f"{self.get_category_display()} ({self.get_severity_display().lower()})"

    def get_absolute_url(self):
        return reverse("custody_visits:finding", args=[self.code])

    def is_overdue(self, today) -> bool:
        return self.status in AWAITING_FORCE and self.due_on is not None and self.due_on < today

    @property
    def is_overdue_today(self) -> bool:
        """For the status tag: the same rule as ``overdue()``, on today's date."""
        return self.is_overdue(timezone.localdate())

    def grants_access(self, user, action) -> bool:
        """Whoever may see the visit may see its findings; only the scheme manager acts on them."""
        if user.has_perm("custody_visits.manage_scheme"):
            return True
        return action == "view" and self.visit.grants_access(user, action)

    @property
    def days_to_resolve(self) -> int | None:
        if self.closed_on is None or self.raised_on is None:
            return None
        return (self.closed_on - self.raised_on).days
