"""The Police and Crime Plan: its priorities, the measures of each, and the force's performance
against them quarter by quarter."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from scrutiny.charts import plain_number
from scrutiny.quarters import quarter_label


class PlanQuerySet(models.QuerySet):
    def published(self):
        return self.exclude(published_at=None)

    def visible_to(self, user):
        from opcc.access import has_role
        from opcc.roles import OFFICE_ROLES

        if has_role(user, *OFFICE_ROLES):
            return self
        return self.published()

    def current(self, today=None):
        """The plan in force ``today``: the latest to have begun."""
        today = today or timezone.localdate()
        return self.filter(starts_on__lte=today).order_by("-starts_on", "-id").first()


class PoliceAndCrimePlan(models.Model):
    """The Commissioner's plan (Police Reform and Social Responsibility Act 2011 s.7)."""

    title = models.CharField(max_length=200)
    starts_on = models.DateField()
    ends_on = models.DateField()
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()
    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = "Police and Crime Plan"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")), name="plan_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("scrutiny:plan", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class PlanPriority(models.Model):
    plan = models.ForeignKey(
        PoliceAndCrimePlan, on_delete=models.PROTECT, related_name="priorities"
    )
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["number", "id"]
        verbose_name_plural = "plan priorities"
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="priority_numbered_once")
        ]

    def __str__(self):
        return f"Priority {self.number}: {self.title}"


class Direction(models.TextChoices):
    HIGHER_IS_BETTER = "higher", "Higher is better"
    LOWER_IS_BETTER = "lower", "Lower is better"


class PlanMeasure(models.Model):
    """How progress on a priority is measured: a figure the force reports each quarter."""

    priority = models.ForeignKey(PlanPriority, on_delete=models.PROTECT, related_name="measures")
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=30, blank=True, help_text="For example %, days or crimes")
    target = models.DecimalField(max_digits=12, decimal_places=2)
    direction = models.CharField(max_length=10, choices=Direction.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["priority__number", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("scrutiny:plan_measure", args=[self.pk])

    @property
    def shown_target(self) -> str:
        return plain_number(self.target)

    def meets_target(self, value: Decimal) -> bool:
        if self.direction == Direction.HIGHER_IS_BETTER:
            return value >= self.target
        return value <= self.target


class MeasureValue(models.Model):
    """The force's figure for a measure in one quarter."""

    measure = models.ForeignKey(PlanMeasure, on_delete=models.PROTECT, related_name="values")
    quarter = models.DateField(help_text="The first day of the quarter")
    value = models.DecimalField(max_digits=12, decimal_places=2)
    note = models.CharField(max_length=250, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "quarter"], name="one_value_a_quarter")
        ]
        indexes = [models.Index(fields=["quarter"])]

    def __str__(self):
        return f"{self.measure}: {self.quarter_label}"

    @property
    def quarter_label(self) -> str:
        return quarter_label(self.quarter)

    @property
    def shown(self) -> str:
        return plain_number(self.value)

    @property
    def meets_target(self) -> bool:
        return self.measure.meets_target(self.value)
