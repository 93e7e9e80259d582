from django import forms

from governance.models import Decision, ReportOutcome, StatutoryReport
from governance.models.reports import GROUNDS_BY_KIND
from opcc.forms import GovukForm


class ReportForm(GovukForm, forms.ModelForm):
    submit_label = "Save the draft"
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

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
            "decision": {"invalid_choice": "Choose a decision from the list"},
            "findings": {"required": "Enter the findings"},
            "recommendations": {"required": "Enter the recommendations"},
        }

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = Decision.objects.exclude(
            status__in=["published", "withdrawn"]
        ).order_by("-year", "-number")
        self.fields["decision"].required = False
        self.fields["decision"].empty_label = "None: a proposal or omission (describe it below)"
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
    response = forms.CharField(
        label="The Commissioner's response",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the Commissioner's response"},
    )
    outcome = forms.ChoiceField(
        choices=ReportOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the Commissioner accepts the report"},
    )
    outcome_reasons = forms.CharField(
        label="Reasons",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the reasons"},
    )
    action_taken = forms.CharField(
        label="Action taken or proposed", widget=forms.Textarea(attrs={"rows": 4}), required=False
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
