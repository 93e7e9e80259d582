"""The scrutiny work programme (forward plan) and the horizon-scanning log that feeds it."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from scrutiny.quarters import quarter_label


class TopicSource(models.TextChoices):
    PLAN_PRIORITY = "plan_priority", "Police and Crime Plan priority"
    COMPLAINT_REVIEW_THEME = "complaint_review_theme", "Upheld complaint review theme"
    HMICFRS_FINDING = "hmicfrs_finding", "HMICFRS finding"
    CUSTODY_VISITING_FINDING = "custody_visiting_finding", "Custody visiting finding"
    HORIZON_SCAN = "horizon_scan", "Horizon scan"


class TopicStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    SCRUTINISED = "scrutinised", "Scrutinised"
    DROPPED = "dropped", "Dropped"


TOPIC_TRANSITIONS = {
    TopicStatus.PLANNED: {TopicStatus.SCRUTINISED, TopicStatus.DROPPED},
    TopicStatus.SCRUTINISED: set(),
    TopicStatus.DROPPED: {TopicStatus.PLANNED},
}


class Relevance(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class HorizonScanEntry(models.Model):
    """Something coming that may matter to policing here: a consultation, a new law, a report."""

    noted_on = models.DateField("date noted")
    source = models.CharField(max_length=200, help_text="Where it came from, e.g. Home Office")
    summary = models.TextField()
    relevance = models.CharField(max_length=10, choices=Relevance.choices)
    action = models.TextField("action", blank=True, help_text="What the office will do about it")
    noted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-noted_on", "-id"]
        verbose_name_plural = "horizon scan entries"
        indexes = [models.Index(fields=["-noted_on", "-id"])]

    def __str__(self):
        return f"{self.noted_on:%d %b %Y} {self.source}"

    def get_absolute_url(self):
        return reverse("scrutiny:horizon_scan")


class ForwardPlanTopic(models.Model):
    """A topic the work programme plans to scrutinise, against a quarter (and, where known, a
    meeting), with who leads on it and where it came from."""

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    source = models.CharField(max_length=30, choices=TopicSource.choices)
    source_reference = models.CharField(
        max_length=200,
        blank=True,
        help_text="Which priority, review theme, report or finding, e.g. Priority 2 or R-2026-0005",
    )
    planned_quarter = models.DateField(help_text="The first day of the quarter it is planned for")
    planned_meeting = models.ForeignKey(
        "scrutiny.Meeting",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="planned_topics",
        help_text="The meeting it is planned for, if known",
    )
    lead = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=20, choices=TopicStatus.choices, default=TopicStatus.PLANNED
    )
    horizon_scan_entry = models.OneToOneField(
        HorizonScanEntry,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="topic",
    )
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["planned_quarter", "title", "id"]
        indexes = [
            models.Index(fields=["status", "planned_quarter"]),
            models.Index(fields=["source", "planned_quarter"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("scrutiny:forward_plan_topic", args=[self.pk])

    @property
    def quarter_label(self) -> str:
        return quarter_label(self.planned_quarter)
