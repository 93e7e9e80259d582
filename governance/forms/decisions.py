from django import forms
from django.db.models import Q

from governance.models import (
    AuthorisationGround,
    Decision,
    DecisionCategory,
    ForwardPlanItem,
    StatutoryReport,
)
from governance.models.decisions import SUBSTANTIVE_FIELDS
from governance.notices import DECLARATION
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
            "expenditure_amount": forms.TextInput(
                attrs={
                    "inputmode": "decimal",
                    "spellcheck": "false",
                    "class": "govuk-input--width-10",
                }
            ),
        }
        help_texts = {
            "expenditure_amount": "In pounds, for example 5000. Leave empty if it commits none.",
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
            "category": {
                "required": "Choose the category of decision",
                "invalid_choice": "Choose a category from the scheme of delegation",
            },
            "expenditure_amount": {
                "invalid": "Enter the amount in pounds, for example 5000 or 5000.50",
                "max_digits": "The amount must be less than £10,000,000,000",
                "max_decimal_places": "Enter the amount in pounds and pence (2 decimal places)",
            },
            "restriction_reason": {"max_length": "The reason must be 250 characters or fewer"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            self.fields["version"].required = False
        offered = DecisionCategory.objects.offered()
        if self.instance.pk:
            offered = DecisionCategory.objects.filter(
                Q(is_active=True) | Q(pk=self.instance.category_id)
            ).in_scheme_order()
        self.fields["category"].queryset = offered
        self.fields["category"].empty_label = None
        self.fields["category"].show_hidden_initial = False  # set for a callable default
        self.fields["expenditure_amount"].localize = False
        self.fields["expenditure_amount"].min_value = None

    def clean(self):
        # Who may make a decision of the category, and its amount, are the service's rules
        # (governance.services.decisions._check_substance); its errors come back to the fields.
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
    declaration = forms.BooleanField(
        label=DECLARATION,
        error_messages={"required": "Confirm the declaration to sign the decision"},
    )
    declared_interests = forms.CharField(
        label="Your interests in this decision",
        help_text="Declare any personal or prejudicial interest. If you have none, write None.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Declare your interests, or write None"},
    )


class SpendingAuthorisationForm(GovukForm, forms.Form):
    """The CFO's written authority under LGFA 1988 s.115(6)-(6B)."""

    submit_label = "Authorise the new agreement"
    report = forms.ModelChoiceField(
        label="The section 114(3) report whose prohibition period it is authorised against",
        queryset=StatutoryReport.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the section 114(3) report",
            "invalid_choice": "Choose a section 114(3) report whose prohibition period is running",
        },
    )
    ground = forms.ChoiceField(
        label="On which ground in section 115(6A) do you authorise it? The agreement is likely to:",
        choices=AuthorisationGround.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the ground in section 115(6A) on which you authorise it",
            "invalid_choice": "Choose one of the grounds in section 115(6A)",
        },
    )
    reasons = forms.CharField(
        label="Your reasons for thinking that the ground applies",
        help_text="Section 115(6B)(c). Shown on the decision, its history and its notice.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Explain your reasons for thinking that the ground applies"},
    )

    def __init__(self, *args, reports, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].queryset = reports
        running = list(reports[:2])
        if len(running) == 1:
            self.fields["report"].initial = running[0].pk


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
