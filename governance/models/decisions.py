import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.models.delegation import general_category_id


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_ADVICE = "awaiting_advice", "Awaiting advice"
    ADVISED = "advised", "Advised"
    SIGNED = "signed", "Signed"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"
    HALTED = "halted", "Halted by a statutory report"


# Every move a decision may make; governance.services.decisions checks each change against it.
DECISION_TRANSITIONS = {
    DecisionStatus.DRAFT: {
        DecisionStatus.AWAITING_ADVICE,
        DecisionStatus.WITHDRAWN,
        DecisionStatus.HALTED,
    },
    DecisionStatus.AWAITING_ADVICE: {
        DecisionStatus.ADVISED,
        DecisionStatus.AWAITING_ADVICE,
        DecisionStatus.WITHDRAWN,
        DecisionStatus.HALTED,
    },
    DecisionStatus.ADVISED: {
        DecisionStatus.SIGNED,
        DecisionStatus.AWAITING_ADVICE,
        DecisionStatus.WITHDRAWN,
        DecisionStatus.HALTED,
    },
    DecisionStatus.SIGNED: {DecisionStatus.PUBLISHED, DecisionStatus.HALTED},
    DecisionStatus.HALTED: {DecisionStatus.AWAITING_ADVICE},
    DecisionStatus.PUBLISHED: set(),
    DecisionStatus.WITHDRAWN: set(),
}

EDITABLE_STATUSES = {DecisionStatus.DRAFT, DecisionStatus.AWAITING_ADVICE, DecisionStatus.ADVISED}

# The fields whose change after advice makes that advice stale (DESIGN.md, Decisions).
SUBSTANTIVE_FIELDS = (
    "title",
    "summary",
    "background",
    "options_considered",
    "decision_text",
    "reasons",
    "financial_implications",
    "legal_implications",
    "equality_implications",
    "category",
    "decision_maker",
    "commits_expenditure",
    "expenditure_amount",
    "significant_public_interest",
    "confidential_annex",
    "restriction_reason",
)


class DecisionMaker(models.TextChoices):
    PCC = "pcc", "Police and Crime Commissioner"
    DEPUTY = "deputy", "Deputy Police and Crime Commissioner (delegated)"


class AdviceKind(models.TextChoices):
    LEGAL = "legal", "Legal and Monitoring Officer advice"
    FINANCIAL = "financial", "Financial advice"


# Who gives each: the Chief Executive is the Monitoring Officer; the CFO the s.151 officer.
ADVISER_ROLE = {AdviceKind.LEGAL: "chief_executive", AdviceKind.FINANCIAL: "cfo"}


