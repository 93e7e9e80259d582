"""Forms for following a finding up with the force."""

from crispy_forms_gds.layout import Field, Fluid, Layout
from django import forms
from django.utils import timezone

from custody_visits.forms.common import not_in_future, text, with_initial
from opcc.fields import GovukDateField
from opcc.forms import GovukForm


class FollowUpForm(GovukForm, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, finding, **kwargs):
        with_initial(kwargs, {"version": finding.version, **self.initial_for(finding)})
        super().__init__(*args, **kwargs)

    def initial_for(self, finding) -> dict:
        return {}


class RaiseFindingForm(FollowUpForm):
    submit_label = "Record that it was raised"

    raised_with = text(
        "Custody inspector it was raised with",
        "the custody inspector it was raised with",
        max_length=120,
        help_text="Rank and name, for example Inspector Sam Lee",
    )
    raised_on = GovukDateField(label="Date it was raised", what="the date it was raised")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            "version",
            Field.text("raised_with", field_width=Fluid.TWO_THIRDS),
            Field("raised_on", context={"fieldset": True}),
        )

    def initial_for(self, finding):
        return {"raised_with": finding.raised_with, "raised_on": timezone.localdate()}

    def clean_raised_on(self):
        return not_in_future(self.cleaned_data["raised_on"], "The date it was raised")


class ForceResponseForm(FollowUpForm):
    submit_label = "Record the response"

    force_response = text("The force's response", "the force's response", max_length=5000, rows=5)
    responded_on = GovukDateField(label="Date of the response", what="the date of the response")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            "version",
            Field.textarea("force_response", rows=5),
            Field("responded_on", context={"fieldset": True}),
        )

    def initial_for(self, finding):
        return {"responded_on": timezone.localdate()}

    def clean_responded_on(self):
        return not_in_future(self.cleaned_data["responded_on"], "The date of the response")
