"""Forms of the registers: the entry forms staff fill in, and the filters of the register lists."""

from datetime import date

import django_filters
from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import Field, Fixed, Fluid, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone

from governance.models import (
    CONTRACT_DETAIL_THRESHOLD,
    Contract,
    GiftOffer,
    InterestCategory,
    InterestEntry,
    ProcurementRoute,
)
from governance.services.registers import (
    GIFT_RECIPIENT_ROLES,
    REGISTERED_ROLES,
    check_contract_document,
    version_of,
)
from opcc.forms import GovukForm
from opcc.models import User

DATE_HINT = "For example, 27 3 2026"

# --- Fields ----------------------------------------------------------------------------------


class GovukDateField(DateInputField):
    """The GOV.UK date input (day, month, year) with messages that say what to put right.

    ``what`` names the date in a sentence ("the date of the offer"), as the Design System's
    error messages do ("The date of the offer must be a real date").
    """

    def __init__(self, *, what: str, **kwargs):
        kwargs.setdefault("help_text", DATE_HINT)
        kwargs.setdefault("require_all_fields", False)
        super().__init__(**kwargs)
        subject = what[0].upper() + what[1:]
        self.real_date = f"{subject} must be a real date"
        self.error_messages["required"] = f"Enter {what}"
        self.error_messages["incomplete"] = f"Enter {what}"
        for part, name in zip(self.fields, ("day", "month", "year"), strict=True):
            part.error_messages["incomplete"] = f"{subject} must include a {name}"
            part.validators = [RegexValidator(r"^\s*[0-9]+\s*$", self.real_date)]

    def compress(self, data_list):
        day, month, year = (str(part).strip() if part else "" for part in data_list)
        if not (day and month and year):
            return None
        if len(year) != 4:
            raise ValidationError("Year must include 4 numbers")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(self.real_date) from None

    def clean(self, value):
        try:
            return super().clean(value)
        except ValidationError as error:
            tie_errors_to_day(self, error.messages)
            raise


def tie_errors_to_day(field: GovukDateField, messages) -> None:
    """Show errors about the whole date against the day box, so the error summary links to a
    box that can take focus (the Design System's pattern)."""
    parts = [part.widget for part in field.fields]
    shown = {message for widget in parts for message in getattr(widget, "errors", [])}
    day = parts[0]
    day.errors = [*getattr(day, "errors", []), *(m for m in messages if m not in shown)]


class PoundsField(forms.DecimalField):
    """An amount in pounds and pence; "£1,250.50" is read as 1250.50.

    A text box, not type="number", as the Design System advises for amounts of money.
    """

    def __init__(self, *, what: str, **kwargs):
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"})
        )
        super().__init__(**kwargs)
        too_big = f"Enter {what} that is less than £{10**self.max_whole_digits:,}"
        self.error_messages.update(
            {
                "required": f"Enter {what}",
                "invalid": f"Enter {what} as an amount in pounds, like 1250.00",
                "max_decimal_places": f"Enter {what} to the nearest penny",
                "max_digits": too_big,
                "max_whole_digits": too_big,
            }
        )

    @property
    def max_whole_digits(self) -> int:
        return (self.max_digits or 12) - (self.decimal_places or 0)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("£", "").replace(",", "").strip()
        return super().to_python(value)


def office_people(roles, *, including=None):
    """Active people in ``roles`` (and whoever the record already names), to choose from."""
    people = User.objects.filter(role__in=roles, is_active=True)
    if including is not None:
        people = people | User.objects.filter(pk=including)
    return people.order_by("full_name", "pk")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.get_role_display()})"


# --- Entry forms -----------------------------------------------------------------------------