class DecisionSequence(models.Model):
    """The last reference number used in a year: references are never reused."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class DecisionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=DecisionStatus.PUBLISHED)

    def for_register(self):
        return self.published().order_by("-published_at", "-id")

    def visible_to(self, user):
        from opcc.access import has_role
        from opcc.roles import OFFICE_ROLES

        if has_role(user, *OFFICE_ROLES):
            return self
        return self.published()

    def with_suspension(self, today=None):
        """Annotated ``suspended``: a statutory report bars the decision on ``today`` (LGHA 1989
        s.5(5)(b), (6); LGFA 1988 s.115(5), (9)). One subquery, for lists."""
        from governance.models.reports import StatutoryReport

        barring = StatutoryReport.objects.barring(today).filter(decision=OuterRef("pk"))
        return self.annotate(suspended=Exists(barring))

    def with_open_report(self):
        from governance.models.reports import ReportStatus, StatutoryReport

        open_reports = StatutoryReport.objects.filter(
            decision=OuterRef("pk"), status=ReportStatus.ISSUED
        )
        return self.annotate(has_open_report=Exists(open_reports))


class Decision(models.Model):
    """A decision of the Commissioner (or the Deputy, where delegated)."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(editable=False)
    number = models.PositiveIntegerField(editable=False)
    reference = models.CharField(max_length=12, unique=True, editable=False)
    title = models.CharField(max_length=250)
    summary = models.TextField()
    background = models.TextField(blank=True)
    options_considered = models.TextField(blank=True)
    decision_text = models.TextField("the decision", blank=True)
    reasons = models.TextField("reasons for the decision", blank=True)
    financial_implications = models.TextField(blank=True)
    legal_implications = models.TextField(blank=True)
    equality_implications = models.TextField(blank=True)
    category = models.ForeignKey(
        "governance.DecisionCategory",
        on_delete=models.PROTECT,
        related_name="decisions",
        default=general_category_id,
        help_text="From the scheme of delegation: it says who may make the decision.",
    )
    decision_maker = models.CharField(
        max_length=10, choices=DecisionMaker.choices, default=DecisionMaker.PCC
    )
    # LGFA 1988 s.115(6): during a prohibition period no "new agreement which may involve the
    # incurring of expenditure" without the CFO's authorisation, so the decision says if it is one.
    commits_expenditure = models.BooleanField(
        "commits new expenditure",
        default=False,
        help_text="Does the decision enter into a new agreement which may involve spending?",
    )
    expenditure_amount = models.DecimalField(
        "amount of new expenditure (£)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    significant_public_interest = models.BooleanField(
        "of significant public interest",
        default=False,
        help_text="Signed decisions of significant public interest are published on the register.",
    )
    confidential_annex = models.TextField(blank=True)
    restriction_reason = models.CharField(
        "reason the annex is restricted",
        max_length=250,
        blank=True,
        help_text="Shown publicly in place of the annex, e.g. commercially sensitive information.",
    )
    status = models.CharField(
        max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT
    )
    advice_round = models.PositiveSmallIntegerField(default=1, editable=False)
    declared_interests = models.TextField("interests declared by the decision maker", blank=True)
    declaration = models.TextField(
        "the declaration the decision maker confirmed on signing", blank=True, editable=False
    )
    not_published_reason = models.CharField(max_length=250, blank=True)
    withdrawal_reason = models.CharField(max_length=250, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    advice_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    advised_at = models.DateTimeField(null=True, blank=True, editable=False)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-number"]
        permissions = [
            ("give_legal_advice", "Can record legal and Monitoring Officer advice"),
            ("give_financial_advice", "Can record financial advice"),
            ("sign_decision", "Can sign decisions (as their decision maker)"),
            ("publish_decision", "Can publish signed decisions"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="decision_number_once_a_year"),
            models.CheckConstraint(
                condition=Q(confidential_annex="") | ~Q(restriction_reason=""),
                name="restricted_annex_has_a_reason",
            ),
            models.CheckConstraint(
                condition=Q(commits_expenditure=True, expenditure_amount__gt=0)
                | Q(commits_expenditure=False, expenditure_amount__isnull=True),
                name="expenditure_has_an_amount_only_when_committed",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"]),
            # The register filtered by year or by decision maker, newest first, read in order.
            models.Index(fields=["status", "year", "-published_at", "-id"]),
            models.Index(fields=["status", "decision_maker", "-published_at", "-id"]),
            # The quarterly panel report counts and lists the decisions signed in a quarter.
            models.Index(fields=["signed_at"], name="decision_signed_at"),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    def get_absolute_url(self):
        return reverse("governance:decision", args=[self.code])

    def get_public_url(self):
        return reverse("decision_public", args=[self.year, self.number])

    @property
    def is_published(self) -> bool:
        return self.status == DecisionStatus.PUBLISHED

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    def suspension(self, today=None):
        """The statutory report barring this decision on ``today`` (the one lifting last: one
        still awaiting consideration first), or None."""
        from governance.models.reports import StatutoryReport

        barring = list(StatutoryReport.objects.barring(today).filter(decision=self))
        if not barring:
            return None
        return max(barring, key=lambda report: report.bar_ends_on or date.max)


class DecisionAdvice(models.Model):
    """Advice recorded on a decision: text, who, when. One of each kind per round."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="advice")
    kind = models.CharField(max_length=10, choices=AdviceKind.choices)
    advice_round = models.PositiveSmallIntegerField()
    text = models.TextField()
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    given_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "kind", "advice_round"], name="one_advice_of_each_kind_a_round"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.decision.reference}"

    @property
    def is_stale(self) -> bool:
        return self.advice_round < self.decision.advice_round


class SupportingDocument(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="documents")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="decisions/%Y/")
    mimetype = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    is_public = models.BooleanField(
        "public", default=False, help_text="Public documents are shown on the register."
    )
    restriction_reason = models.CharField(
        "reason it is withheld",
        max_length=250,
        blank=True,
        help_text="Shown on the public register in place of a confidential document.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_public=True) | ~Q(restriction_reason=""),
                name="withheld_document_has_a_reason",
            )
        ]

    def __str__(self):
        return self.title


class ForwardPlanItem(models.Model):
    """A decision expected in the coming months (the forward plan)."""

    title = models.CharField(max_length=250)
    expected_on = models.DateField("expected by")
    decision_maker = models.CharField(
        max_length=10, choices=DecisionMaker.choices, default=DecisionMaker.PCC
    )
    is_public = models.BooleanField("public", default=True)
    decision = models.OneToOneField(
        Decision, null=True, blank=True, on_delete=models.PROTECT, related_name="forward_plan_item"
    )
    created_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["expected_on", "id"]
        indexes = [models.Index(fields=["is_public", "expected_on"])]

    def __str__(self):
        return self.title
