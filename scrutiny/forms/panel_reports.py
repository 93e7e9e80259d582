"""Forms for the quarterly report to the Police and Crime Panel."""

from crispy_forms_gds.layout import Field, Layout
from django import forms

from opcc.forms import GovukForm
from scrutiny.forms.plan import QuarterField, quarter_choices


class StartReportForm(GovukForm, forms.Form):
    submit_label = "Start the report"
    quarter = QuarterField(label="Which quarter is the report for?")
    introduction = forms.CharField(
        label="Introduction (optional)",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"max_length": "The introduction must be 20,000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = [("", "Choose a quarter"), *quarter_choices()]
        self.helper.layout = Layout(Field.select("quarter"), Field.textarea("introduction"))
