"""Every choice in the scrutiny forms answers a made-up value with what to do ("Choose ..."), not
Django's default, which repeats the value back to the person."""

import pytest
from django import forms

from scrutiny.forms.actions import ActionUpdateForm, RaiseActionForm
from scrutiny.forms.forward_plan import HorizonScanForm, TopicForm
from scrutiny.forms.inspections import InspectionForm, ItemResponseForm
from scrutiny.forms.meetings import BodyForm, ScheduleMeetingForm
from scrutiny.forms.panel_reports import StartReportForm
from scrutiny.forms.plan import MeasureForm, MeasureValueForm

pytestmark = pytest.mark.django_db

MADE_UP = "made-up<choice>"

CHOICES = [
    (form_class, name)
    for form_class in (
        ActionUpdateForm,
        BodyForm,
        HorizonScanForm,
        InspectionForm,
        ItemResponseForm,
        MeasureForm,
        MeasureValueForm,
        RaiseActionForm,
        ScheduleMeetingForm,
        StartReportForm,
        TopicForm,
    )
    for name, field in form_class.base_fields.items()
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField)
]


@pytest.mark.parametrize(
    ("form_class", "name"), CHOICES, ids=[f"{f.__name__}.{n}" for f, n in CHOICES]
)
def test_a_made_up_choice_says_what_to_choose_without_repeating_it(form_class, name):
    kwargs = {"editing": True} if form_class is TopicForm else {}
    form = form_class(data={name: MADE_UP}, **kwargs)
    assert not form.is_valid()
    [message] = form.errors[name]
    assert message.startswith("Choose"), message
    assert "made-up" not in message


def test_the_review_s_choices_are_all_covered():
    names = {f"{form_class.__name__}.{name}" for form_class, name in CHOICES}
    assert {
        "MeasureForm.direction",
        "TopicForm.source",
        "TopicForm.status",
        "HorizonScanForm.relevance",
        "InspectionForm.inspection_type",
        "ItemResponseForm.response_kind",
    } <= names
