"""The Police and Crime Panel's page: what the portal sent each member (statutory report copies,
quarterly reports, papers), newest first, with when it went and whether it was delivered, and
what the office has published lately."""

from django.views.generic import TemplateView

from opcc.access import RoleRequiredMixin
from opcc.models import OutboundMessage
from opcc.pagination import paginate
from opcc.roles import Role
from opcc.transparency import hub_rows

RECENTLY_PUBLISHED = 8


def sent_to(user):
    """Everything the outbox holds for ``user``, newest first, with its attached documents."""
    return (
        OutboundMessage.objects.filter(recipient=user)
        .order_by("-created_at", "-id")
        .prefetch_related("attachments__document")
    )


def recently_published():
    rows = [row for row in hub_rows() if row.last_updated is not None]
    return sorted(rows, key=lambda row: row.last_updated, reverse=True)[:RECENTLY_PUBLISHED]


class PanelAreaView(RoleRequiredMixin, TemplateView):
    roles = frozenset({Role.PANEL})
    template_name = "opcc/panel_area.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, sent_to(self.request.user)),
            "published": recently_published(),
        }


def panel_area_rows(user):
    """The dashboard's short list of what was sent to a panel member."""
    from opcc.dashboard import Rows

    if getattr(user, "role", None) != Role.PANEL:
        return None
    mine = OutboundMessage.objects.filter(recipient=user)
    return {"messages": Rows(mine, ("-created_at", "-id"), limit=5)}


def panel_area_panel(user, fetched):
    return {"messages": fetched["messages"].items}
