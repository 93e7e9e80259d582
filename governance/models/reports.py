import uuid
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

# LGHA 1989 s.5(5) and LGFA 1988 s.115(2): consider the report within 21 days of its being sent.
CONSIDERATION_PERIOD = timedelta(days=21)


class ReportKind(models.TextChoices):
    MONITORING_OFFICER = (
        "mo_s5",
        "Monitoring Officer report (Local Government and Housing Act 1989 s.5)",
    )
    CHIEF_FINANCE_OFFICER = (
        "cfo_s114",
        "Chief Finance Officer report (Local Government Finance Act 1988 s.114)",
    )


class ReportGround(models.TextChoices):
    UNLAWFUL = "unlawful", "Unlawful"
    MALADMINISTRATION = "maladministration", "Maladministration"
    BREACH_OF_CODE = "breach_of_code", "Breach of a code or protocol"
    UNLAWFUL_EXPENDITURE = "unlawful_expenditure", "Unlawful expenditure"
    UNLAWFUL_LOSS = "unlawful_loss", "Unlawful action likely to cause a loss or deficiency"
    UNBALANCED_BUDGET = "unbalanced_budget", "Expenditure likely to exceed resources"


GROUNDS_BY_KIND = {
    ReportKind.MONITORING_OFFICER: [
        ReportGround.UNLAWFUL,
        ReportGround.MALADMINISTRATION,
        ReportGround.BREACH_OF_CODE,
    ],
    ReportKind.CHIEF_FINANCE_OFFICER: [
        ReportGround.UNLAWFUL_EXPENDITURE,
        ReportGround.UNLAWFUL_LOSS,
        ReportGround.UNBALANCED_BUDGET,
    ],
}


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ISSUED = "issued", "Issued: awaiting consideration"
    CONSIDERED = "considered", "Considered"


REPORT_TRANSITIONS = {
    ReportStatus.DRAFT: {ReportStatus.ISSUED},
    ReportStatus.ISSUED: {ReportStatus.CONSIDERED},
    ReportStatus.CONSIDERED: set(),
}


class ReportOutcome(models.TextChoices):
    ACCEPTS = "accepts", "Accepts the report"
    DOES_NOT_ACCEPT = "does_not_accept", "Does not accept the report"


class StatutoryReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        from opcc.access import has_role
        from opcc.roles import OFFICE_ROLES, Role

        if has_role(user, *OFFICE_ROLES):
            return self
        if has_role(user, Role.PANEL):
            # Panel members receive a copy of every issued report (the statute says so).
            return self.exclude(status=ReportStatus.DRAFT)
        return self.none()

    def redacted_published(self):
        """Reports whose redacted version the Chief Executive has published (never the rest)."""
        return self.filter(redacted_published_at__isnull=False).order_by("-redacted_published_at")

    def awaiting_consideration(self):
        return self.filter(status=ReportStatus.ISSUED)

    def overdue(self, today=None):
        """Issued on or before the day 22 days ago: the 21 days after issue have all passed."""
        today = today or timezone.localdate()
        cutoff = timezone.make_aware(datetime.combine(today - CONSIDERATION_PERIOD, time.min))
        return self.awaiting_consideration().filter(issued_at__lt=cutoff)


class StatutoryReport(models.Model):
    """A Monitoring Officer (s.5) or Chief Finance Officer (s.114) report to the Commissioner."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=10, choices=ReportKind.choices)
    title = models.CharField(max_length=250)
    decision = models.ForeignKey(
        "governance.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statutory_reports",
        help_text="The decision the report is about, if it is about one.",
    )
    matter = models.TextField(
        "proposal or omission",
        blank=True,
        help_text="What the report is about, when it is not a decision on the register.",
    )
    ground = models.CharField(max_length=30, choices=ReportGround.choices)
    findings = models.TextField()
    recommendations = models.TextField()
    status = models.CharField(
        max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    document = models.ForeignKey(
        "opcc.GeneratedDocument", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    response = models.TextField("the Commissioner's response", blank=True)
    outcome = models.CharField(max_length=20, choices=ReportOutcome.choices, blank=True)
    outcome_reasons = models.TextField(blank=True)
    action_taken = models.TextField(blank=True)
    considered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    considered_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    redacted_title = models.CharField("title for publication", max_length=250, blank=True)
    redacted_text = models.TextField("redacted version for publication", blank=True)
    redacted_published_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = StatutoryReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [
            ("issue_monitoring_officer_report", "Can draft and issue Monitoring Officer reports"),
            ("issue_s114_report", "Can draft and issue section 114 reports"),
            ("consider_statutoryreport", "Can record the Commissioner's consideration"),
            ("publish_redacted_report", "Can publish a redacted version of a report"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision__isnull=False) | ~Q(matter=""),
                name="report_is_about_a_decision_or_a_matter",
            )
        ]
        indexes = [
            models.Index(fields=["status", "issued_at"]),
            models.Index(fields=["-created_at", "-id"]),
            models.Index(fields=["-redacted_published_at"]),  # the public list
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:report", args=[self.code])

    def grants_access(self, user, action) -> bool:
        # DESIGN.md (LGHA 1989 s.5 as applied to PCCs): every panel member gets each issued report.
        from opcc.roles import Role

        return action == "view" and user.role == Role.PANEL and self.status != ReportStatus.DRAFT

    @property
    def due_on(self):
        if self.issued_at is None:
            return None
        return timezone.localdate(self.issued_at) + CONSIDERATION_PERIOD

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return (
            self.status == ReportStatus.ISSUED and self.due_on is not None and today > self.due_on
        )
