"""Forms for meetings: scheduling, the agenda, papers, minutes and their approval."""

import re
from datetime import time

from crispy_forms_gds.layout import Field, Fixed, Fluid, Layout
from django import forms
from django.core.exceptions import ValidationError

from opcc.fields import GovukDateField
from opcc.forms import GovukForm
from scrutiny.models import Body, BodyKind, Meeting, MeetingStatus

TIME_PATTERN = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


class ScheduleMeetingForm(GovukForm, forms.Form):
    submit_label = "Schedule the meeting"

    body = forms.ModelChoiceField(
        label="Which body is meeting?",
        queryset=Body.objects.order_by("name"),
        empty_label="Choose a body",
        error_messages={
            "required": "Choose the body that is meeting",
            "invalid_choice": "Choose the body that is meeting",
        },
    )
    held_on = GovukDateField(label="Date", what="the date of the meeting")
    starts_at = forms.CharField(
        label="Start time",
        help_text="On the 24-hour clock, for example 14:00",
        max_length=5,
        error_messages={"required": "Enter the start time"},
    )
    place = forms.CharField(
        max_length=200,
        help_text="For example, Committee Room 1, Police Headquarters",
        error_messages={
            "required": "Enter where the meeting is held",
            "max_length": "The place must be 200 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.select("body"),
            Field("held_on", context={"fieldset": True}),
            Field.text("starts_at", field_width=Fixed.FIVE),
            Field.text("place", field_width=Fluid.TWO_THIRDS),
        )

    def clean_starts_at(self) -> time:
        match = TIME_PATTERN.match(self.cleaned_data["starts_at"])
        if match:
            hour, minute = int(match[1]), int(match[2])
            if hour < 24 and minute < 60:
                return time(hour, minute)
        raise ValidationError("Enter the start time on the 24-hour clock, like 14:00")


class RescheduleMeetingForm(ScheduleMeetingForm):
    """The date, time and place of a meeting; `version` is the version the person opened."""

    submit_label = "Save the changes"
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["body"]
        self.helper.layout = Layout(
            Field("held_on", context={"fieldset": True}),
            Field.text("starts_at", field_width=Fixed.FIVE),
            Field.text("place", field_width=Fluid.TWO_THIRDS),
            Field("version"),
        )


class AgendaItemForm(GovukForm, forms.Form):
    submit_label = "Add the item"

    title = forms.CharField(
        max_length=250,
        error_messages={
            "required": "Enter the item's title",
            "max_length": "The title must be 250 characters or fewer",
        },
    )
    presenter = forms.CharField(
        help_text="Who introduces the item, for example Chief Constable",
        max_length=200,
        error_messages={
            "required": "Enter who presents the item",
            "max_length": "The presenter must be 200 characters or fewer",
        },
    )
    is_confidential = forms.BooleanField(
        label="This item is confidential (taken in private)", required=False
    )
    confidential_reason = forms.CharField(
        label="If it is confidential, why?",
        help_text="Shown to the public with the item's title, for example: Commercially sensitive.",
        max_length=250,
        required=False,
        error_messages={"max_length": "The reason must be 250 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("title", field_width=Fluid.FULL),
            Field.text("presenter", field_width=Fluid.TWO_THIRDS),
            Field.checkbox("is_confidential"),
            Field.text("confidential_reason", field_width=Fluid.FULL),
        )


class PaperForm(GovukForm, forms.Form):
    submit_label = "Add the paper"

    title = forms.CharField(
        max_length=200,
        error_messages={
            "required": "Enter the paper's title",
            "max_length": "The title must be 200 characters or fewer",
        },
    )
    upload = forms.FileField(
        label="Paper",
        help_text="A PDF, Word, Excel or PowerPoint file, 10 MB at most.",
        error_messages={
            "required": "Choose the file to upload",
            "empty": "The selected file is empty",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.text("title", field_width=Fluid.FULL), Field("upload"))


class WithdrawPaperForm(GovukForm, forms.Form):
    """Why a paper is withdrawn from the published agenda (kept on its record)."""

    submit_label = "Withdraw the paper"

    reason = forms.CharField(
        label="Why is the paper withdrawn?",
        max_length=250,
        error_messages={
            "required": "Enter why the paper is withdrawn",
            "max_length": "The reason must be 250 characters or fewer",
        },
    )


class MinutesForm(GovukForm, forms.Form):
    """The minute of one item. `version` is the version the person opened, so a second person's
    save is refused rather than silently overwriting the first."""

    submit_label = "Save the minutes"

    minutes = forms.CharField(
        label="Minutes",
        help_text="What was reported, discussed and agreed.",
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={
            "required": "Enter the minutes of the item",
            "max_length": "The minutes must be 20,000 characters or fewer",
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.textarea("minutes", rows=10), Field("version"))


class ApproveMinutesForm(GovukForm, forms.Form):
    submit_label = "Record the approval"
    CHAIR = "chair"

    approved_by = forms.ChoiceField(
        label="Who approved the minutes?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose who approved the minutes",
            "invalid_choice": "Choose who approved the minutes",
        },
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        later = Meeting.objects.filter(
            body=meeting.body_id,
            held_on__gt=meeting.held_on,
            status__in=(MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED),
        ).order_by("held_on")[:6]
        self.meetings = {str(m.code): m for m in later}
        self.fields["approved_by"].choices = [
            *((code, f"The meeting of {m.held_on:%-d %B %Y}") for code, m in self.meetings.items()),
            (self.CHAIR, "The chair, on the body's behalf"),
        ]
        self.helper.layout = Layout(Field.radios("approved_by", legend_size="m"))

    def approval(self) -> dict:
        choice = self.cleaned_data["approved_by"]
        if choice == self.CHAIR:
            return {"by_chair": True}
        return {"approved_at_meeting": self.meetings[choice]}


class BodyForm(GovukForm, forms.Form):
    """A body's name, kind, members and openness; `version` is the version the person opened."""

    submit_label = "Save"

    name = forms.CharField(
        max_length=200,
        error_messages={
            "required": "Enter the body's name",
            "max_length": "The name must be 200 characters or fewer",
        },
    )
    kind = forms.ChoiceField(
        label="What kind of body is it?",
        choices=BodyKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what kind of body it is",
            "invalid_choice": "Choose what kind of body it is",
        },
    )
    members = forms.CharField(
        help_text="One member a line, with their role, for example: Helen Price (Chair)",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter the body's members",
            "max_length": "The members must be 5,000 characters or fewer",
        },
    )
    meetings_public = forms.BooleanField(
        label="Its meetings are open to the public",
        help_text="Items on a private body's agendas start as confidential.",
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("name", field_width=Fluid.FULL),
            Field.radios("kind", legend_size="s"),
            Field.textarea("members", rows=6),
            Field.checkbox("meetings_public"),
            Field("version"),
        )
