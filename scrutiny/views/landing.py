from pathlib import Path

from django.conf import settings
from django.views.generic import TemplateView

from opcc.access import RoleRequiredMixin
from opcc.roles import OFFICE_ROLES, Role

LANDING_ROLES = frozenset(OFFICE_ROLES | {Role.PANEL})
# Each area of scrutiny puts its links in templates/scrutiny/<area>/_landing_links.html; these
# come first, in this order, and any other area's follow alphabetically.
FIRST_AREAS = ("meetings", "actions")


def landing_link_templates() -> list[str]:
    folder = Path(settings.BASE_DIR) / "templates" / "scrutiny"
    areas = sorted(path.parent.name for path in folder.glob("*/_landing_links.html"))
    ordered = [area for area in FIRST_AREAS if area in areas]
    ordered += [area for area in areas if area not in FIRST_AREAS]
    return [f"scrutiny/{area}/_landing_links.html" for area in ordered]


class LandingView(RoleRequiredMixin, TemplateView):
    roles = LANDING_ROLES
    template_name = "scrutiny/landing.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "link_templates": landing_link_templates()}
