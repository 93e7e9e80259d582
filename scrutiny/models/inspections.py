"""HMICFRS inspection reports and the Commissioner's response to each (Police Act 1996 s.55)."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from opcc.periods import days_beginning_with

RESPONSE_PERIOD_DAYS = 56
# The office's reminder: once when 14 days are left (counting the due day itself as one).
REMINDER_DAYS_LEFT = 14


def response_due_on(published_on: date) -> date:
    """The last day to publish the Commissioner's comments on a report HMICFRS published on
    ``published_on``: Police Act 1996 s.55(5A), "before the end of the period of 56 days
    beginning with the day on which the report is published" (publication day is day 1)."""
    # s.55(5A): "56 days beginning with the day on which the report is published"
    return days_beginning_with(published_on, RESPONSE_PERIOD_DAYS)


class InspectionType(models.TextChoices):
    PEEL = "peel", "PEEL"
    THEMATIC = "thematic", "Thematic"
    JOINT = "joint", "Joint"
    FORCE_SPECIFIC = "force_specific", "Force-specific"


class InspectionStatus(models.TextChoices):
    AWAITING_RESPONSE = "awaiting_response", "Awaiting the Commissioner's response"
    PUBLISHED = "published", "Response published"


INSPECTION_TRANSITIONS = {
    InspectionStatus.AWAITING_RESPONSE: {InspectionStatus.PUBLISHED},
    InspectionStatus.PUBLISHED: set(),
}


class HmicfrsInspectionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=InspectionStatus.PUBLISHED)

    def awaiting_response(self):
        return self.filter(status=InspectionStatus.AWAITING_RESPONSE)

    def visible_to(self, user):
        from opcc.access import has_role
        from opcc.roles import OFFICE_ROLES

        if has_role(user, *OFFICE_ROLES):
            return self
        return self.published()


class HmicfrsInspection(models.Model):
    """A report of His Majesty's Inspectorate of Constabulary and Fire & Rescue Services about
    the force, and the Commissioner's response, which s.55 says must be published within 56
    days, with the Chief Constable's comments, and sent to the Inspectorate and the Home
    Secretary."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=250)
    inspection_type = models.CharField("type", max_length=20, choices=InspectionType.choices)
    published_on = models.DateField("date HMICFRS published the report")
    link = models.URLField("link to the report", max_length=500)
    status = models.CharField(
        max_length=20,
        choices=InspectionStatus.choices,
        default=InspectionStatus.AWAITING_RESPONSE,
    )
    comments_requested_on = models.DateField(
        "date the Chief Constable's comments were requested", null=True, blank=True
    )
    comments_received_on = models.DateField(
        "date the Chief Constable's comments arrived", null=True, blank=True
    )
    chief_constable_comments = models.TextField("the Chief Constable's comments", blank=True)
    response_introduction = models.TextField("the Commissioner's comments", blank=True)
    response_published_at = models.DateTimeField(null=True, blank=True)
    sent_to_inspectorate_on = models.DateField(null=True, blank=True)
    sent_to_home_secretary_on = models.DateField(null=True, blank=True)
    document = models.ForeignKey(
        "opcc.GeneratedDocument", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_soon_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    overdue_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = HmicfrsInspectionQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = "HMICFRS inspection"
        permissions = [
            ("respond_hmicfrsinspection", "Can draft the response to an HMICFRS report"),
            ("publish_hmicfrsinspection", "Can publish the response to an HMICFRS report"),
        ]
        indexes = [
            models.Index(fields=["status", "published_on"]),
            models.Index(fields=["inspection_type", "-published_on"]),
            models.Index(fields=["-published_on", "-id"]),
            # The public list of responses, newest response first.
            models.Index(
                fields=["-response_published_at", "-id"], name="scrutiny_hmicfrs_resp_pub_idx"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("scrutiny:inspection", args=[self.code])

    def get_public_url(self):
        return reverse("scrutiny:hmicfrs_response_public", args=[self.code])

    @property
    def is_published(self) -> bool:
        return self.status == InspectionStatus.PUBLISHED

    @property
    def due_on(self) -> date:
        return response_due_on(self.published_on)

    def days_left(self, today: date | None = None) -> int:
        """Days left to publish, the due day included (1 on the due day, 0 the day after)."""
        return (self.due_on - (today or timezone.localdate())).days + 1

    def is_overdue(self, today: date | None = None) -> bool:
        return not self.is_published and self.days_left(today) < 1

    def is_due_soon(self, today: date | None = None) -> bool:
        return not self.is_published and 1 <= self.days_left(today) <= REMINDER_DAYS_LEFT

    @property
    def published_in_time(self) -> bool | None:
        if self.response_published_at is None:
            return None
        return timezone.localdate(self.response_published_at) <= self.due_on


class ItemKind(models.TextChoices):
    RECOMMENDATION = "recommendation", "Recommendation"
    AREA_FOR_IMPROVEMENT = "area_for_improvement", "Area for improvement"


class ResponseKind(models.TextChoices):
    # Police Act 1996 s.55(5B): action taken or proposed, or why none.
    ACTION_TAKEN = "action_taken", "Action taken"
    ACTION_PROPOSED = "action_proposed", "Action proposed"
    NO_ACTION = "no_action", "No action, with the reason"


class InspectionItem(models.Model):
    """A recommendation or area for improvement in a report, and the Commissioner's answer."""

    inspection = models.ForeignKey(
        HmicfrsInspection, on_delete=models.PROTECT, related_name="items"
    )
    kind = models.CharField(max_length=30, choices=ItemKind.choices)
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    response_kind = models.CharField(max_length=20, choices=ResponseKind.choices, blank=True)
    response = models.TextField(blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "number", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "kind", "number"], name="inspection_item_numbered_once"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    @property
    def is_answered(self) -> bool:
        return bool(self.response_kind and self.response.strip())
