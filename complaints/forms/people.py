"""The complainant's name and how to reach them: asked the same way on every complaints form."""

from django import forms

from opcc.forms import GovukForm


class ComplainantDetailsForm(GovukForm, forms.Form):
    """Name, email and phone, with at least one way to reply. `website` is a trap for robots:
    hidden from people (and from screen readers), so only a robot fills it in."""

    name = forms.CharField(
        label="Your full name",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your full name",
            "max_length": "Your name must be 200 characters or fewer",
        },
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        help_text="We will send your reference and our replies here.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    phone = forms.CharField(
        label="Phone number (if you have no email address)",
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        error_messages={"max_length": "The phone number must be 40 characters or fewer"},
    )
    website = forms.CharField(
        label="Leave this blank",
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "tabindex": "-1", "aria-hidden": "true"}
        ),
    )

    # Labels when the office types in what a complainant sent by letter, phone or e-mail.
    OFFICE_LABELS = {
        "name": "Complainant's full name",
        "email": "Complainant's email address",
        "phone": "Complainant's phone number",
    }

    def for_the_office(self, labels: dict) -> None:
        """Word the form for staff recording what arrived another way; no robot trap."""
        del self.fields["website"]
        for name, label in {**self.OFFICE_LABELS, **labels}.items():
            self.fields[name].label = label
            self.fields[name].help_text = ""

    def clean(self):
        cleaned = super().clean()
        asks_for_contact = "email" in self.fields and "phone" in self.fields
        if (
            asks_for_contact
            and not self.errors.get("email")
            and not (cleaned.get("email", "").strip() or cleaned.get("phone", "").strip())
        ):
            self.add_error("email", "Enter an email address or a phone number")
        return cleaned

    @property
    def is_from_a_robot(self) -> bool:
        return bool(self.data.get("website", "").strip())


def only_fields(form, names) -> None:
    """Keep only ``names`` on ``form`` (a question page asks one thing of a whole form)."""
    for name in list(form.fields):
        if name not in names:
            del form.fields[name]
