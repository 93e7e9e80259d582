"""Forms for the scheme's standing records: custody suites and visitors."""

from crispy_forms_gds.layout import Field, Fixed, Fluid, Layout, Size
from django import forms

from custody_visits.forms.common import not_in_future, text, with_initial, yes_no
from custody_visits.models import Visitor
from opcc.fields import GovukDateField
from opcc.forms import GovukForm
from opcc.models import User
from opcc.roles import Role


class SuiteForm(GovukForm, forms.Form):
    submit_label = "Save the suite"

    name = text("Name", "the suite's name", max_length=120)
    address = text("Address", "the suite's address", max_length=500, rows=3)
    cells = forms.IntegerField(
        label="Number of cells",
        min_value=0,
        max_value=500,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter the number of cells",
            "invalid": "The number of cells must be a whole number, like 20",
            "min_value": "The number of cells must be 0 or more",
            "max_value": "The number of cells must be 500 or fewer",
        },
    )
    visits_per_month_target = forms.IntegerField(
        label="Visits a month (target)",
        min_value=0,
        max_value=60,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter the target number of visits a month",
            "invalid": "The target must be a whole number, like 4",
            "min_value": "The target must be 0 or more",
            "max_value": "The target must be 60 or fewer",
        },
    )
    is_open = yes_no("Is the suite open?", "Choose whether the suite is open")

    def __init__(self, *args, suite=None, **kwargs):
        if suite is not None:
            with_initial(
                kwargs,
                {
                    "name": suite.name,
                    "address": suite.address,
                    "cells": suite.cells,
                    "visits_per_month_target": suite.visits_per_month_target,
                    "is_open": "yes" if suite.is_open else "no",
                },
            )
        else:
            with_initial(kwargs, {"is_open": "yes", "visits_per_month_target": 4})
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.textarea("address", rows=3),
            Field.text("cells", field_width=Fixed.FIVE),
            Field.text("visits_per_month_target", field_width=Fixed.FIVE),
            Field.radios("is_open", legend_size=Size.SMALL, inline=True),
        )


class VisitorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.email})"


class VisitorForm(GovukForm, forms.Form):
    """A visitor's appointment, vetting and training."""

    submit_label = "Save the visitor"

    appointed_on = GovukDateField(label="Date of appointment", what="the date of appointment")
    vetting_expires_on = GovukDateField(
        label="Police vetting expires on", what="the vetting expiry date"
    )
    training_completed_on = GovukDateField(
        label="Training completed on (if completed)",
        what="the date training was completed",
        required=False,
    )
    is_active = yes_no("Is the visitor active?", "Choose whether the visitor is active")

    def __init__(self, *args, visitor: Visitor | None = None, **kwargs):
        if visitor is not None:
            with_initial(
                kwargs,
                {
                    "appointed_on": visitor.appointed_on,
                    "vetting_expires_on": visitor.vetting_expires_on,
                    "training_completed_on": visitor.training_completed_on,
                    "is_active": "yes" if visitor.is_active else "no",
                },
            )
        else:
            with_initial(kwargs, {"is_active": "yes"})
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(*self.layout_fields())

    def layout_fields(self):
        return [
            Field("appointed_on", context={"fieldset": True}),
            Field("vetting_expires_on", context={"fieldset": True}),
            Field("training_completed_on", context={"fieldset": True}),
            Field.radios("is_active", legend_size=Size.SMALL, inline=True),
        ]

    def clean_appointed_on(self):
        return not_in_future(self.cleaned_data["appointed_on"], "The date of appointment")

    def clean_training_completed_on(self):
        return not_in_future(
            self.cleaned_data["training_completed_on"], "The date training was completed"
        )

    def visitor_data(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("appointed_on", "vetting_expires_on", "training_completed_on", "is_active")
        }


class AppointVisitorForm(VisitorForm):
    """Appoint a visitor: a person who already has the visitor role, or a new account."""

    submit_label = "Appoint the visitor"

    user = VisitorChoiceField(
        label="Person with the visitor role",
        help_text="Leave this empty to create an account for a new visitor below.",
        queryset=User.objects.none(),
        required=False,
        empty_label="A new visitor (enter their details below)",
        error_messages={"invalid_choice": "Choose a person with the visitor role"},
    )
    full_name = text(
        "New visitor's full name", "the new visitor's full name", max_length=200, required=False
    )
    email = forms.EmailField(
        label="New visitor's email address",
        required=False,
        widget=forms.EmailInput(attrs={"spellcheck": "false"}),
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(
            role=Role.VISITOR, is_active=True, custody_visitor__isnull=True
        ).order_by("full_name", "pk")

    def layout_fields(self):
        return [
            Field.select("user"),
            Field.text("full_name", field_width=Fluid.TWO_THIRDS),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            *super().layout_fields(),
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("user") is None and "user" not in self.errors:
            if not cleaned.get("full_name", "").strip() and "full_name" not in self.errors:
                self.add_error(
                    "full_name", "Enter the new visitor's full name, or choose a person above"
                )
            if not cleaned.get("email") and "email" not in self.errors:
                self.add_error(
                    "email", "Enter the new visitor's email address, or choose a person above"
                )
        return cleaned

    def visitor_data(self) -> dict:
        return {
            **super().visitor_data(),
            "user": self.cleaned_data["user"],
            "full_name": self.cleaned_data["full_name"],
            "email": self.cleaned_data["email"],
        }
