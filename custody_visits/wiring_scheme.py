"""What the scheme's standing records plug into the portal's registries (opcc.registry): the
scheme manager's "vetting expiring" panel on "My work", and the demo scheme."""

PANEL_SIZE = 10


def vetting_expiring_rows(user):
    """For the scheme manager: active visitors whose vetting has lapsed or lapses soon."""
    from django.utils import timezone

    from custody_visits.models import Visitor
    from custody_visits.services.common import MANAGE_SCHEME
    from custody_visits.services.scheme import vetting_warning_from
    from opcc.dashboard import Rows

    if not user.has_perm(MANAGE_SCHEME):
        return None
    visitors = Visitor.objects.filter(
        is_active=True, vetting_expires_on__lte=vetting_warning_from(timezone.localdate())
    )
    return {"visitors": Rows(visitors, ("vetting_expires_on", "pk"), PANEL_SIZE, ("user",))}


def vetting_expiring(user, fetched):
    from django.utils import timezone

    visitors = fetched["visitors"]
    if not visitors.items:
        return None
    return {
        "rows": visitors.items,
        "more": visitors.count > PANEL_SIZE,
        "today": timezone.localdate(),
    }


def register() -> None:
    from custody_visits.seed_scheme import seed_scheme
    from opcc.registry import DashboardPanel, Seeder, dashboard_panels, seeders

    dashboard_panels.register(
        "custody_vetting",
        DashboardPanel(
            "custody_vetting",
            "Visitors' vetting",
            "custody_visits/scheme/_vetting_panel.html",
            vetting_expiring_rows,
            vetting_expiring,
            61,
        ),
    )
    # After the people (the demo visitor) and before the scheme's reports, made from its visits.
    seeders.register("custody_visiting", Seeder("custody_visiting", seed_scheme, order=80))
