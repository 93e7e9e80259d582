"""Forms for the scrutiny work programme and the horizon-scanning log."""

from crispy_forms_gds.layout import Field, Fixed, Fluid, Layout, Size
from django import forms
from django.db.models import Q
from django.utils import timezone

from opcc.fields import GovukDateField
from opcc.forms import GovukForm
from opcc.models import User
from opcc.roles import OFFICE_ROLES
from scrutiny.forms.plan import QuarterField, quarter_choices
from scrutiny.models import ForwardPlanTopic, Meeting, Relevance, TopicSource, TopicStatus
from scrutiny.quarters import quarter_label


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.get_role_display()})"


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.body} on {obj.held_on:%-d %B %Y}"


class TopicForm(GovukForm, forms.Form):
    submit_label = "Save the topic"
    title = forms.CharField(
        label="Topic",
        max_length=200,
        error_messages={
            "required": "Enter the topic",
            "max_length": "The topic must be 200 characters or fewer",
        },
    )
    description = forms.CharField(
        label="What the scrutiny will look at (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    source = forms.ChoiceField(
        label="Where did the topic come from?",
        choices=TopicSource.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose where the topic came from",
            "invalid_choice": "Choose one of the sources listed",
        },
    )
    source_reference = forms.CharField(
        label="Reference (optional)",
        required=False,
        max_length=200,
        help_text="Which priority, review theme, report or finding, e.g. Priority 2",
        error_messages={"max_length": "The reference must be 200 characters or fewer"},
    )
    planned_quarter = QuarterField(label="Quarter it is planned for")
    planned_meeting = MeetingChoiceField(
        label="Meeting it is planned for (optional)",
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="Not yet known",
        error_messages={"invalid_choice": "Choose one of the meetings listed"},
    )
    lead = PersonChoiceField(
        label="Lead",
        queryset=User.objects.none(),
        empty_label="Choose the lead",
        error_messages={
            "required": "Choose who leads on the topic",
            "invalid_choice": "Choose one of the people listed",
        },
    )
    status = forms.ChoiceField(
        label="Status",
        choices=TopicStatus.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose one of the statuses listed"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args,
        editing: bool = False,
        from_scan: bool = False,
        topic: ForwardPlanTopic | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        quarters = quarter_choices(2, ahead=6)
        # A topic being changed keeps its own quarter and meeting as choices even once they are
        # past, so it can be marked scrutinised after its meeting without losing either.
        if topic is not None and topic.planned_quarter:
            current = (topic.planned_quarter.isoformat(), quarter_label(topic.planned_quarter))
            if current not in quarters:
                quarters = [*quarters, current]
        self.fields["planned_quarter"].choices = [("", "Choose a quarter"), *quarters]
        upcoming = Q(held_on__gte=timezone.localdate())
        if topic is not None and topic.planned_meeting_id:
            upcoming |= Q(pk=topic.planned_meeting_id)
        self.fields["planned_meeting"].queryset = Meeting.objects.filter(upcoming).select_related(
            "body"
        )
        self.fields["lead"].queryset = User.objects.filter(
            role__in=OFFICE_ROLES, is_active=True
        ).order_by("full_name")
        layout = [
            Field.text("title", field_width=Fluid.FULL),
            Field.textarea("description", rows=4),
            Field.radios("source", legend_size=Size.SMALL),
            Field.text("source_reference", field_width=Fluid.TWO_THIRDS),
        ]
        if from_scan:
            del self.fields["source"]
            layout = [layout[0], layout[1], layout[3]]
        layout += [
            Field.select("planned_quarter"),
            Field.select("planned_meeting"),
            Field.select("lead"),
        ]
        if editing:
            self.fields["status"].required = True
            self.fields["status"].error_messages["required"] = "Choose the topic's status"
            layout.append(Field.radios("status", legend_size=Size.SMALL, inline=True))
            layout.append(Field("version"))
        else:
            del self.fields["status"]
            del self.fields["version"]
        self.helper.layout = Layout(*layout)

    def topic_data(self) -> dict:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in ("version", "status")
        }


class TopicFromScanForm(TopicForm):
    """A horizon-scan entry turned into a topic: its source is the horizon scan."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, from_scan=True, **kwargs)


class HorizonScanForm(GovukForm, forms.Form):
    submit_label = "Add to the log"
    noted_on = GovukDateField(label="Date noted", what="the date noted")
    source = forms.CharField(
        label="Source",
        max_length=200,
        help_text="For example Home Office consultation, NPCC, a new Act",
        error_messages={
            "required": "Enter the source",
            "max_length": "The source must be 200 characters or fewer",
        },
    )
    summary = forms.CharField(
        label="Summary",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter a summary"},
    )
    relevance = forms.ChoiceField(
        label="Relevance to policing here",
        choices=Relevance.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how relevant it is",
            "invalid_choice": "Choose high, medium or low relevance",
        },
    )
    action = forms.CharField(
        label="Action (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field("noted_on", context={"fieldset": True}),
            Field.text("source", field_width=Fixed.THIRTY),
            Field.textarea("summary", rows=4),
            Field.radios("relevance", legend_size=Size.SMALL, inline=True),
            Field.textarea("action", rows=3),
        )
