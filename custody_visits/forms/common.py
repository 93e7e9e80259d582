"""Fields the custody visiting forms share."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

YES_NO = [("yes", "Yes"), ("no", "No")]


def yes_no(label: str, required_message: str, **kwargs) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": required_message, "invalid_choice": required_message},
        **kwargs,
    )


def text(label: str, what: str, *, max_length: int, required=True, rows=None, **kwargs):
    """A text box (or area) whose messages name what to enter."""
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=widget,
        error_messages={
            "required": f"Enter {what}",
            "max_length": f"{what[0].upper()}{what[1:]} must be {max_length} characters or fewer",
        },
        **kwargs,
    )


class TimeField(forms.TimeField):
    """A time of day typed as hours and minutes, like 19:30 (24-hour clock)."""

    def __init__(
        self, *, what: str, help_text="Use the 24-hour clock, for example 19:30", **kwargs
    ):
        super().__init__(
            input_formats=["%H:%M", "%H.%M", "%H%M"],
            help_text=help_text,
            widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
            error_messages={
                "required": f"Enter {what}",
                "invalid": f"Enter {what} as hours and minutes, like 19:30",
            },
            **kwargs,
        )


def not_in_future(value, what: str):
    if value and value > timezone.localdate():
        raise ValidationError(f"{what} must be today or in the past")
    return value


def with_initial(kwargs: dict, values: dict) -> None:
    """Start a form from a record's values; initial values the view passes win."""
    kwargs["initial"] = {**values, **(kwargs.get("initial") or {})}
