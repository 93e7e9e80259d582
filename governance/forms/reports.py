from django import forms

from governance.models import Decision, ReportOutcome, StatutoryReport
from governance.models.reports import GROUNDS_BY_KIND
from opcc.fields import GovukDateField
from opcc.forms import GovukForm


class DecisionReferenceField(forms.ModelChoiceField):
    """A decision named by its reference, typed (spaces around it ignored)."""

    def to_python(self, value):
        return super().to_python(value.strip() if isinstance(value, str) else value)


class ReportForm(GovukForm, forms.ModelForm):
    submit_label = "Save the draft"
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Typed by its reference, not chosen from a list: the register holds every published
    # decision (100,000 at the benchmark's scale), and a published one may be reported on too
    # (LGHA 1989 s.5(5)(b) suspends its implementation).
    decision = DecisionReferenceField(
        label="Decision reference",
        help_text="The decision the report is about, for example 2026/017. Leave it empty for a "
        "proposal or omission that has no decision, and describe it below.",
        queryset=Decision.objects.exclude(status="withdrawn"),
        to_field_name="reference",
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
        error_messages={
            "invalid_choice": "Enter the reference of a decision that is not withdrawn, for "
            "example 2026/017"
        },
    )

    class Meta:
        model = StatutoryReport
        fields = ["title", "decision", "matter", "ground", "findings", "recommendations"]
        widgets = {
            "matter": forms.Textarea(attrs={"rows": 3}),
            "findings": forms.Textarea(attrs={"rows": 8}),
            "recommendations": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {
            "title": {
                "required": "Enter the report's title",
                "max_length": "The title must be 250 characters or fewer",
            },
            "ground": {
                "required": "Choose the ground for the report",
                "invalid_choice": "Choose one of the grounds listed",
            },
            "findings": {"required": "Enter the findings"},
            "recommendations": {"required": "Enter the recommendations"},
        }

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [(g.value, g.label) for g in GROUNDS_BY_KIND[kind]]
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("decision") and not cleaned.get("matter", "").strip():
            self.add_error("matter", "Choose the decision, or describe the proposal or omission")
        return cleaned


class ConsiderationForm(GovukForm, forms.Form):
    submit_label = "Record the consideration"
    # The bar ends with the first business day after this day (LGFA 1988 s.115(9), LGHA 1989
    # s.5(6)), so it is the day the Commissioner concluded consideration, not the day it is typed.
    concluded_on = GovukDateField(
        what="the day the Commissioner concluded consideration",
        label="On what day did the Commissioner conclude consideration of the report?",
        help_text="For example, 27 3 2027. Today, unless it was concluded earlier.",
    )
    response = forms.CharField(
        label="The Commissioner's response",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the Commissioner's response"},
    )
    outcome = forms.ChoiceField(
        label="Does the Commissioner agree or disagree with the views in the report?",
        choices=ReportOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether the Commissioner agrees with the views in the report",
            "invalid_choice": "Choose whether the Commissioner agrees with the views in the report",
        },
    )
    # The report of action: LGFA 1988 s.115(1E)(a)-(c); the same shape for s.5 reports.
    action_taken = forms.CharField(
        label="(a) What action has the Commissioner taken in response to the report?",
        help_text="Write None if no action has been taken.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the action taken in response, or write None"},
    )
    action_proposed = forms.CharField(
        label="(b) What action does the Commissioner propose to take in response to the report?",
        help_text="Write None if no action is proposed.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the action proposed in response, or write None"},
    )
    outcome_reasons = forms.CharField(
        label="(c) The reasons for the action, or for taking no action",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the reasons for the action, or for taking none"},
    )


class RedactedPublicationForm(GovukForm, forms.Form):
    submit_label = "Publish the redacted version"
    redacted_title = forms.CharField(
        label="Title to publish",
        max_length=250,
        error_messages={
            "required": "Enter the title to publish",
            "max_length": "The title must be 250 characters or fewer",
        },
    )
    redacted_text = forms.CharField(
        label="Redacted text to publish",
        help_text="Everything entered here is published on the transparency pages.",
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Enter the redacted text to publish"},
    )
