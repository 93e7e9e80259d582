"""The registers the Specified Information Order requires: interests, gifts and hospitality,
and contracts."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

# Specified Information Order 2011, Schedule para. 2: contracts over £10,000 are listed in full.
CONTRACT_DETAIL_THRESHOLD = 10_000


class InterestCategory(models.TextChoices):
    EMPLOYMENT = "employment", "Employment, offices, trades and professions"
    SPONSORSHIP = "sponsorship", "Sponsorship"
    CONTRACTS = "contracts", "Contracts with the Commissioner"
    LAND = "land", "Land and property"
    SECURITIES = "securities", "Shares and securities"
    MEMBERSHIPS = "memberships", "Memberships of organisations"
    OTHER_PECUNIARY = "other_pecuniary", "Other pecuniary interests"
    OTHER = "other", "Other interests"


class InterestEntry(models.Model):
    """One entry in the register of interests of the PCC, the Deputy or a senior member of staff."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="interests"
    )
    category = models.CharField(max_length=20, choices=InterestCategory.choices)
    description = models.TextField()
    registered_on = models.DateField(default=timezone.localdate)
    ended_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["person__full_name", "category", "-registered_on", "id"]
        verbose_name_plural = "interest entries"
        indexes = [models.Index(fields=["person", "category", "-registered_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("registered_on")),
                name="interest_ends_after_it_is_registered",
                violation_error_message=(
                    "The date the interest ended must be the same as or after the date it was "
                    "registered"
                ),
            )
        ]

    def __str__(self):
        return f"{self.person}: {self.get_category_display()}"


class GiftOffer(models.Model):
    """An offer of a gift or hospitality, accepted or declined."""

    offered_on = models.DateField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="gift_offers"
    )
    offered_by = models.CharField(max_length=200)
    description = models.TextField()
    estimated_value = models.DecimalField(max_digits=9, decimal_places=2)
    accepted = models.BooleanField()
    reason = models.TextField("reason for accepting or declining")
    created_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-offered_on", "-id"]
        indexes = [models.Index(fields=["-offered_on", "-id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(estimated_value__gte=0),
                name="gift_offer_value_not_negative",
                violation_error_message="The estimated value must be £0 or more",
            )
        ]

    def __str__(self):
        return f"{self.offered_on}: {self.description[:40]}"

    @property
    def financial_year(self) -> int:
        """The year the financial year (1 April to 31 March) begins in."""
        return self.offered_on.year if self.offered_on.month >= 4 else self.offered_on.year - 1


class ProcurementRoute(models.TextChoices):
    OPEN = "open", "Open procedure"
    RESTRICTED = "restricted", "Restricted procedure"
    FRAMEWORK = "framework", "Call-off from a framework"
    QUOTATIONS = "quotations", "Quotations"
    DIRECT_AWARD = "direct_award", "Direct award"


class Contract(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=250)
    supplier = models.CharField(max_length=200)
    value = models.DecimalField("total value (£)", max_digits=12, decimal_places=2)
    starts_on = models.DateField()
    ends_on = models.DateField()
    procurement_route = models.CharField(max_length=20, choices=ProcurementRoute.choices)
    document = models.FileField(upload_to="contracts/%Y/", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["value", "-starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gt=0),
                name="contract_value_above_zero",
                violation_error_message="The value must be more than £0",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="contract_ends_after_it_starts",
                violation_error_message="The end date must be the same as or after the start date",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.supplier})"

    @property
    def is_listed_in_full(self) -> bool:
        return self.value > CONTRACT_DETAIL_THRESHOLD
