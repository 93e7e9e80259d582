"""What the custody visiting pages share: who may open them, and the one way in to a visit."""

from django.db.models import Prefetch

from custody_visits.models import CustodyVisit, VisitAssignment
from custody_visits.services.common import MANAGE_SCHEME
from opcc import access
from opcc.access import PermissionRequiredMixin
from opcc.roles import OFFICE_ROLES, Role

SCHEME_ROLES = frozenset(OFFICE_ROLES | {Role.VISITOR})
# The office holders who read filed reports and findings (not the rota).
READER_ROLES = OFFICE_ROLES


class SchemeManagerRequiredMixin(PermissionRequiredMixin):
    """The scheme manager's pages: staff and the Chief Executive."""

    permission = MANAGE_SCHEME


def with_visitors(visits):
    """Visits with their visitors' names in one extra query, whatever the number of rows."""
    return visits.select_related("suite").prefetch_related(
        Prefetch(
            "assignments",
            queryset=VisitAssignment.objects.select_related("visitor__user").order_by("id"),
        )
    )


class VisitMixin:
    """Loads the visit named in the URL through the one way in: 404 for one who may not see it,
    403 for one who may see it but not do `action` to it."""

    action = access.VIEW

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and access.has_role(request.user, *SCHEME_ROLES):
            self.visit = access.object_for(
                request.user,
                with_visitors(CustodyVisit.objects.all()),
                self.action,
                code=kwargs["code"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "visit": self.visit}
