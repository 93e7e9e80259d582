"""The entry forms staff fill in to add or correct a record of a register."""

from crispy_forms_gds.layout import Field, Fixed, Fluid, Layout
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.text import capfirst

from governance.forms.registers.fields import (
    GovukDateField,
    PersonChoiceField,
    PoundsField,
    office_people,
    tie_errors_to_day,
)
from governance.models import (
    CONTRACT_DETAIL_THRESHOLD,
    Contract,
    GiftOffer,
    InterestCategory,
    InterestEntry,
    ProcurementRoute,
)
from governance.services.registers import GIFT_RECIPIENT_ROLES, REGISTERED_ROLES, version_of
from opcc.forms import GovukForm
from opcc.models import User
from opcc.uploads import ACCEPTED_KINDS, DOCUMENT_TYPES, check_document, readable_size


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
        widget=forms.FileInput(attrs={"accept": ",".join(t.extension for t in DOCUMENT_TYPES)}),
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
        # What opcc.uploads.check_document accepts, within the portal's size limit.
        kinds = f"{ACCEPTED_KINDS}, smaller than {readable_size(settings.UPLOAD_MAX_BYTES)}"
        document = self.fields["document"]
        document.help_text = capfirst(kinds)
        if self.instance.pk and self.instance.document:
            document.label = "Replace the contract document (optional)"
            document.help_text = (
                f"Leave this empty to keep the current document. A new one must be {kinds}"
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
            # The service checks again; this shows the problem with the other answers.
            check_document(document, max_bytes=settings.UPLOAD_MAX_BYTES)
        return document

    def changes(self) -> dict:
        changes = super().changes()
        if not changes.get("document"):
            changes.pop("document", None)  # no new file: keep what is stored
        return changes
