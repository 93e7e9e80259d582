"""The scheme's quarterly performance reports and annual reports: figures only, generated as a PDF
and published by the scheme manager for the panel and the public."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from custody_visits.report_periods import ReportingPeriod, ReportKind


class VisitingReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def visible_to(self, user):
        """Office roles see every report, drafts too (figures only); everyone else, the panel
        and the public included, sees the published ones."""
        from opcc.access import is_office

        if is_office(user):
            return self
        return self.published()


class VisitingReport(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=10, choices=ReportKind.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    introduction = models.TextField(blank=True)
    document = models.ForeignKey(
        "opcc.GeneratedDocument", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = VisitingReportQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "period_start"], name="one_report_per_period"),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="report_period_ends_after_it_starts",
            ),
        ]
        indexes = [
            models.Index(fields=["-published_at"], name="icv_report_published"),
            models.Index(fields=["-period_start", "kind"], name="icv_report_period"),
        ]

    def __str__(self):
        return self.period.title

    def get_absolute_url(self):
        return reverse("custody_visits:report_period") + self.period_query

    @property
    def period(self) -> ReportingPeriod:
        return ReportingPeriod.of(self.kind, self.period_start)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def grants_access(self, user, action) -> bool:
        """opcc.access asks here: the office roles read drafts; the scheme manager acts."""
        from opcc.access import VIEW, is_office

        if user.has_perm("custody_visits.manage_scheme"):
            return True
        return action == VIEW and is_office(user)

    @property
    def download_name(self) -> str:
        """custody-visiting-quarterly-q2-2026-27.pdf"""
        label = self.period.label.lower().replace("/", "-").replace(" ", "-")
        return f"custody-visiting-{self.kind}-{label}.pdf"

    @property
    def period_query(self) -> str:
        period = self.period
        query = f"?kind={period.kind}&financial_year={period.financial_year}"
        return query + (f"&quarter={period.quarter}" if period.quarter else "")
