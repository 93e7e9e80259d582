"""Forms for complaint reviews: the public's request, and the office's steps on a case."""

from datetime import date

from crispy_forms_gds.layout import Field, Fieldset, Fixed, Fluid, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from complaints.forms.people import ComplainantDetailsForm
from complaints.models import IopcGround, ReviewFinding
from complaints.services.reviews import REVIEWER_ROLES, Channel
from opcc.fields import GovukDateField
from opcc.forms import GovukForm
from opcc.models import User


def _not_in_future(value: date, what: str) -> date:
    if value and value > timezone.localdate():
        raise ValidationError(f"{what} must be today or in the past")
    return value


class ReviewRequestForm(ComplainantDetailsForm):
    """Asking for a review, as the public does."""

    submit_label = "Send the request"

    force_reference = forms.CharField(
        label="The police's reference for your complaint",
        help_text="It is on the letter or email telling you the outcome, for example CO/2026/123.",
        max_length=60,
        error_messages={
            "required": "Enter the police's reference for your complaint",
            "max_length": "The reference must be 60 characters or fewer",
        },
    )
    outcome_given_on = GovukDateField(
        label="When were you told the outcome of your complaint?",
        what="the date the outcome was given",
        help_text="The date on the outcome letter or email. For example, 27 3 2026",
    )
    grounds = forms.CharField(
        label="Why do you think the outcome was wrong?",
        help_text="Tell us what you think the police did not do, or did wrongly.",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Enter why you think the outcome was wrong",
            "max_length": "Your reasons must be 10,000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Fieldset(
                Field.text("name", field_width=Fluid.TWO_THIRDS),
                Field.text("email", field_width=Fluid.TWO_THIRDS),
                Field.text("phone", field_width=Fixed.TWENTY),
                legend="About you",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.text("force_reference", field_width=Fixed.TWENTY),
                Field("outcome_given_on", context={"fieldset": True}),
                Field.textarea("grounds", rows=8),
                legend="About your complaint",
                legend_size=Size.MEDIUM,
            ),
        )

    def clean_outcome_given_on(self):
        return _not_in_future(
            self.cleaned_data["outcome_given_on"], "The date the outcome was given"
        )

    def request_data(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("name", "email", "phone", "force_reference", "outcome_given_on", "grounds")
        }


class RecordedReviewRequestForm(ReviewRequestForm):
    """A request the office received by letter, phone or e-mail, typed in by staff."""

    submit_label = "Record the request"

    channel = forms.ChoiceField(
        label="How did the request arrive?",
        choices=Channel.CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the request arrived"},
    )
    request_received_on = GovukDateField(
        label="When did the request arrive?", what="the date the request arrived"
    )
    iopc_ground = forms.ChoiceField(
        label="Who is the review body?",
        choices=[("", "The Police and Crime Commissioner")]
        + [
            (value, f"The IOPC: {label[0].lower()}{label[1:]}")
            for value, label in IopcGround.choices
        ],
        required=False,
        initial="",
        widget=forms.RadioSelect,
        help_text="When the IOPC is the review body, the request is sent to it at once and the "
        "complainant is told.",
        error_messages={"invalid_choice": "Choose who the review body is"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_the_office(
            {
                "force_reference": "The force's complaint reference",
                "outcome_given_on": "When was the outcome given?",
                "grounds": "Why the complainant thinks the outcome was wrong",
            }
        )
        self.helper.layout = Layout(
            Field.radios("channel", legend_size=Size.MEDIUM, inline=True),
            Field("request_received_on", context={"fieldset": True}),
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Field.text("phone", field_width=Fixed.TWENTY),
            Field.text("force_reference", field_width=Fixed.TWENTY),
            Field("outcome_given_on", context={"fieldset": True}),
            Field.textarea("grounds", rows=6),
            Field.radios("iopc_ground", legend_size=Size.MEDIUM),
        )

    def clean_request_received_on(self):
        return _not_in_future(
            self.cleaned_data["request_received_on"], "The date the request arrived"
        )

    def request_data(self) -> dict:
        return {
            **super().request_data(),
            "channel": self.cleaned_data["channel"],
            "request_received_on": self.cleaned_data["request_received_on"],
            "iopc_ground": self.cleaned_data["iopc_ground"],
        }


class ReviewerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.get_role_display()})"


class AssignReviewerForm(GovukForm, forms.Form):
    submit_label = "Assign the reviewer"
    reviewer = ReviewerChoiceField(
        label="Reviewer",
        queryset=User.objects.none(),
        empty_label="Choose a reviewer",
        error_messages={
            "required": "Choose the reviewer",
            "invalid_choice": "Choose a member of staff or the Chief Executive",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = User.objects.filter(
            role__in=REVIEWER_ROLES, is_active=True
        ).order_by("full_name", "pk")


class ReasonForm(GovukForm, forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=250,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter the reason",
            "max_length": "The reason must be 250 characters or fewer",
        },
    )

    def __init__(self, *args, label="Reason", submit_label="Save", **kwargs):
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = label
        self.fields["reason"].error_messages["required"] = f"Enter {label[0].lower()}{label[1:]}"


class DecideReviewForm(GovukForm, forms.Form):
    submit_label = "Record the decision"
    finding = forms.ChoiceField(
        label="Was the outcome reasonable and proportionate?",
        choices=ReviewFinding.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether the outcome was reasonable and proportionate",
            "invalid_choice": "Choose whether the outcome was reasonable and proportionate",
        },
    )
    finding_reasons = forms.CharField(
        label="Reasons for the finding",
        help_text="Sent to the complainant and the force.",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter the reasons for the finding"},
    )
    theme = forms.CharField(
        label="Theme (if upheld)",
        help_text="What went wrong, in a few words, for scrutiny, e.g. poor communication.",
        required=False,
        max_length=100,
        error_messages={"max_length": "The theme must be 100 characters or fewer"},
    )
    recommendations = forms.CharField(
        label="Recommendations to the force (if upheld)",
        help_text="One recommendation a line.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.radios("finding", legend_size=Size.MEDIUM),
            Field.textarea("finding_reasons", rows=6),
            Field.text("theme", field_width=Fluid.TWO_THIRDS),
            Field.textarea("recommendations", rows=5),
        )

    def decision_data(self) -> dict:
        data = self.cleaned_data
        return {
            "finding": data["finding"],
            "finding_reasons": data["finding_reasons"],
            "theme": data["theme"],
            "recommendations": data["recommendations"].splitlines(),
        }


class ForceResponseForm(GovukForm, forms.Form):
    submit_label = "Record the response"
    accepted = forms.TypedChoiceField(
        label="Did the force accept the recommendation?",
        choices=[("yes", "Yes, it accepted it"), ("no", "No, it did not accept it")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether the force accepted the recommendation",
            "invalid_choice": "Choose whether the force accepted the recommendation",
        },
    )
    response = forms.CharField(
        label="The force's response",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the force's response"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.radios("accepted", legend_size=Size.MEDIUM),
            Field.textarea("response", rows=5),
        )
