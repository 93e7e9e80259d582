"""The form of a category of the scheme of delegation."""

from crispy_forms_gds.layout import Field, Fixed, Fluid, Layout
from django import forms

from governance.models import DecisionCategory
from governance.services.delegation import fixed_fields
from opcc.forms import GovukForm

WHO_MAY_DECIDE = [
    (False, "The Commissioner only"),
    (True, "The Commissioner or the Deputy"),
]


class DecisionCategoryForm(GovukForm, forms.ModelForm):
    """Add or change a category. A field the law fixes for this category (see
    governance.services.delegation.fixed_fields) is left out, and the page says why."""

    submit_label = "Save"
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    deputy_may_decide = forms.TypedChoiceField(
        label="Who may make these decisions?",
        help_text="The Commissioner may always make them. The Deputy may only if the scheme "
        "delegates them.",
        choices=WHO_MAY_DECIDE,
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose who may make these decisions",
            "invalid_choice": "Choose one of the people listed",
        },
    )
    order = forms.IntegerField(
        label="Position in the scheme",
        help_text="Lower numbers come first. The categories the Act reserves are 10 to 80; "
        "“General” is 900.",
        initial=100,
        min_value=0,
        max_value=999,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": "Enter the position in the scheme, a whole number such as 100",
            "invalid": "Enter the position as a whole number, such as 100",
            "min_value": "Enter a position of 0 or more",
            "max_value": "Enter a position of 999 or less",
        },
    )

    class Meta:
        model = DecisionCategory
        fields = ["name", "description", "deputy_may_decide", "is_active", "order"]
        labels = {
            "name": "Name of the category",
            "description": "What it covers (optional)",
            "is_active": "Offer this category for new decisions",
        }
        help_texts = {
            "name": "For example, Grants and commissioning",
            "description": "Published with the scheme of delegation",
            "is_active": "Untick to withdraw it from the scheme: decisions already made keep it",
        }
        error_messages = {
            "name": {
                "required": "Enter the name of the category",
                "max_length": "The name must be 150 characters or fewer",
                "unique": "There is already a category with this name",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            for name in fixed_fields(self.instance):
                del self.fields[name]
        else:
            self.fields["is_active"].initial = True
        self.helper.layout = Layout(
            *(
                self._layout_of(name)
                for name in ("name", "description", "deputy_may_decide", "is_active", "order")
                if name in self.fields
            ),
            "version",
        )

    @staticmethod
    def _layout_of(name):
        return {
            "name": Field.text("name", field_width=Fluid.TWO_THIRDS),
            "description": Field.textarea("description", rows=4),
            "deputy_may_decide": Field.radios("deputy_may_decide", legend_size="s"),
            "is_active": Field.checkbox("is_active"),
            "order": Field.text("order", field_width=Fixed.FIVE),
        }[name]
