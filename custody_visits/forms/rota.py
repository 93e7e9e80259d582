"""Forms for the rota: planning a visit, changing one and cancelling one."""

from datetime import date, timedelta

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from custody_visits.forms.common import text
from custody_visits.models import CustodySuite, Visitor
from custody_visits.services.rota import monday_of
from opcc.forms import GovukForm

WEEKS_AHEAD = 26


def week_choices(today: date) -> list[tuple[str, str]]:
    first = monday_of(today)
    weeks = (first + timedelta(weeks=n) for n in range(WEEKS_AHEAD + 1))
    return [(week.isoformat(), f"Week beginning {week:%-d %B %Y}") for week in weeks]


class SuiteChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class VisitorsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user.full_name} (vetting to {obj.vetting_expires_on:%-d %b %Y})"


class PlanVisitForm(GovukForm, forms.Form):
    submit_label = "Plan the visit"

    suite = SuiteChoiceField(
        label="Custody suite",
        queryset=CustodySuite.objects.none(),
        empty_label="Choose a suite",
        error_messages={
            "required": "Choose the custody suite",
            "invalid_choice": "Choose an open custody suite",
        },
    )
    week = forms.TypedChoiceField(
        label="Week of the visit",
        help_text="The visitors choose the day and time, so the visit stays unannounced.",
        coerce=date.fromisoformat,
        error_messages={
            "required": "Choose the week of the visit",
            "invalid_choice": "Choose a week from the list",
        },
    )
    visitors = VisitorsField(
        label="Visitors",
        help_text="Choose at least two. Only active, trained visitors are listed.",
        queryset=Visitor.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose at least two visitors",
            "invalid_choice": "Choose visitors from the list",
            "invalid_pk_value": "Choose visitors from the list",
        },
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["suite"].queryset = CustodySuite.objects.filter(is_open=True)
        self.fields["week"].choices = [("", "Choose a week"), *week_choices(today)]
        self.fields["visitors"].queryset = (
            Visitor.objects.filter(is_active=True, training_completed_on__isnull=False)
            .select_related("user")
            .order_by("user__full_name", "pk")
        )
        self.helper.layout = Layout(
            Field.select("suite"),
            Field.select("week"),
            Field.checkboxes("visitors", legend_size=Size.SMALL),
        )


class ChangeVisitForm(PlanVisitForm):
    """A planned visit's week and visitors (its suite stays: cancel and plan again for another)."""

    submit_label = "Save the changes"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["suite"]
        self.helper.layout = Layout(
            Field.select("week"),
            Field.checkboxes("visitors", legend_size=Size.SMALL),
        )


class ReasonForm(GovukForm, forms.Form):
    reason = text("Reason", "the reason", max_length=250, rows=3)

    def __init__(self, *args, label: str, what: str, submit_label: str, **kwargs):
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = label
        self.fields["reason"].error_messages["required"] = f"Enter {what}"
