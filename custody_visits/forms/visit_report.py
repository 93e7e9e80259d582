"""The visit report's question pages, built for a phone: one short form a page.

Each step of the report itself carries the version the visitor opened, so the second of two
visitors saving at once is told, not silently overwritten.
"""

from crispy_forms_gds.layout import Field, Fixed, Layout, Size
from django import forms

from custody_visits.forms.common import TimeField, not_in_future, text, with_initial, yes_no
from custody_visits.models import (
    Condition,
    CustodyVisit,
    DetaineeOutcome,
    FindingCategory,
    NotOfferedReason,
    Severity,
)
from custody_visits.models.visits import custody_number_validator
from opcc.fields import GovukDateField
from opcc.forms import GovukForm


class ReportStepForm(GovukForm, forms.Form):
    """A step of the report: its fields start from the visit, plus the hidden version."""

    submit_label = "Save and continue"
    field_names: tuple[str, ...] = ()

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, visit: CustodyVisit, **kwargs):
        initial = {name: getattr(visit, name) for name in self.field_names}
        initial["version"] = visit.version
        with_initial(kwargs, initial)
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout("version", *self.layout_fields())

    def layout_fields(self):
        return list(self.field_names)

    def report_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.field_names}


class DetailsForm(ReportStepForm):
    field_names = ("visited_on", "arrived_at", "departed_at", "detainees_in_custody")

    visited_on = GovukDateField(label="Date of the visit", what="the date of the visit")
    arrived_at = TimeField(label="Time you arrived", what="the time you arrived")
    departed_at = TimeField(
        label="Time you left",
        what="the time you left",
        help_text="Use the 24-hour clock, for example 21:05. A time earlier than your arrival "
        "means you left after midnight, the next day",
    )
    detainees_in_custody = forms.IntegerField(
        label="How many detainees were in custody when you arrived?",
        min_value=0,
        max_value=500,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter how many detainees were in custody",
            "invalid": "The number of detainees must be a whole number, like 6",
            "min_value": "The number of detainees must be 0 or more",
            "max_value": "The number of detainees must be 500 or fewer",
        },
    )

    def layout_fields(self):
        return [
            Field("visited_on", context={"fieldset": True}),
            Field.text("arrived_at", field_width=Fixed.FIVE),
            Field.text("departed_at", field_width=Fixed.FIVE),
            Field.text("detainees_in_custody", field_width=Fixed.FIVE),
        ]

    def clean_visited_on(self):
        return not_in_future(self.cleaned_data["visited_on"], "The date of the visit")


class DelayForm(ReportStepForm):
    field_names = ("admission_delayed", "delay_minutes", "delay_reason", "delay_authorised_by")

    admission_delayed = yes_no(
        "Were you kept waiting to be let in?", "Choose whether you were kept waiting"
    )
    delay_minutes = forms.IntegerField(
        label="If you were kept waiting: for how many minutes?",
        required=False,
        min_value=1,
        max_value=1440,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "The delay must be a whole number of minutes, like 15",
            "min_value": "The delay must be at least 1 minute",
            "max_value": "The delay must be 1,440 minutes (a day) or fewer",
        },
    )
    delay_reason = text(
        "Reason given for the delay",
        "the reason given for the delay",
        max_length=250,
        required=False,
    )
    delay_authorised_by = text(
        "Rank and name of who authorised the delay",
        "the rank and name of who authorised the delay",
        max_length=120,
        required=False,
    )

    def __init__(self, *args, visit, **kwargs):
        super().__init__(*args, visit=visit, **kwargs)
        if not self.is_bound:
            answer = visit.admission_delayed
            self.initial["admission_delayed"] = (
                None if answer is None else ("yes" if answer else "no")
            )

    def layout_fields(self):
        return [
            Field.radios("admission_delayed", legend_size=Size.MEDIUM, inline=True),
            Field.text("delay_minutes", field_width=Fixed.FIVE),
            Field.text("delay_reason"),
            Field.text("delay_authorised_by"),
        ]


def condition_field(what: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=f"{what[0].upper()}{what[1:]}",
        choices=Condition.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": f"Choose the condition of the {what}",
            "invalid_choice": f"Choose the condition of the {what}",
        },
    )


class ConditionsForm(ReportStepForm):
    field_names = ("cleanliness", "temperature", "equipment", "suite_notes")

    cleanliness = condition_field("cleanliness")
    temperature = condition_field("temperature")
    equipment = condition_field("equipment")
    suite_notes = text(
        "Notes on the conditions of the suite (optional)",
        "the notes",
        max_length=5000,
        required=False,
        rows=4,
    )

    def layout_fields(self):
        return [
            Field.radios("cleanliness", legend_size=Size.SMALL, inline=True),
            Field.radios("temperature", legend_size=Size.SMALL, inline=True),
            Field.radios("equipment", legend_size=Size.SMALL, inline=True),
            Field.textarea("suite_notes", rows=4),
        ]


