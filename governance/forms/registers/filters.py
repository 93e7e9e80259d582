"""Filters of the register lists, shown as GOV.UK selects above each register's table."""

import django_filters

from governance.forms.registers.financial_years import (
    financial_year_dates,
    financial_year_label,
    gift_offer_years,
)
from governance.models import (
    CONTRACT_DETAIL_THRESHOLD,
    Contract,
    GiftOffer,
    InterestCategory,
    InterestEntry,
    ProcurementRoute,
)
from opcc.models import User


class RegisterFilter(django_filters.FilterSet):
    """Filters shown as GOV.UK selects above a register's table."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            field.widget.attrs["class"] = "govuk-select"

    @property
    def query(self) -> str:
        """The filters in force, for the pagination and export links."""
        if not self.is_bound:
            return ""
        data = self.data.copy()
        data.pop("page", None)
        return data.urlencode()


def people_with_interests(request=None):
    return User.objects.filter(interests__isnull=False).distinct().order_by("full_name", "pk")


def people_with_gift_offers(request=None):
    return User.objects.filter(gift_offers__isnull=False).distinct().order_by("full_name", "pk")


class InterestFilter(RegisterFilter):
    person = django_filters.ModelChoiceFilter(
        queryset=people_with_interests, empty_label="Everyone", label="Person"
    )
    category = django_filters.ChoiceFilter(
        choices=InterestCategory.choices, empty_label="All categories", label="Category"
    )
    status = django_filters.ChoiceFilter(
        choices=(("current", "Current"), ("ended", "Ended")),
        empty_label="Current and ended",
        label="Status",
        method="filter_status",
    )

    class Meta:
        model = InterestEntry
        fields = ["person", "category", "status"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(ended_on__isnull=(value == "current"))


class GiftOfferFilter(RegisterFilter):
    year = django_filters.ChoiceFilter(
        label="Financial year", empty_label="All years", method="filter_year"
    )
    recipient = django_filters.ModelChoiceFilter(
        queryset=people_with_gift_offers, empty_label="Everyone", label="Offered to"
    )
    outcome = django_filters.ChoiceFilter(
        choices=(("accepted", "Accepted"), ("declined", "Declined")),
        empty_label="Accepted and declined",
        label="Accepted or declined",
        method="filter_outcome",
    )

    class Meta:
        model = GiftOffer
        fields = ["year", "recipient", "outcome"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["year"].choices = [
            ("", "All years"),
            *((str(year), financial_year_label(year)) for year in gift_offer_years()),
        ]

    def filter_year(self, queryset, name, value):
        first, last = financial_year_dates(int(value))
        return queryset.filter(offered_on__range=(first, last))

    def filter_outcome(self, queryset, name, value):
        return queryset.filter(accepted=(value == "accepted"))


class ContractFilter(RegisterFilter):
    band = django_filters.ChoiceFilter(
        choices=(
            ("over", f"Over £{CONTRACT_DETAIL_THRESHOLD:,} (published in full)"),
            ("other", f"£{CONTRACT_DETAIL_THRESHOLD:,} or less (listed)"),
        ),
        empty_label="Any value",
        label="Value",
        method="filter_band",
    )
    procurement_route = django_filters.ChoiceFilter(
        choices=ProcurementRoute.choices, empty_label="Any route", label="Procurement route"
    )

    class Meta:
        model = Contract
        fields = ["band", "procurement_route"]

    def filter_band(self, queryset, name, value):
        if value == "over":
            return queryset.filter(value__gt=CONTRACT_DETAIL_THRESHOLD)
        return queryset.filter(value__lte=CONTRACT_DETAIL_THRESHOLD)


class PublicContractFilter(RegisterFilter):
    procurement_route = django_filters.ChoiceFilter(
        choices=ProcurementRoute.choices, empty_label="Any route", label="Procurement route"
    )

    class Meta:
        model = Contract
        fields = ["procurement_route"]
