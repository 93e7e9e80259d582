from django.views.generic import TemplateView

from opcc.access import RoleRequiredMixin
from opcc.roles import OFFICE_ROLES, Role  # noqa: F401

LANDING_ROLES = frozenset(OFFICE_ROLES)


class LandingView(RoleRequiredMixin, TemplateView):
    roles = LANDING_ROLES
    template_name = "complaints/landing.html"
