from django.views.generic import TemplateView

from opcc.access import RoleRequiredMixin
from opcc.roles import OFFICE_ROLES, Role

LANDING_ROLES = frozenset(OFFICE_ROLES | {Role.PANEL})


class LandingView(RoleRequiredMixin, TemplateView):
    roles = LANDING_ROLES
    template_name = "governance/landing.html"
