"""The office's pages for concerns under the Commissioner and Officer Protocol.

The Chief Executive, as Monitoring Officer, lists, reads and closes the concerns routed to them.
A concern about the Chief Executive is sent to the Chair of the Joint Audit and Standards
Committee by e-mail and shown to nobody in the portal: whoever records it sees a confirmation.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from complaints.forms.concerns import CloseConcernForm, RaiseConcernForm
from complaints.models import ConcernRoute
from complaints.services import concerns as services
from complaints.services.personal_data import may_hold
from opcc import access
from opcc.access import PermissionRequiredMixin, RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.roles import Role
from opcc.views.forms import BadRequestOnInvalidForm

MONITORING_OFFICER = frozenset({Role.CHIEF_EXECUTIVE})
RECORDED_ROUTE = "protocol_concern_recorded_route"


@method_decorator(never_cache, name="dispatch")
class ConcernListView(RoleRequiredMixin, TemplateView):
    roles = MONITORING_OFFICER
    template_name = "complaints/concerns/list.html"

    def get_context_data(self, **kwargs):
        concerns = services.concerns_visible_to(self.request.user).order_by(
            "closed_on", "-received_on", "-id"
        )
        return {**super().get_context_data(**kwargs), "page": paginate(self.request, concerns)}


@method_decorator(never_cache, name="dispatch")
class RaiseConcernView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = services.RAISE_PERMISSION
    template_name = "complaints/concerns/record.html"
    form_class = RaiseConcernForm

    def form_valid(self, form):
        try:
            concern = services.raise_concern(self.request.user, **form.concern_data())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if services.concerns_visible_to(self.request.user).filter(pk=concern.pk).exists():
            messages.success(self.request, "The concern has been recorded.")
            return redirect("complaints:concern", code=concern.code)
        # Only where it went, never the concern itself: the recorder may not read it back.
        self.request.session[RECORDED_ROUTE] = concern.routed_to
        return redirect("complaints:concern_recorded")


@method_decorator(never_cache, name="dispatch")
class ConcernRecordedView(PermissionRequiredMixin, TemplateView):
    permission = services.RAISE_PERMISSION
    template_name = "complaints/concerns/recorded.html"

    def get(self, request, *args, **kwargs):
        route = request.session.pop(RECORDED_ROUTE, None)
        if route not in ConcernRoute.values:
            return redirect("complaints:concern_add")
        return self.render_to_response(
            self.get_context_data(
                route=ConcernRoute(route),
                to_audit_committee_chair=route == ConcernRoute.AUDIT_COMMITTEE_CHAIR,
            )
        )


class ConcernMixin:
    action = access.VIEW

    def dispatch(self, request, *args, **kwargs):
        # Runs after RoleRequiredMixin has turned away everyone but the Monitoring Officer.
        self.concern = services.concern_for(request.user, kwargs["code"], self.action)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "concern": self.concern}


@method_decorator(never_cache, name="dispatch")
class ConcernDetailView(RoleRequiredMixin, ConcernMixin, TemplateView):
    roles = MONITORING_OFFICER
    template_name = "complaints/concerns/detail.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "may_hold": may_hold(self.request.user)}


@method_decorator(never_cache, name="dispatch")
class CloseConcernView(RoleRequiredMixin, ConcernMixin, BadRequestOnInvalidForm, FormView):
    roles = MONITORING_OFFICER
    action = access.CHANGE
    template_name = "complaints/concerns/close.html"
    form_class = CloseConcernForm

    def form_valid(self, form):
        try:
            services.close_concern(
                self.request.user, self.concern, outcome=form.cleaned_data["outcome"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The concern has been closed.")
        return redirect("complaints:concern", code=self.concern.code)
