from django import forms

from governance.models import Decision, ForwardPlanItem
from governance.models.decisions import SUBSTANTIVE_FIELDS
from opcc.forms import GovukForm


class DecisionForm(GovukForm, forms.ModelForm):
    """The decision record. `version` carries the version the person opened, so a second
    person's save cannot silently overwrite the first's."""

    submit_label = "Save the decision"
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Decision
        fields = list(SUBSTANTIVE_FIELDS)
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "background": forms.Textarea(attrs={"rows": 5}),
            "options_considered": forms.Textarea(attrs={"rows": 5}),
            "decision_text": forms.Textarea(attrs={"rows": 4}),
            "reasons": forms.Textarea(attrs={"rows": 4}),
            "financial_implications": forms.Textarea(attrs={"rows": 3}),
            "legal_implications": forms.Textarea(attrs={"rows": 3}),
            "equality_implications": forms.Textarea(attrs={"rows": 3}),
            "confidential_annex": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "confidential_annex": "Never shown on the public register, in exports or in the "
            "decision notice.",
        }
        error_messages = {
            "title": {
                "required": "Enter the decision's title",
                "max_length": "The title must be 250 characters or fewer",
            },
            "summary": {"required": "Enter a summary of the decision"},
            "decision_maker": {
                "required": "Choose who makes the decision",
                "invalid_choice": "Choose the Commissioner or the Deputy",
            },
            "restriction_reason": {"max_length": "The reason must be 250 characters or fewer"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            self.fields["version"].required = False

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("confidential_annex", "").strip()
            and not cleaned.get("restriction_reason", "").strip()
        ):
            self.add_error(
                "restriction_reason",
                "Enter why the annex is restricted: it is shown publicly in its place",
            )
        return cleaned

    def substantive_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in SUBSTANTIVE_FIELDS}


class AdviceForm(GovukForm, forms.Form):
    submit_label = "Record the advice"
    text = forms.CharField(
        label="Advice",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Enter the advice"},
    )


class SignForm(GovukForm, forms.Form):
    submit_label = "Sign the decision"
    declared_interests = forms.CharField(
        label="Your interests in this decision",
        help_text="Declare any personal or prejudicial interest. If you have none, write None.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Declare your interests, or write None"},
    )


class WithdrawForm(GovukForm, forms.Form):
    submit_label = "Withdraw the decision"
    reason = forms.CharField(
        label="Why is the decision withdrawn?",
        max_length=250,
        error_messages={
            "required": "Enter why the decision is withdrawn",
            "max_length": "The reason must be 250 characters or fewer",
        },
    )


class SupportingDocumentForm(GovukForm, forms.Form):
    submit_label = "Add the document"
    title = forms.CharField(max_length=200, error_messages={"required": "Enter the title"})
    upload = forms.FileField(
        label="Document",
        help_text="A PDF, Word, Excel or PowerPoint file, 10 MB at most.",
        error_messages={"required": "Choose the file to upload"},
    )
    is_public = forms.BooleanField(label="Publish this document with the decision", required=False)
    restriction_reason = forms.CharField(
        label="If it is not published, why is it withheld?",
        help_text="Shown on the public register in its place, for example: personal information.",
        max_length=250,
        required=False,
        error_messages={"max_length": "The reason must be 250 characters or fewer"},
    )


class ForwardPlanItemForm(GovukForm, forms.ModelForm):
    submit_label = "Save"

    class Meta:
        model = ForwardPlanItem
        fields = ["title", "expected_on", "decision_maker", "is_public", "decision"]
        widgets = {"expected_on": forms.DateInput(attrs={"type": "date"})}
        labels = {"decision": "The decision, once made"}
        error_messages = {
            "title": {"required": "Enter the title"},
            "expected_on": {
                "required": "Enter when the decision is expected",
                "invalid": "Enter a real date, for example 2027-02-01",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = Decision.objects.order_by("-year", "-number")
        self.fields["decision"].required = False
        self.fields["decision"].empty_label = "Not made yet"
