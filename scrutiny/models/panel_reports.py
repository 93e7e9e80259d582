"""The quarterly report to the Police and Crime Panel: compiled from every app's report section,
introduced by the office, generated as a PDF and sent to every panel member."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from scrutiny.quarters import quarter_end, quarter_label


class PanelReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    GENERATED = "generated", "Generated"
    SENT = "sent", "Sent to the panel"


PANEL_REPORT_TRANSITIONS = {
    PanelReportStatus.DRAFT: {PanelReportStatus.GENERATED},
    # Generating again after an edit of the introduction is allowed until it is sent.
    PanelReportStatus.GENERATED: {PanelReportStatus.GENERATED, PanelReportStatus.SENT},
    PanelReportStatus.SENT: set(),
}


class PanelQuarterlyReportQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(status=PanelReportStatus.SENT)

    def visible_to(self, user):
        from opcc.access import has_role
        from opcc.roles import OFFICE_ROLES, Role

        if has_role(user, *OFFICE_ROLES):
            return self
        if has_role(user, Role.PANEL):
            return self.sent()
        return self.none()


class PanelQuarterlyReport(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    quarter = models.DateField(unique=True, help_text="The first day of the quarter")
    introduction = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=PanelReportStatus.choices, default=PanelReportStatus.DRAFT
    )
    document = models.ForeignKey(
        "opcc.GeneratedDocument", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    generated_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = PanelQuarterlyReportQuerySet.as_manager()

    class Meta:
        ordering = ["-quarter"]
        permissions = [("send_panelquarterlyreport", "Can send the quarterly report to the panel")]
        indexes = [models.Index(fields=["status", "-quarter"])]

    def __str__(self):
        return f"Quarterly report to the panel, {self.quarter_label}"

    def get_absolute_url(self):
        return reverse("scrutiny:panel_report", args=[self.code])

    @property
    def quarter_label(self) -> str:
        return quarter_label(self.quarter)

    @property
    def quarter_end(self):
        return quarter_end(self.quarter)
