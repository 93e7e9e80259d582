"""Forms for the actions tracker."""

from crispy_forms_gds.layout import Field, Fluid, Layout
from django import forms

from opcc.fields import GovukDateField
from opcc.forms import GovukForm
from scrutiny.models import ActionOwnerSide, ActionStatus


class RaiseActionForm(GovukForm, forms.Form):
    submit_label = "Record the action"

    description = forms.CharField(
        label="What is to be done?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Enter what is to be done",
            "max_length": "The action must be 5,000 characters or fewer",
        },
    )
    owner = forms.CharField(
        label="Who will do it?",
        help_text="Their name and role, for example Supt Jane Cole, Head of Custody",
        max_length=200,
        error_messages={
            "required": "Enter who will do it",
            "max_length": "The owner must be 200 characters or fewer",
        },
    )
    owner_side = forms.ChoiceField(
        label="Is the owner from the force or the office?",
        choices=ActionOwnerSide.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether the owner is from the force or the office",
            "invalid_choice": "Choose whether the owner is from the force or the office",
        },
    )
    due_on = GovukDateField(label="Due date", what="the due date")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.textarea("description", rows=4),
            Field.text("owner", field_width=Fluid.TWO_THIRDS),
            Field.radios("owner_side", legend_size="s", inline=True),
            Field("due_on", context={"fieldset": True}),
        )


class ActionUpdateForm(GovukForm, forms.Form):
    submit_label = "Add the update"

    text = forms.CharField(
        label="Update",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Enter the update",
            "max_length": "The update must be 5,000 characters or fewer",
        },
    )
    status = forms.ChoiceField(
        label="Status after this update",
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the action's status",
            "invalid_choice": "Choose the action's status",
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.textarea("text", rows=4),
            Field.radios("status", legend_size="s"),
            Field("version"),
        )
