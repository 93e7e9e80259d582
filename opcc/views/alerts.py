"""The public's e-mail alerts: subscribe (then confirm from the e-mail), and stop in one click."""

from crispy_forms_gds.layout import Field, Fluid, Layout, Size
from django import forms
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from opcc import alerts
from opcc.forms import GovukForm
from opcc.models import AlertSubscription
from opcc.rate_limit import too_many_submissions
from opcc.views.forms import BadRequestOnInvalidForm


class SubscribeForm(GovukForm, forms.Form):
    submit_label = "Subscribe"

    kind = forms.ChoiceField(
        label="What do you want to hear about?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what you want to hear about",
            "invalid_choice": "Choose what you want to hear about",
        },
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    website = forms.CharField(required=False)  # a trap for robots, hidden from people

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = alerts.kinds()
        self.helper.layout = Layout(
            Field.radios("kind", legend_size=Size.MEDIUM),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
        )


@method_decorator(never_cache, name="dispatch")
class SubscribeView(BadRequestOnInvalidForm, FormView):
    template_name = "opcc/alerts_subscribe.html"
    form_class = SubscribeForm

    def post(self, request, *args, **kwargs):
        if too_many_submissions(request, "alerts"):
            return render(request, "complaints/public/too_many_requests.html", status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not form.cleaned_data["website"].strip():
            alerts.subscribe(email=form.cleaned_data["email"], kind=form.cleaned_data["kind"])
        # The same answer whoever asks, so nobody learns who subscribes to what.
        return redirect("alerts_check_email")


class CheckEmailView(TemplateView):
    template_name = "opcc/alerts_check_email.html"


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """The link in the confirmation e-mail shows a button; only pressing it confirms (a mail
    scanner following links confirms nothing)."""

    def get(self, request, code):
        subscription = get_object_or_404(AlertSubscription, code=code)
        return render(
            request,
            "opcc/alerts_confirm.html",
            {
                "subscription": subscription,
                "label": dict(alerts.kinds()).get(subscription.kind, subscription.kind),
            },
        )

    def post(self, request, code):
        subscription = alerts.confirm(get_object_or_404(AlertSubscription, code=code))
        return render(
            request, "opcc/alerts_done.html", {"subscription": subscription, "done": "confirmed"}
        )


@method_decorator([never_cache, csrf_exempt], name="dispatch")
class UnsubscribeView(View):
    """One click: the button on this page, or a mail program's RFC 8058 POST (which carries no
    CSRF token; ending one's own alerts by its unguessable code is all it can do)."""

    def get(self, request, code):
        subscription = get_object_or_404(AlertSubscription, code=code)
        return render(request, "opcc/alerts_unsubscribe.html", {"subscription": subscription})

    def post(self, request, code):
        subscription = alerts.unsubscribe(get_object_or_404(AlertSubscription, code=code))
        return render(
            request, "opcc/alerts_done.html", {"subscription": subscription, "done": "unsubscribed"}
        )
