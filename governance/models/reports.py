import uuid
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from opcc import periods


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
    UNLAWFUL_ITEM_OF_ACCOUNT = "unlawful_item", "An unlawful item of account (s.114(2)(c))"
    UNBALANCED_BUDGET = (
        "unbalanced_budget",
        "Expenditure likely to exceed the resources available (s.114(3))",
    )


GROUNDS_BY_KIND = {
    ReportKind.MONITORING_OFFICER: [
        ReportGround.UNLAWFUL,
        ReportGround.MALADMINISTRATION,
        ReportGround.BREACH_OF_CODE,
    ],
    ReportKind.CHIEF_FINANCE_OFFICER: [
        ReportGround.UNLAWFUL_EXPENDITURE,
        ReportGround.UNLAWFUL_LOSS,
        ReportGround.UNLAWFUL_ITEM_OF_ACCOUNT,
        ReportGround.UNBALANCED_BUDGET,
    ],
}
# LGFA 1988 s.114(3): "the expenditure of the authority incurred (including expenditure it
# proposes to incur) in a financial year is likely to exceed the resources (including sums
# borrowed) available to it to meet that expenditure". Every other CFO ground is s.114(2).
SECTION_114_3_GROUNDS = {ReportGround.UNBALANCED_BUDGET}


def consideration_due_on(kind: str, sent_on: date) -> date:
    """The last day for the Commissioner's consideration of a report sent on ``sent_on``."""
    if kind == ReportKind.CHIEF_FINANCE_OFFICER:
        # LGFA 1988 s.115(1D): "not later than the end of the period of 21 days beginning with
        # the day on which copies of the report are sent".
        return periods.days_beginning_with(sent_on, 21)
    # LGHA 1989 s.5(5)(a)(i), for an elected local policing body: "no later than three months
    # after the body is sent a copy of the report" (the 21 days of s.5(5)(a)(ii) are for others).
    return periods.months_after(sent_on, 3)


def bar_ends_on(considered_on: date) -> date:
    """The last day a report bars its matter, once consideration concluded on ``considered_on``.

    LGFA 1988 s.115(9): the prohibition period ends "with the first business day to fall after
    the day (if any) on which the authority's consideration of the report ... is concluded";
    LGHA 1989 s.5(6): implementation is suspended "until the end of the first business day after
    the day on which consideration of that report ... is concluded". Business days: s.115(12),
    s.5(8) (England and Wales)."""
    return periods.first_business_day_after(considered_on)


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
    # LGFA 1988 s.115(1B): "decide whether the body agrees or disagrees with the views
    # contained in the report".
    ACCEPTS = "accepts", "Agrees with the views in the report"
    DOES_NOT_ACCEPT = "does_not_accept", "Disagrees with the views in the report"


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
        """Awaiting consideration after its last day: sent before the first sending day whose
        period still runs today, by kind (each kind's period in consideration_due_on)."""
        today = today or timezone.localdate()
        late = Q()
        for kind in ReportKind:
            first_open = periods.first_start_still_open(
                today, lambda sent_on, kind=kind: consideration_due_on(kind, sent_on)
            )
            late |= Q(kind=kind, issued_at__lt=_start_of(first_open))
        return self.awaiting_consideration().filter(late)

    def barring(self, today=None):
        """Reports barring their matter on ``today``: issued on or before it, and either awaiting
        consideration or within the first business day after it (``bar_ends_on``)."""
        today = today or timezone.localdate()
        return self.filter(issued_at__lt=_start_of(today, days_after=1)).filter(
            Q(status=ReportStatus.ISSUED)
            | Q(status=ReportStatus.CONSIDERED, bar_ends_on__gte=today)
        )

    def not_authorised_for(self, decision, amount, advice_round):
        """The reports no s.115(6) authorisation covers for the decision at this amount and
        advice round: a later change is a different agreement. Values, or OuterRef(OuterRef())s
        when the decision is the row of an outer query."""
        covering = SpendingAuthorisation.objects.filter(
            report=OuterRef("pk"), decision=decision, amount=amount, advice_round=advice_round
        )
        return self.filter(~Exists(covering))

    def prohibition_periods(self, today=None):
        """The s.114(3) reports whose prohibition period (LGFA 1988 s.115(6), (9)) runs today."""
        return self.barring(today).filter(
            kind=ReportKind.CHIEF_FINANCE_OFFICER, ground__in=SECTION_114_3_GROUNDS
        )


