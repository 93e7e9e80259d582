from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fixed, Fluid, Layout, Submit
from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)


class GovukForm:
    """Mixin giving a form the shared GOV.UK helper: labels as written, one submit button."""

    submit_label = "Continue"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(*self.fields)
        self.helper.add_input(Submit("submit", self.submit_label))


class SignInForm(GovukForm, AuthenticationForm):
    submit_label = "Sign in"
    error_messages = {
        "invalid_login": "The email address or password is not right. Check both and try again",
        "inactive": "This account has been closed. Ask the office if you need it again",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].error_messages["required"] = "Enter your email address"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autocomplete": "username", "spellcheck": "false"}
        )
        self.helper.layout = Layout(
            Field.text("username", field_width=Fluid.TWO_THIRDS),
            Field("password"),
        )


class OneTimeCodeForm(GovukForm, forms.Form):
    """The six-digit code from an authenticator app. Paste is allowed (WCAG 2.2 SC 3.3.8)."""

    submit_label = "Continue"
    token = forms.CharField(
        label="Security code",
        help_text="The 6-digit code shown in your authenticator app",
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
        error_messages={"required": "Enter the 6-digit security code from your authenticator app"},
    )

    def __init__(self, *args, device_check=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device_check = device_check
        self.device = None
        self.helper.layout = Layout(Field.text("token", field_width=Fixed.TEN))

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not (token.isdigit() and len(token) == 6):
            raise forms.ValidationError("Enter the security code as 6 digits, like 123456")
        self.device = self.device_check(token) if self.device_check else None
        if self.device is None:
            raise forms.ValidationError(
                "That security code is wrong or has expired. Enter the code shown now"
            )
        return token


class ResetPasswordForm(GovukForm, PasswordResetForm):
    submit_label = "Send the reset link"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"


class NewPasswordForm(GovukForm, SetPasswordForm):
    submit_label = "Save the new password"


class ChangePasswordForm(GovukForm, PasswordChangeForm):
    submit_label = "Change password"


def add_service_errors(form, error) -> None:
    """Show a service's ValidationError on the form: next to its field when it names one of the
    form's fields, otherwise in the error summary."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