RIGHTS = [("yes", "Yes"), ("no", "No"), ("unknown", "Not known")]


class DetaineeForm(GovukForm, forms.Form):
    """One detainee, by custody number only: there is no field for a name, on purpose."""

    submit_label = "Save the detainee"

    custody_number = forms.CharField(
        label="Custody number",
        help_text="Never a name. For example, 11/ABC/1234",
        max_length=30,
        validators=[custody_number_validator],
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
        error_messages={
            "required": "Enter the custody number",
            "max_length": "The custody number must be 30 characters or fewer",
        },
    )
    outcome = forms.ChoiceField(
        label="Was the detainee visited?",
        choices=DetaineeOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether the detainee was visited",
            "invalid_choice": "Choose whether the detainee was visited",
        },
    )
    not_offered_reason = forms.ChoiceField(
        label="If not offered a visit: why not?",
        choices=[("", "Choose a reason"), *NotOfferedReason.choices],
        required=False,
        error_messages={"invalid_choice": "Choose a reason from the list"},
    )
    is_juvenile = forms.BooleanField(label="Juvenile (under 18)", required=False)
    is_vulnerable = forms.BooleanField(label="Vulnerable adult", required=False)
    rights_offered = forms.TypedChoiceField(
        label="Were rights and entitlements offered?",
        choices=RIGHTS,
        coerce=lambda value: {"yes": True, "no": False}.get(value),
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether rights and entitlements were offered",
            "invalid_choice": "Choose whether rights and entitlements were offered",
        },
    )
    health_and_wellbeing = text(
        "Health and wellbeing", "the notes", max_length=2000, required=False, rows=2
    )
    food_and_drink = text("Food and drink", "the notes", max_length=2000, required=False, rows=2)
    cell_conditions = text(
        "Conditions of the cell", "the notes", max_length=2000, required=False, rows=2
    )

    def __init__(self, *args, detainee=None, **kwargs):
        if detainee is not None:
            initial = {name: getattr(detainee, name) for name in self.base_fields}
            initial["rights_offered"] = {True: "yes", False: "no", None: "unknown"}[
                detainee.rights_offered
            ]
            with_initial(kwargs, initial)
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("custody_number", field_width=Fixed.TWENTY),
            Field.radios("outcome", legend_size=Size.SMALL),
            Field.select("not_offered_reason"),
            Field.checkbox("is_juvenile"),
            Field.checkbox("is_vulnerable"),
            Field.radios("rights_offered", legend_size=Size.SMALL, inline=True),
            Field.textarea("health_and_wellbeing", rows=2),
            Field.textarea("food_and_drink", rows=2),
            Field.textarea("cell_conditions", rows=2),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == DetaineeOutcome.NOT_OFFERED:
            if not cleaned.get("not_offered_reason") and "not_offered_reason" not in self.errors:
                self.add_error("not_offered_reason", "Choose why a visit was not offered")
        else:
            cleaned["not_offered_reason"] = ""
        return cleaned


class FindingForm(GovukForm, forms.Form):
    submit_label = "Save the finding"

    category = forms.ChoiceField(
        label="Category",
        choices=[("", "Choose a category"), *FindingCategory.choices],
        error_messages={
            "required": "Choose the finding's category",
            "invalid_choice": "Choose a category from the list",
        },
    )
    severity = forms.ChoiceField(
        label="Severity",
        choices=Severity.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how serious the finding is",
            "invalid_choice": "Choose how serious the finding is",
        },
    )
    description = text(
        "What did you find?",
        "what you found",
        max_length=5000,
        rows=4,
        help_text="Do not name detainees: use the custody number if you need to.",
    )

    def __init__(self, *args, finding=None, **kwargs):
        if finding is not None:
            with_initial(
                kwargs,
                {name: getattr(finding, name) for name in ("category", "severity", "description")},
            )
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.select("category"),
            Field.radios("severity", legend_size=Size.SMALL, inline=True),
            Field.textarea("description", rows=4),
        )


class SubmitReportForm(forms.Form):
    """The check-your-answers page's button: only the version the visitor checked."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class ReviewForm(GovukForm, forms.Form):
    submit_label = "Mark as reviewed"
    notes = text("Review notes (optional)", "the notes", max_length=5000, required=False, rows=4)
