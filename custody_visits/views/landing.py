"""The custody visiting hub: a link to each area the person may use."""

from django.views.generic import TemplateView

from custody_visits.views.common import SCHEME_ROLES
from opcc.access import RoleRequiredMixin, has_role
from opcc.roles import Role

LANDING_ROLES = SCHEME_ROLES


class LandingView(RoleRequiredMixin, TemplateView):
    roles = LANDING_ROLES
    template_name = "custody_visits/landing.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "is_visitor": has_role(self.request.user, Role.VISITOR),
        }
