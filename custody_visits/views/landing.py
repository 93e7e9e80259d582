"""The custody visiting hub: a link to each area the person may use."""

from django.views.generic import TemplateView

from custody_visits.views.common import SCHEME_ROLES
from opcc.access import RoleRequiredMixin

LANDING_ROLES = SCHEME_ROLES


class LandingView(RoleRequiredMixin, TemplateView):
    roles = LANDING_ROLES
    template_name = "custody_visits/landing.html"