def _start_of(day: date, days_after: int = 0):
    return timezone.make_aware(datetime.combine(day + timedelta(days=days_after), time.min))


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
    action_proposed = models.TextField(blank=True)
    considered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    considered_at = models.DateTimeField(null=True, blank=True)
    consideration_concluded_on = models.DateField(
        "the day consideration was concluded", null=True, blank=True
    )
    bar_ends_on = models.DateField(
        "last day of the suspension or prohibition period", null=True, blank=True, editable=False
    )
    response_document = models.ForeignKey(
        "opcc.GeneratedDocument", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
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
            # What is barred today: the dashboards' banner and the sign gate.
            models.Index(fields=["kind", "status", "bar_ends_on"]),
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
    def sent_on(self) -> date | None:
        """The day copies were sent: the day the report was issued (the outbox sends them)."""
        return timezone.localdate(self.issued_at) if self.issued_at else None

    @property
    def due_on(self) -> date | None:
        return consideration_due_on(self.kind, self.sent_on) if self.sent_on else None

    @property
    def due_rule(self) -> str:
        """The period for consideration, in the statute's words, for pages and e-mails."""
        if self.kind == ReportKind.CHIEF_FINANCE_OFFICER:
            return (
                "21 days beginning with the day on which copies of the report are sent: "
                "Local Government Finance Act 1988 s.115(1D)"
            )
        return (
            "three months after the body is sent a copy of the report: Local Government and "
            "Housing Act 1989 s.5(5)(a)(i)"
        )

    @property
    def is_section_114_3(self) -> bool:
        return (
            self.kind == ReportKind.CHIEF_FINANCE_OFFICER and self.ground in SECTION_114_3_GROUNDS
        )

    @property
    def section(self) -> str:
        """The provision the report is made under, as the office cites it."""
        if self.kind == ReportKind.MONITORING_OFFICER:
            return "Local Government and Housing Act 1989 s.5"
        return f"Local Government Finance Act 1988 s.114({3 if self.is_section_114_3 else 2})"

    def bars_on(self, day: date) -> bool:
        if self.sent_on is None or day < self.sent_on:
            return False
        if self.status == ReportStatus.ISSUED:
            return True
        return (
            self.status == ReportStatus.CONSIDERED
            and self.bar_ends_on is not None
            and day <= self.bar_ends_on
        )

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return (
            self.status == ReportStatus.ISSUED and self.due_on is not None and today > self.due_on
        )


class AuthorisationGround(models.TextChoices):
    # LGFA 1988 s.115(6A): "only if he considers that the agreement concerned is likely to—"
    PREVENT_WORSENING = (
        "prevent_worsening",
        "(a) prevent the situation that led to the report from getting worse",
    )
    IMPROVE = "improve", "(b) improve the situation"
    PREVENT_RECURRENCE = "prevent_recurrence", "(c) prevent the situation from recurring"


class SpendingAuthorisation(models.Model):
    """The CFO's written authority for a decision to enter into a new agreement during a
    s.114(3) report's prohibition period. LGFA 1988 s.115(6B): it shall "(a) be in writing,
    (b) identify the ground on which it is given, and (c) explain the chief finance officer's
    reasons for thinking that the ground applies"."""

    decision = models.ForeignKey(
        "governance.Decision", on_delete=models.PROTECT, related_name="spending_authorisations"
    )
    report = models.ForeignKey(
        StatutoryReport, on_delete=models.PROTECT, related_name="spending_authorisations"
    )
    ground = models.CharField(max_length=20, choices=AuthorisationGround.choices)
    reasons = models.TextField("reasons for thinking that the ground applies")
    # What was authorised: a later change of the amount, or of the substance (a new advice
    # round), is a different agreement, which needs its own authorisation.
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    advice_round = models.PositiveSmallIntegerField()
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    authorised_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["authorised_at", "id"]
        permissions = [
            ("authorise_new_agreement", "Can authorise a new agreement (LGFA 1988 s.115(6))")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "report", "advice_round"],
                name="one_authorisation_a_decision_a_report_a_round",
            )
        ]

    def __str__(self):
        return f"Authorisation under s.115(6) for {self.decision.reference}"