class RegisterEntryForm(GovukForm, forms.ModelForm):
    """An entry form; when it edits a record it carries the record's version (see services)."""

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=version_of(self.instance)
            )
        self.helper.layout = Layout(*self.layout(), *(["version"] if self.instance.pk else []))

    def layout(self):
        return list(self.fields)

    def add_error(self, field, error):
        super().add_error(field, error)
        for name, messages in self.errors.items():
            if isinstance(self.fields.get(name), GovukDateField):
                tie_errors_to_day(self.fields[name], messages)

    def changes(self) -> dict:
        """The cleaned values to hand to a service, the version apart."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class InterestEntryForm(RegisterEntryForm):
    submit_label = "Save entry"

    person = PersonChoiceField(
        queryset=User.objects.none(),
        label="Whose interest is it?",
        empty_label="Choose a person",
        help_text="The Commissioner, the Deputy or a senior member of staff",
        error_messages={
            "required": "Choose whose interest it is",
            "invalid_choice": "Choose the Commissioner, the Deputy or a senior member of staff",
        },
    )
    category = forms.ChoiceField(
        label="Category",
        choices=InterestCategory.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the category of the interest"},
    )
    description = forms.CharField(
        label="Describe the interest",
        help_text="For example, the organisation and the role held in it",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Describe the interest"},
    )
    registered_on = GovukDateField(
        label="Date registered", what="the date the interest was registered"
    )

    class Meta:
        model = InterestEntry
        fields = ["person", "category", "description", "registered_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = office_people(
            REGISTERED_ROLES, including=self.instance.person_id
        )
        if not self.instance.pk:
            self.initial.setdefault("registered_on", timezone.localdate())

    def layout(self):
        return [
            Field.select("person"),
            Field.radios("category"),
            Field.textarea("description", rows=4),
            Field("registered_on"),
        ]


class EndInterestForm(GovukForm, forms.Form):
    submit_label = "End this interest"

    ended_on = GovukDateField(label="Date the interest ended", what="the date the interest ended")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("ended_on", timezone.localdate())

    def add_error(self, field, error):
        super().add_error(field, error)
        if "ended_on" in self.errors:
            tie_errors_to_day(self.fields["ended_on"], self.errors["ended_on"])


class GiftOfferForm(RegisterEntryForm):
    submit_label = "Save offer"

    offered_on = GovukDateField(label="Date of the offer", what="the date of the offer")
    recipient = PersonChoiceField(
        queryset=User.objects.none(),
        label="Who was it offered to?",
        empty_label="Choose a person",
        error_messages={
            "required": "Choose who was offered it",
            "invalid_choice": "Choose someone in the office",
        },
    )
    offered_by = forms.CharField(
        label="Who offered it?",
        help_text="The person or organisation that made the offer",
        max_length=200,
        error_messages={
            "required": "Enter who offered it",
            "max_length": "Who offered it must be 200 characters or fewer",
        },
    )
    description = forms.CharField(
        label="What was offered?",
        help_text="For example, dinner at the annual awards evening",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Describe what was offered"},
    )
    estimated_value = PoundsField(
        label="Estimated value, in pounds",
        help_text="For example, 45.00. Enter 0 if it had no value to speak of",
        what="the estimated value",
        max_digits=9,
    )
    accepted = forms.TypedChoiceField(
        label="Was it accepted or declined?",
        choices=((True, "Accepted"), (False, "Declined")),
        coerce=lambda value: value in (True, "True"),
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the offer was accepted or declined"},
    )
    reason = forms.CharField(
        label="Why was it accepted or declined?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the offer was accepted or declined"},
    )

    class Meta:
        model = GiftOffer
        fields = [
            "offered_on",
            "recipient",
            "offered_by",
            "description",
            "estimated_value",
            "accepted",
            "reason",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = office_people(
            GIFT_RECIPIENT_ROLES, including=self.instance.recipient_id
        )

    def layout(self):
        return [
            Field("offered_on"),
            Field.select("recipient"),
            Field.text("offered_by", field_width=Fluid.TWO_THIRDS),
            Field.textarea("description", rows=3),
            Field.text("estimated_value", field_width=Fixed.TEN),
            Field.radios("accepted", inline=True),
            Field.textarea("reason", rows=3),
        ]


class ContractForm(RegisterEntryForm):
    submit_label = "Save contract"

    title = forms.CharField(
        label="Title",
        max_length=250,
        error_messages={
            "required": "Enter the title of the contract",
            "max_length": "The title must be 250 characters or fewer",
        },
    )
    supplier = forms.CharField(
        label="Supplier",
        max_length=200,
        error_messages={
            "required": "Enter the supplier",
            "max_length": "The supplier must be 200 characters or fewer",
        },
    )
    value = PoundsField(
        label="Total value, in pounds",
        help_text=(
            f"Contracts worth more than £{CONTRACT_DETAIL_THRESHOLD:,} are published in full "
            "with their document; others are listed"
        ),
        what="the total value",
        max_digits=12,
    )
    starts_on = GovukDateField(label="Start date", what="the start date")
    ends_on = GovukDateField(label="End date", what="the end date")
    procurement_route = forms.ChoiceField(
        label="How was it procured?",
        choices=ProcurementRoute.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the contract was procured"},
    )
    document = forms.FileField(
        label="Contract document (optional)",
        required=False,
        help_text="A PDF, Word or Excel file, smaller than 10MB",
        widget=forms.FileInput(attrs={"accept": ".pdf,.doc,.docx,.xls,.xlsx"}),
        error_messages={
            "invalid": "The selected file could not be read. Choose it again",
            "empty": "The selected file is empty",
        },
    )

    class Meta:
        model = Contract
        fields = ["title", "supplier", "value", "starts_on", "ends_on", "procurement_route"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.document:
            self.fields["document"].label = "Replace the contract document (optional)"
            self.fields["document"].help_text = (
                "Leave this empty to keep the current document. "
                "A new one must be a PDF, Word or Excel file, smaller than 10MB"
            )

    def layout(self):
        return [
            Field.text("title"),
            Field.text("supplier", field_width=Fluid.TWO_THIRDS),
            Field.text("value", field_width=Fixed.TEN),
            Field("starts_on"),
            Field("ends_on"),
            Field.radios("procurement_route"),
            Field("document", css_class="govuk-file-upload"),
        ]

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            check_contract_document(document)  # the service checks again; this shows it early
        return document

    def changes(self) -> dict:
        changes = super().changes()
        if not changes.get("document"):
            changes.pop("document", None)  # no new file: keep what is stored
        return changes


# --- Financial years -------------------------------------------------------------------------


def financial_year_of(day: date) -> int:
    """The year in which the financial year (1 April to 31 March) holding ``day`` begins."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_dates(year: int) -> tuple[date, date]:
    return date(year, 4, 1), date(year + 1, 3, 31)


def financial_year_label(year: int) -> str:
    return f"{year} to {year + 1}"


def gift_offer_years() -> list[int]:
    """Financial years with offers recorded, and the current one, newest first (one query)."""
    months = GiftOffer.objects.dates("offered_on", "month")
    years = {financial_year_of(month) for month in months}
    years.add(financial_year_of(timezone.localdate()))
    return sorted(years, reverse=True)


# --- Filters of the register lists -----------------------------------------------------------


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
