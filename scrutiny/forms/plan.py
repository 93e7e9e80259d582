"""Forms for the Police and Crime Plan, its priorities, measures and quarterly figures."""

from datetime import date

from crispy_forms_gds.layout import Field, Fixed, Fluid, Layout, Size
from dateutil.relativedelta import relativedelta
from django import forms
from django.utils import timezone

from opcc.fields import GovukDateField
from opcc.forms import GovukForm
from scrutiny.models import Direction
from scrutiny.quarters import previous_quarters, quarter_label, quarter_start

SHOWN_QUARTERS = 8


def quarter_choices(count: int = SHOWN_QUARTERS, *, ahead: int = 0) -> list[tuple[str, str]]:
    """The current quarter and those before it (and ``ahead`` after it), newest first."""
    current = quarter_start(timezone.localdate())
    starts = previous_quarters(current, count)
    if ahead:
        starts += [current + relativedelta(months=3 * n) for n in range(1, ahead + 1)]
    return [(start.isoformat(), quarter_label(start)) for start in reversed(starts)]


class QuarterField(forms.TypedChoiceField):
    """A quarter from a list; the form sets the list when it is made, so it is never stale."""

    def __init__(self, *, label: str, **kwargs):
        super().__init__(
            label=label,
            coerce=date.fromisoformat,
            error_messages={
                "required": "Choose the quarter",
                "invalid_choice": "Choose one of the quarters listed",
            },
            **kwargs,
        )


class PlanForm(GovukForm, forms.Form):
    submit_label = "Create the plan"
    title = forms.CharField(
        label="Title of the plan",
        max_length=200,
        error_messages={
            "required": "Enter the title of the plan",
            "max_length": "The title must be 200 characters or fewer",
        },
    )
    starts_on = GovukDateField(label="When does the plan start?", what="the date the plan starts")
    ends_on = GovukDateField(label="When does the plan end?", what="the date the plan ends")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("title", field_width=Fluid.FULL),
            Field("starts_on", context={"fieldset": True}),
            Field("ends_on", context={"fieldset": True}),
        )


class PriorityForm(GovukForm, forms.Form):
    submit_label = "Add the priority"
    title = forms.CharField(
        label="Priority",
        max_length=200,
        error_messages={
            "required": "Enter the priority",
            "max_length": "The priority must be 200 characters or fewer",
        },
    )
    description = forms.CharField(
        label="Description (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class MeasureForm(GovukForm, forms.Form):
    submit_label = "Add the measure"
    name = forms.CharField(
        label="Measure",
        max_length=200,
        error_messages={
            "required": "Enter the measure",
            "max_length": "The measure must be 200 characters or fewer",
        },
    )
    unit = forms.CharField(
        label="Unit (optional)",
        required=False,
        max_length=30,
        help_text="For example %, days or crimes",
        error_messages={"max_length": "The unit must be 30 characters or fewer"},
    )
    target = forms.DecimalField(
        label="Target",
        max_digits=12,
        decimal_places=2,
        error_messages={
            "required": "Enter the target",
            "invalid": "Enter the target as a number, like 75 or 12.5",
            "max_digits": "Enter a target of no more than 10 digits before the point",
            "max_decimal_places": "Enter the target with no more than 2 decimal places",
            "max_whole_digits": "Enter a target of no more than 10 digits before the point",
        },
    )
    direction = forms.ChoiceField(
        label="Which way is better?",
        choices=Direction.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether higher or lower is better",
            "invalid_choice": "Choose whether higher or lower is better",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("name", field_width=Fluid.FULL),
            Field.text("unit", field_width=Fixed.TEN),
            Field.text("target", field_width=Fixed.TEN),
            Field.radios("direction", legend_size=Size.SMALL, inline=True),
        )


class MeasureValueForm(GovukForm, forms.Form):
    submit_label = "Save the figure"
    quarter = QuarterField(label="Quarter")
    value = forms.DecimalField(
        label="The force's figure",
        max_digits=12,
        decimal_places=2,
        error_messages={
            "required": "Enter the figure",
            "invalid": "Enter the figure as a number, like 75 or 12.5",
            "max_digits": "Enter a figure of no more than 10 digits before the point",
            "max_decimal_places": "Enter the figure with no more than 2 decimal places",
            "max_whole_digits": "Enter a figure of no more than 10 digits before the point",
        },
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=250,
        error_messages={"max_length": "The note must be 250 characters or fewer"},
    )
    # The version of the chosen quarter's figure the person saw (0: none yet), so a second
    # person's save is refused rather than silently overwriting the first.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = [("", "Choose a quarter"), *quarter_choices()]
        self.helper.layout = Layout(
            Field.select("quarter"),
            Field.text("value", field_width=Fixed.TEN),
            Field.text("note", field_width=Fluid.FULL),
            Field("version"),
        )
