from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class AnnualReport(models.Model):
    """The Commissioner's annual report for a financial year (1 April to 31 March)."""

    financial_year = models.PositiveSmallIntegerField(
        unique=True, help_text="The year the financial year begins in: 2025 means 2025/26."
    )
    document = models.ForeignKey(
        "opcc.GeneratedDocument", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-financial_year"]
        permissions = [("publish_annualreport", "Can generate and publish the annual report")]

    def __str__(self):
        return f"Annual report {self.label}"

    @property
    def label(self) -> str:
        return f"{self.financial_year}/{(self.financial_year + 1) % 100:02d}"
