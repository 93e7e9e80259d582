"""The form that finds a complainant for a subject access export, by a case's reference (never
by name, so no personal data travels in a URL or a log)."""

import re

from crispy_forms_gds.layout import Field, Fixed, Layout
from django import forms

from opcc.forms import GovukForm

CASE_REFERENCE = re.compile(r"^[RC]-\d{4}-\d{1,6}$")


class CaseReferenceForm(GovukForm, forms.Form):
    submit_label = "Find the complainant"

    reference = forms.CharField(
        label="What is the reference of one of the complainant's cases?",
        help_text="A complaint review's reference, like R-2026-0001, or a complaint's, like "
        "C-2026-0001.",
        max_length=20,
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
        error_messages={
            "required": "Enter the reference of one of the complainant's cases",
            "max_length": "The reference must be 20 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.text("reference", field_width=Fixed.TEN))

    def clean_reference(self):
        reference = "".join(self.cleaned_data["reference"].split()).upper()
        if not CASE_REFERENCE.match(reference):
            raise forms.ValidationError(
                "Enter a reference in the right format, like R-2026-0001 or C-2026-0001"
            )
        return reference


class RetentionHoldForm(GovukForm, forms.Form):
    submit_label = "Save the hold"

    retention_hold = forms.CharField(
        label="Why must this case's personal data be kept past its retention period?",
        help_text="For example: litigation, claim 2026/77, or FOI request 2026/12. Leave it empty "
        "to lift the hold: the case is then anonymised once its retention period has ended.",
        required=False,
        max_length=250,
        error_messages={"max_length": "The reason must be 250 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.text("retention_hold"))
