"""Forms for HMICFRS reports and the Commissioner's response."""

from crispy_forms_gds.layout import Field, Fluid, Layout, Size
from django import forms

from opcc.fields import GovukDateField
from opcc.forms import GovukForm
from scrutiny.models import InspectionType, ResponseKind

ONE_PER_LINE = "One on each line, in the report's order."


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class InspectionForm(GovukForm, forms.Form):
    submit_label = "Record the report"

    title = forms.CharField(
        label="Title of the report",
        max_length=250,
        error_messages={
            "required": "Enter the title of the report",
            "max_length": "The title must be 250 characters or fewer",
        },
    )
    inspection_type = forms.ChoiceField(
        label="Type of inspection",
        choices=InspectionType.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the type of inspection",
            "invalid_choice": "Choose one of the types of inspection listed",
        },
    )
    published_on = GovukDateField(
        label="When did HMICFRS publish the report?", what="the date HMICFRS published the report"
    )
    link = forms.URLField(
        label="Link to the report on the HMICFRS website",
        max_length=500,
        assume_scheme="https",
        error_messages={
            "required": "Enter the link to the report",
            "invalid": "Enter the link in the correct format, like https://hmicfrs.example/report",
        },
    )
    recommendations = forms.CharField(
        label="Recommendations (optional)",
        required=False,
        help_text=ONE_PER_LINE,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    areas_for_improvement = forms.CharField(
        label="Areas for improvement (optional)",
        required=False,
        help_text=ONE_PER_LINE,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("title", field_width=Fluid.FULL),
            Field.radios("inspection_type", legend_size=Size.SMALL, inline=True),
            Field("published_on", context={"fieldset": True}),
            Field.text("link", field_width=Fluid.FULL),
            Field.textarea("recommendations", rows=5),
            Field.textarea("areas_for_improvement", rows=5),
        )

    def inspection_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["recommendations"] = lines(data["recommendations"])
        data["areas_for_improvement"] = lines(data["areas_for_improvement"])
        return data


class CommentsRequestForm(GovukForm, forms.Form):
    submit_label = "Record the request"
    requested_on = GovukDateField(
        label="When were the Chief Constable's comments requested?", what="the date of the request"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field("requested_on", context={"fieldset": True}))


class CommentsForm(GovukForm, forms.Form):
    submit_label = "Save the comments"
    received_on = GovukDateField(
        label="When did the comments arrive?", what="the date the comments arrived"
    )
    comments = forms.CharField(
        label="The Chief Constable's comments",
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Enter the Chief Constable's comments",
            "max_length": "The comments must be 20,000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field("received_on", context={"fieldset": True}), Field.textarea("comments", rows=8)
        )


class IntroductionForm(GovukForm, forms.Form):
    """Free text two people may edit at once: `version` is the one the person opened."""

    submit_label = "Save"
    introduction = forms.CharField(
        label="Introduction",
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={
            "required": "Enter the introduction",
            "max_length": "The text must be 20,000 characters or fewer",
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, label: str = "Introduction", required_message: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["introduction"].label = label
        if required_message:
            self.fields["introduction"].error_messages["required"] = required_message
        self.helper.layout = Layout(Field.textarea("introduction", rows=10), Field("version"))


class ItemResponseForm(GovukForm, forms.Form):
    submit_label = "Save the answer"
    response_kind = forms.ChoiceField(
        label="What is the Commissioner's answer?",
        choices=ResponseKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose action taken, action proposed or no action",
            "invalid_choice": "Choose action taken, action proposed or no action",
        },
    )
    response = forms.CharField(
        label="The action, or why there is none",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter the action, or why there is none",
            "max_length": "The answer must be 10,000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.radios("response_kind", legend_size=Size.MEDIUM),
            Field.textarea("response", rows=6),
        )


class SentForm(GovukForm, forms.Form):
    submit_label = "Record where it was sent"
    sent_to_inspectorate_on = GovukDateField(
        label="When was the response sent to HMICFRS?", what="the date sent to HMICFRS"
    )
    sent_to_home_secretary_on = GovukDateField(
        label="When was the response sent to the Home Secretary?",
        what="the date sent to the Home Secretary",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field("sent_to_inspectorate_on", context={"fieldset": True}),
            Field("sent_to_home_secretary_on", context={"fieldset": True}),
        )
