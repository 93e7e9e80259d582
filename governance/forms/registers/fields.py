"""Fields of the registers' entry forms: a GOV.UK date, an amount in pounds, a person in the
office."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from opcc.models import User

DATE_HINT = "For example, 27 3 2026"


class GovukDateField(DateInputField):
    """The GOV.UK date input (day, month, year) with messages that say what to put right.

    ``what`` names the date in a sentence ("the date of the offer"), as the Design System's
    error messages do ("The date of the offer must be a real date").
    """

    def __init__(self, *, what: str, **kwargs):
        kwargs.setdefault("help_text", DATE_HINT)
        kwargs.setdefault("require_all_fields", False)
        super().__init__(**kwargs)
        subject = what[0].upper() + what[1:]
        self.real_date = f"{subject} must be a real date"
        self.error_messages["required"] = f"Enter {what}"
        self.error_messages["incomplete"] = f"Enter {what}"
        for part, name in zip(self.fields, ("day", "month", "year"), strict=True):
            part.error_messages["incomplete"] = f"{subject} must include a {name}"
            part.validators = [RegexValidator(r"^\s*[0-9]+\s*$", self.real_date)]

    def compress(self, data_list):
        day, month, year = (str(part).strip() if part else "" for part in data_list)
        if not (day and month and year):
            return None
        if len(year) != 4:
            raise ValidationError("Year must include 4 numbers")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(self.real_date) from None

    def clean(self, value):
        try:
            return super().clean(value)
        except ValidationError as error:
            tie_errors_to_day(self, error.messages)
            raise


def tie_errors_to_day(field: GovukDateField, messages) -> None:
    """Show errors about the whole date against the day box, so the error summary links to a
    box that can take focus (the Design System's pattern)."""
    parts = [part.widget for part in field.fields]
    shown = {message for widget in parts for message in getattr(widget, "errors", [])}
    day = parts[0]
    day.errors = [*getattr(day, "errors", []), *(m for m in messages if m not in shown)]


class PoundsField(forms.DecimalField):
    """An amount in pounds and pence; "£1,250.50" is read as 1250.50.

    A text box, not type="number", as the Design System advises for amounts of money.
    """

    def __init__(self, *, what: str, **kwargs):
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"})
        )
        super().__init__(**kwargs)
        too_big = f"Enter {what} that is less than £{10**self.max_whole_digits:,}"
        self.error_messages.update(
            {
                "required": f"Enter {what}",
                "invalid": f"Enter {what} as an amount in pounds, like 1250.00",
                "max_decimal_places": f"Enter {what} to the nearest penny",
                "max_digits": too_big,
                "max_whole_digits": too_big,
            }
        )

    @property
    def max_whole_digits(self) -> int:
        return (self.max_digits or 12) - (self.decimal_places or 0)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("£", "").replace(",", "").strip()
        return super().to_python(value)


def office_people(roles, *, including=None):
    """Active people in ``roles`` (and whoever the record already names), to choose from."""
    people = User.objects.filter(role__in=roles, is_active=True)
    if including is not None:
        people = people | User.objects.filter(pk=including)
    return people.order_by("full_name", "pk")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.get_role_display()})"
