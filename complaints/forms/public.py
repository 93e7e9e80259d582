"""The public's question pages (opcc.question_pages): each page asks one thing of the whole
complaint or review request form, so the questions and their checks are written once."""

from crispy_forms_gds.layout import Field, Fixed, Fluid, Layout, Size
from django import forms

from complaints.forms.complaints import ComplaintForm
from complaints.forms.people import only_fields
from complaints.forms.reviews import ReviewRequestForm
from complaints.models import IopcGround
from opcc.question_pages import Question

LARGE_LEGEND = Size.for_legend(Size.LARGE)


def question_form(whole_form, names, *layout):
    """A form asking only ``names`` of ``whole_form``, laid out as a one-question page."""

    class QuestionForm(whole_form):
        submit_label = "Continue"

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            only_fields(self, names)
            self.helper.layout = Layout(*layout)

    QuestionForm.__name__ = f"{whole_form.__name__}{''.join(n.title() for n in names)}"
    return QuestionForm


def heading(name, **kwargs):
    return Field.text(name, label_size=Size.LARGE, label_tag="h1", **kwargs)


def contact_page(whole_form):
    return question_form(
        whole_form,
        ["email", "phone"],
        Field.text("email", field_width=Fluid.TWO_THIRDS),
        Field.text("phone", field_width=Fixed.TWENTY),
    )


class ReviewBodyForm(ReviewRequestForm):
    """Which body the force's outcome letter said reviews it (the IOPC in serious cases)."""

    submit_label = "Continue"

    review_body_named = forms.ChoiceField(
        label="Did the police's outcome letter say who to ask for a review?",
        choices=[
            ("pcc", "The Police and Crime Commissioner"),
            ("iopc", "The Independent Office for Police Conduct (IOPC)"),
            ("unknown", "It did not say, or I do not know"),
        ],
        widget=forms.RadioSelect,
        help_text="For complaints about senior officers and the most serious complaints, the "
        "IOPC reviews the outcome instead. If the letter names the IOPC, we send your request "
        "on to it and tell you.",
        error_messages={
            "required": "Choose who the outcome letter said to ask for a review",
            "invalid_choice": "Choose who the outcome letter said to ask for a review",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        only_fields(self, ["review_body_named"])
        self.helper.layout = Layout(
            Field.radios("review_body_named", legend_size=Size.LARGE, legend_tag="h1")
        )


REVIEW_QUESTIONS = (
    Question(
        "reference",
        question_form(
            ReviewRequestForm,
            ["force_reference", "website"],
            heading("force_reference", field_width=Fixed.TWENTY),
        ),
        "The police's reference",
    ),
    Question(
        "outcome-date",
        question_form(
            ReviewRequestForm,
            ["outcome_given_on"],
            Field(
                "outcome_given_on",
                context={"fieldset": True, "legend_size": LARGE_LEGEND, "legend_tag": "h1"},
            ),
        ),
        "Told the outcome on",
    ),
    Question("review-body", ReviewBodyForm, "Who the letter said reviews it"),
    Question(
        "reasons",
        question_form(
            ReviewRequestForm,
            ["grounds"],
            Field.textarea("grounds", rows=8, label_size=Size.LARGE, label_tag="h1"),
        ),
        "Why the outcome was wrong",
    ),
    Question(
        "name",
        question_form(ReviewRequestForm, ["name"], heading("name", field_width=Fluid.TWO_THIRDS)),
        "Name",
    ),
    Question("contact", contact_page(ReviewRequestForm), "Contact details"),
)


def review_request_data(cleaned: dict) -> dict:
    """What the service needs from the answers to the review questions."""
    names = ("name", "email", "phone", "force_reference", "outcome_given_on", "grounds")
    data = {name: cleaned[name] for name in names}
    if cleaned["review_body_named"] == "iopc":
        data["iopc_ground"] = IopcGround.OUTCOME_LETTER
    return data


COMPLAINT_QUESTIONS = (
    Question(
        "about",
        question_form(
            ComplaintForm,
            ["subject", "website"],
            Field.radios("subject", legend_size=Size.LARGE, legend_tag="h1"),
        ),
        "Complaint about",
    ),
    Question(
        "what-happened",
        question_form(
            ComplaintForm,
            ["details"],
            Field.textarea("details", rows=8, label_size=Size.LARGE, label_tag="h1"),
        ),
        "What happened",
    ),
    Question(
        "name",
        question_form(ComplaintForm, ["name"], heading("name", field_width=Fluid.TWO_THIRDS)),
        "Name",
    ),
    Question("contact", contact_page(ComplaintForm), "Contact details"),
)
