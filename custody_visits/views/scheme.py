"""The scheme manager's pages for custody suites and visitors."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from custody_visits.forms.scheme import AppointVisitorForm, SuiteForm, VisitorForm
from custody_visits.models import CustodySuite, Visitor
from custody_visits.services import scheme as services
from custody_visits.views.common import SchemeManagerRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.views.forms import BadRequestOnInvalidForm


class SuiteListView(SchemeManagerRequiredMixin, TemplateView):
    template_name = "custody_visits/scheme/suites.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, CustodySuite.objects.order_by("name", "pk")),
        }


class ServiceFormView(SchemeManagerRequiredMixin, BadRequestOnInvalidForm, FormView):
    """A form whose valid data goes to one service; its refusals are shown next to the fields."""

    template_name = "custody_visits/form.html"
    heading = ""
    caption = "Custody visiting"

    def act(self, form):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "heading": self.heading,
            "caption": self.caption,
        }

    def form_valid(self, form):
        try:
            message, url = self.act(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, message)
        return redirect(url)


class SuiteAddView(ServiceFormView):
    form_class = SuiteForm
    heading = "Add a custody suite"

    def act(self, form):
        suite = services.add_suite(self.request.user, **form.cleaned_data)
        return f"{suite} has been added.", "custody_visits:suites"


class SuiteChangeView(ServiceFormView):
    form_class = SuiteForm

    def dispatch(self, request, *args, **kwargs):
        self.suite = get_object_or_404(CustodySuite, pk=kwargs["pk"])
        self.heading = f"Change {self.suite}"
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "suite": self.suite}

    def act(self, form):
        suite = services.change_suite(self.request.user, self.suite, **form.cleaned_data)
        return f"{suite} has been saved.", "custody_visits:suites"


def vetting_tag(visitor: Visitor, today, warn_until) -> str:
    """'lapsed', 'expiring' or '' for a visitor's vetting, as of today."""
    if visitor.vetting_expires_on < today:
        return "lapsed"
    if visitor.vetting_expires_on <= warn_until:
        return "expiring"
    return ""


class VisitorListView(SchemeManagerRequiredMixin, TemplateView):
    template_name = "custody_visits/scheme/visitors.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        warn_until = services.vetting_warning_from(today)
        page = paginate(
            self.request, Visitor.objects.select_related("user").order_by("user__full_name", "pk")
        )
        return {
            **super().get_context_data(**kwargs),
            "page": page,
            "rows": [(v, vetting_tag(v, today, warn_until)) for v in page.object_list],
        }


class VisitorAddView(ServiceFormView):
    form_class = AppointVisitorForm
    heading = "Appoint a visitor"

    def act(self, form):
        visitor = services.appoint_visitor(self.request.user, **form.visitor_data())
        return f"{visitor} has been appointed.", "custody_visits:visitors"


class VisitorChangeView(ServiceFormView):
    form_class = VisitorForm

    def dispatch(self, request, *args, **kwargs):
        self.visitor = get_object_or_404(Visitor.objects.select_related("user"), pk=kwargs["pk"])
        self.heading = f"Change {self.visitor}"
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "visitor": self.visitor}

    def act(self, form):
        visitor = services.change_visitor(self.request.user, self.visitor, **form.visitor_data())
        return f"{visitor}'s record has been saved.", "custody_visits:visitors"
