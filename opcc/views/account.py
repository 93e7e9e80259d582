"""Sign in, the TOTP second factor, sign out, and passwords."""

import base64

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.generic import FormView
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from opcc.forms import (
    ChangePasswordForm,
    NewPasswordForm,
    OneTimeCodeForm,
    ResetPasswordForm,
    SignInForm,
)
from opcc.middleware import second_factor_url, user_owes_second_factor
from opcc.rate_limit import too_many_submissions
from opcc.views.forms import BadRequestOnInvalidForm

NEXT_SESSION_KEY = "opcc_next_after_second_factor"


class SignInView(BadRequestOnInvalidForm, auth_views.LoginView):
    form_class = SignInForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if too_many_submissions(request, "sign-in", limit=settings.SIGN_IN_RATE_LIMIT):
            return render(request, "complaints/public/too_many_requests.html", status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        if user_owes_second_factor(user):
            self.request.session[NEXT_SESSION_KEY] = self.get_success_url()
            return redirect(second_factor_url(user))
        return response

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "expired": "expired" in self.request.GET}


class SecondFactorMixin(LoginRequiredMixin):
    def next_url(self):
        url = self.request.session.pop(NEXT_SESSION_KEY, "")
        safe = url_has_allowed_host_and_scheme(url, {self.request.get_host()})
        return url if url and safe else reverse("dashboard")


class TwoFactorVerifyView(BadRequestOnInvalidForm, SecondFactorMixin, FormView):
    template_name = "account/two_factor_verify.html"
    form_class = OneTimeCodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.is_verified():
            return redirect("dashboard")
        if (
            request.user.is_authenticated
            and not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
        ):
            return redirect("two_factor_setup")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        user = self.request.user
        return {**super().get_form_kwargs(), "device_check": lambda token: match_token(user, token)}

    def form_valid(self, form):
        otp_login(self.request, form.device)
        return redirect(self.next_url())


class TwoFactorSetupView(BadRequestOnInvalidForm, SecondFactorMixin, FormView):
    """Enrol an authenticator app: a QR code (and the key as text), then one code to confirm."""

    template_name = "account/two_factor_setup.html"
    form_class = OneTimeCodeForm

    def dispatch(self, request, *args, **kwargs):
        if (
            request.user.is_authenticated
            and TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
        ):
            # A new app may only be added by someone who has already proved the existing one.
            return redirect("two_factor_verify" if not request.user.is_verified() else "dashboard")
        return super().dispatch(request, *args, **kwargs)

    def device(self) -> TOTPDevice:
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=self.request.user, name="Authenticator app", confirmed=False
            )
        return device

    def get_form_kwargs(self):
        device = self.device()
        check = lambda token: device if device.verify_token(token) else None  # noqa: E731
        return {**super().get_form_kwargs(), "device_check": check}

    def get_context_data(self, **kwargs):
        device = self.device()
        svg = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
        return {
            **super().get_context_data(**kwargs),
            # The SVG is drawn by qrcode from the device's own URL: it carries no user-typed text.
            "qr_svg": mark_safe(svg.to_string(encoding="unicode")),  # noqa: S308  # nosec B308 B703
            "secret": base64.b32encode(device.bin_key).decode(),
        }

    def form_valid(self, form):
        device = form.device
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(self.request, device)
        return redirect(self.next_url())


class ResetPasswordView(BadRequestOnInvalidForm, auth_views.PasswordResetView):
    # Sent straight away, not through the outbox: the reset link must never be stored.
    form_class = ResetPasswordForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def post(self, request, *args, **kwargs):
        # Each request e-mails someone: without a limit the form would send mail for anyone.
        if too_many_submissions(request, "password-reset"):
            return render(request, "complaints/public/too_many_requests.html", status=429)
        return super().post(request, *args, **kwargs)


class ResetPasswordConfirmView(BadRequestOnInvalidForm, auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


class ChangePasswordView(BadRequestOnInvalidForm, auth_views.PasswordChangeView):
    form_class = ChangePasswordForm
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("password_change_done")
