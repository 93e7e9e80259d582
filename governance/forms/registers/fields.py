"""Fields of the registers' entry forms: a GOV.UK date, an amount in pounds, a person in the
office."""

from django import forms

from opcc.fields import DATE_HINT, GovukDateField, tie_errors_to_day  # noqa: F401
from opcc.models import User


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
