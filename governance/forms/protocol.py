"""Forms of the protocol declarations: signing the declaration, adding a version."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import Field, Fixed, Fluid, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from governance.services.protocol import DEFAULT_TITLE
from opcc.forms import GovukForm
from opcc.uploads import ACCEPTED_KINDS


class GovukDateField(DateInputField):
    """The GOV.UK date input (day, month, year) with messages that name the date asked for."""

    def __init__(self, *, what: str, **kwargs):
        # Each missing part (day, month or year) gets its own message, linked to its own box.
        super().__init__(require_all_fields=False, **kwargs)
        self.what = what
        self.error_messages = {
            **self.error_messages,
            "required": f"Enter {what}",
            "incomplete": f"Enter {what}",
        }
        for part, subfield in zip(("day", "month", "year"), self.fields, strict=True):
            subfield.error_messages["incomplete"] = f"{self._what_title} must include a {part}"
            subfield.validators = [
                RegexValidator(r"^[0-9]+$", f"{self._what_title} must be a real date")
            ]

    @property
    def _what_title(self) -> str:
        return self.what[0].upper() + self.what[1:]

    def clean(self, value):
        try:
            return super().clean(value)
        except ValidationError as problem:
            # A problem with the whole date is linked from the error summary to the day box,
            # so following the link puts the cursor in a field.
            if not any(getattr(subfield.widget, "errors", None) for subfield in self.fields):
                self.fields[0].widget.errors = list(problem.messages)
            raise

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        if len(year) != 4:
            raise ValidationError(f"{self._what_title} must include a year with 4 numbers")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{self._what_title} must be a real date") from None


class SignDeclarationForm(GovukForm, forms.Form):
    submit_label = "Sign the declaration"

    confirm = forms.BooleanField(
        label="I have read the protocol and make this declaration",
        error_messages={
            "required": "Select the box to confirm you have read the protocol and make "
            "this declaration"
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.checkbox("confirm"))


class ProtocolVersionForm(GovukForm, forms.Form):
    submit_label = "Add the version"

    version = forms.CharField(
        label="Version number",
        help_text="For example, 3.0",
        max_length=20,
        error_messages={
            "required": "Enter the version number",
            "max_length": "The version number must be 20 characters or fewer",
        },
    )
    title = forms.CharField(
        label="Title",
        initial=DEFAULT_TITLE,
        max_length=200,
        error_messages={
            "required": "Enter the title of the protocol",
            "max_length": "The title must be 200 characters or fewer",
        },
    )
    approved_on = GovukDateField(
        what="the date the version was approved",
        label="Date approved",
        help_text="Everyone must sign this version from this date. For example, 1 4 2027",
    )
    declaration_text = forms.CharField(
        label="Declaration",
        help_text="The declaration in the protocol's appendix, exactly as each person signs it",
        widget=forms.Textarea,
        error_messages={"required": "Enter the declaration that each person signs"},
    )
    document = forms.FileField(
        label="The protocol document (optional)",
        help_text=f"Upload {ACCEPTED_KINDS}, smaller than 10 MB",
        required=False,
        error_messages={
            "invalid": "The selected file could not be uploaded. Try again",
            "empty": "The selected file is empty",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("version", field_width=Fixed.TEN),
            Field.text("title", field_width=Fluid.FULL),
            Field("approved_on"),
            Field.textarea("declaration_text", rows=8),
            Field("document"),
        )
