"""Forms for complaints about the Commissioner, the Deputy and the Chief Constable: the public's
complaint, one the office received another way, and the office's steps on a case."""

from crispy_forms_gds.layout import Field, Fieldset, Fixed, Fluid, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from complaints.forms.people import ComplainantDetailsForm
from complaints.forms.reviews import ReasonForm
from complaints.models import ComplaintChannel, ComplaintSubject, DisapplicationGround
from complaints.services.complaints import HANDLER_ROLES
from opcc.fields import GovukDateField
from opcc.forms import GovukForm
from opcc.models import User

__all__ = [
    "AssignHandlerForm",
    "CloseComplaintForm",
    "ComplaintForm",
    "DeclineToRecordForm",
    "DisapplyForm",
    "PassToPanelForm",
    "RecordedComplaintForm",
    "ReferToIopcForm",
]

SUBJECT_CHOICES = [
    (ComplaintSubject.PCC, "The Police and Crime Commissioner"),
    (ComplaintSubject.DEPUTY, "The Deputy Police and Crime Commissioner"),
    (ComplaintSubject.CHIEF_CONSTABLE, "The Chief Constable"),
]
OFFICE_CHANNELS = [
    (value, label) for value, label in ComplaintChannel.choices if value != ComplaintChannel.ONLINE
]


def _not_in_future(value, what: str):
    if value and value > timezone.localdate():
        raise ValidationError(f"{what} must be today or in the past")
    return value


class ComplaintForm(ComplainantDetailsForm):
    """A complaint, as the public makes it."""

    submit_label = "Send the complaint"

    subject = forms.ChoiceField(
        label="Who is your complaint about?",
        choices=SUBJECT_CHOICES,
        widget=forms.RadioSelect,
        help_text=(
            "Complaints about other police officers or police staff go to the force's "
            "professional standards department, not to this office."
        ),
        error_messages={
            "required": "Choose who your complaint is about",
            "invalid_choice": "Choose who your complaint is about",
        },
    )
    details = forms.CharField(
        label="What happened?",
        help_text="Tell us what was done or said, when and where, and who was there.",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Enter what happened",
            "max_length": "What happened must be 10,000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.radios("subject", legend_size=Size.MEDIUM),
            Fieldset(
                Field.text("name", field_width=Fluid.TWO_THIRDS),
                Field.text("email", field_width=Fluid.TWO_THIRDS),
                Field.text("phone", field_width=Fixed.TWENTY),
                legend="About you",
                legend_size=Size.MEDIUM,
            ),
            Field.textarea("details", rows=8),
        )

    def complaint_data(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("subject", "name", "email", "phone", "details")
        }


class RecordedComplaintForm(ComplaintForm):
    """A complaint the office received by letter, phone, e-mail or in person, typed in by staff."""

    submit_label = "Record the complaint"

    channel = forms.ChoiceField(
        label="How did the complaint arrive?",
        choices=OFFICE_CHANNELS,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how the complaint arrived",
            "invalid_choice": "Choose how the complaint arrived",
        },
    )
    received_on = GovukDateField(
        label="When did the complaint arrive?", what="the date the complaint arrived"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_the_office(
            {"subject": "Who is the complaint about?", "details": "What the complaint is about"}
        )
        self.fields["subject"].error_messages["required"] = "Choose who the complaint is about"
        self.fields["details"].error_messages["required"] = "Enter what the complaint is about"
        self.helper.layout = Layout(
            Field.radios("subject", legend_size=Size.MEDIUM),
            Field.radios("channel", legend_size=Size.MEDIUM, inline=True),
            Field("received_on", context={"fieldset": True}),
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Field.text("phone", field_width=Fixed.TWENTY),
            Field.textarea("details", rows=6),
        )

    def clean_received_on(self):
        return _not_in_future(self.cleaned_data["received_on"], "The date the complaint arrived")

    def complaint_data(self) -> dict:
        return {
            **super().complaint_data(),
            "channel": self.cleaned_data["channel"],
            "received_on": self.cleaned_data["received_on"],
        }


class DeclineToRecordForm(ReasonForm):
    def __init__(self, *args, **kwargs):
        super().__init__(
            *args,
            label="Why is the complaint not recorded?",
            submit_label="Do not record",
            **kwargs,
        )
        self.fields["reason"].error_messages["required"] = "Enter why the complaint is not recorded"


class ReferToIopcForm(GovukForm, forms.Form):
    submit_label = "Record the referral"
    referred_on = GovukDateField(
        label="When was the complaint referred to the IOPC?", what="the date of the referral"
    )
    serious = forms.BooleanField(
        label="It is a serious complaint (it alleges a criminal offence)", required=False
    )
    conduct_matter = forms.BooleanField(label="It is a conduct matter", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field("referred_on", context={"fieldset": True}),
            Fieldset(
                Field.checkbox("serious"),
                Field.checkbox("conduct_matter"),
                legend="Why it is referred",
                legend_size=Size.SMALL,
            ),
        )

    def clean_referred_on(self):
        return _not_in_future(self.cleaned_data["referred_on"], "The date of the referral")


class PassToPanelForm(GovukForm, forms.Form):
    submit_label = "Pass to the panel"
    confirmed = forms.BooleanField(
        label="The complaint alleges no criminal offence and is not a conduct matter",
        help_text="A serious complaint or a conduct matter must be referred to the IOPC instead.",
        error_messages={
            "required": "Confirm that the complaint alleges no criminal offence and is not a "
            "conduct matter"
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.checkbox("confirmed"))


class DisapplyForm(GovukForm, forms.Form):
    submit_label = "Disapply the requirements"
    ground = forms.ChoiceField(
        label="On which ground (regulation 15)?",
        choices=DisapplicationGround.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the ground for disapplying the requirements",
            "invalid_choice": "Choose the ground for disapplying the requirements",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.radios("ground", legend_size=Size.MEDIUM))


class HandlerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.get_role_display()})"


class AssignHandlerForm(GovukForm, forms.Form):
    submit_label = "Assign the handler"
    handler = HandlerChoiceField(
        label="Handler",
        queryset=User.objects.none(),
        empty_label="Choose a handler",
        error_messages={
            "required": "Choose the handler",
            "invalid_choice": "Choose a member of staff or the Chief Executive",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = User.objects.filter(
            role__in=HANDLER_ROLES, is_active=True
        ).order_by("full_name", "pk")


class CloseComplaintForm(GovukForm, forms.Form):
    submit_label = "Close the complaint"
    outcome = forms.CharField(
        label="What was the outcome?",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter the outcome of the complaint",
            "max_length": "The outcome must be 10,000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.textarea("outcome", rows=6))
