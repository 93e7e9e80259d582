"""Forms of the misconduct hearing panels: a member of the pool, choosing a panel, an outcome."""

from crispy_forms_gds.layout import Field, Fluid, Layout
from django import forms

from complaints.models import HearingKind, PanelMemberKind
from opcc.fields import GovukDateField as DateField
from opcc.forms import GovukForm


class PanelMemberForm(GovukForm, forms.Form):
    """Add a member to the pool, or (with ``editing``) correct one, including making them
    inactive."""

    submit_label = "Save member"

    name = forms.CharField(
        label="Full name",
        max_length=200,
        error_messages={
            "required": "Enter the member's full name",
            "max_length": "The name must be 200 characters or fewer",
        },
    )
    kind = forms.ChoiceField(
        label="Type of member",
        choices=PanelMemberKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the type of member",
            "invalid_choice": "Select a legally qualified chair or an independent member",
        },
    )
    appointed_until = DateField(label="Appointed until", what="the date the appointment ends")
    conflicts = forms.CharField(
        label="Declared conflicts (optional)",
        help_text=(
            "The officers the member must not sit on, one full name per line, for example "
            "Inspector Dan Hollis"
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    active = forms.BooleanField(
        label="Available to sit on panels",
        help_text="Untick when the member stops sitting. They stay on the pool's record.",
        required=False,
    )

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        fields = [
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.radios("kind"),
            Field("appointed_until"),
            Field.textarea("conflicts", rows=4),
        ]
        if editing:
            fields.append(Field.checkbox("active"))
        else:
            del self.fields["active"]
        self.helper.layout = Layout(*fields)


class ChoosePanelForm(GovukForm, forms.Form):
    submit_label = "Choose the panel"

    kind = forms.ChoiceField(
        label="Type of hearing",
        choices=HearingKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the type of hearing",
            "invalid_choice": "Select a misconduct hearing or a Police Appeals Tribunal",
        },
    )
    held_on = DateField(label="Date of the hearing", what="the date of the hearing")
    officer = forms.CharField(
        label="Officer concerned",
        help_text="Their rank and full name, for example Inspector Dan Hollis. Members who have "
        "declared a conflict with this officer are skipped.",
        max_length=200,
        error_messages={
            "required": "Enter the officer concerned",
            "max_length": "The officer's name must be 200 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.radios("kind"),
            Field("held_on"),
            Field.text("officer", field_width=Fluid.TWO_THIRDS),
        )


class HearingOutcomeForm(GovukForm, forms.Form):
    submit_label = "Save the outcome"

    outcome = forms.CharField(
        label="Outcome of the hearing",
        help_text="For example, gross misconduct proven: dismissal without notice",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the outcome of the hearing"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.textarea("outcome", rows=4))
