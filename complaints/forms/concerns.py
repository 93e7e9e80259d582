"""Forms for concerns under the Commissioner and Officer Protocol."""

from crispy_forms_gds.layout import Field, Fluid, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from complaints.models import ConcernAbout
from opcc.fields import GovukDateField
from opcc.forms import GovukForm


class RaiseConcernForm(GovukForm, forms.Form):
    submit_label = "Record the concern"

    about = forms.ChoiceField(
        label="Who is the concern about?",
        choices=ConcernAbout.choices,
        widget=forms.RadioSelect,
        help_text="A concern about the Chief Executive goes to the Chair of the Joint Audit and "
        "Standards Committee; every other concern goes to the Monitoring Officer.",
        error_messages={
            "required": "Choose who the concern is about",
            "invalid_choice": "Choose who the concern is about",
        },
    )
    raised_by = forms.CharField(
        label="Who raised the concern?",
        max_length=200,
        error_messages={
            "required": "Enter who raised the concern",
            "max_length": "The name must be 200 characters or fewer",
        },
    )
    raised_by_email = forms.EmailField(
        label="Their email address (optional)",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"spellcheck": "false"}),
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    received_on = GovukDateField(
        label="When was the concern received?", what="the date the concern was received"
    )
    description = forms.CharField(
        label="What is the concern?",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Enter what the concern is",
            "max_length": "The concern must be 10,000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.radios("about", legend_size=Size.MEDIUM),
            Field.text("raised_by", field_width=Fluid.TWO_THIRDS),
            Field.text("raised_by_email", field_width=Fluid.TWO_THIRDS),
            Field("received_on", context={"fieldset": True}),
            Field.textarea("description", rows=8),
        )

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        if value and value > timezone.localdate():
            raise ValidationError("The date the concern was received must be today or in the past")
        return value

    def concern_data(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("about", "raised_by", "raised_by_email", "received_on", "description")
        }


class CloseConcernForm(GovukForm, forms.Form):
    submit_label = "Close the concern"

    outcome = forms.CharField(
        label="What was the outcome?",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter the outcome of the concern",
            "max_length": "The outcome must be 10,000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.textarea("outcome", rows=6))
