"""Form fields shared by every app."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

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
