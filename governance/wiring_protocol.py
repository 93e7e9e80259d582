"""What the protocol part of governance plugs into the portal's registries (opcc.registry)."""

from governance import protocol_status
from governance.models import ProtocolVersion
from opcc.access import has_role
from opcc.roles import Role


def sign_panel(user) -> dict | None:
    """For someone who must sign: the current version, while they have not signed it."""
    if not protocol_status.must_sign(user):
        return None
    version = protocol_status.current_version_for(user)
    if version is None or version.signed_at is not None:
        return None
    return {"version": version}


def signatures_panel(user) -> dict | None:
    """For the Chief Executive: how many have not signed the current version."""
    if not has_role(user, Role.CHIEF_EXECUTIVE):
        return None
    version = ProtocolVersion.objects.current()
    if version is None:
        return None
    outstanding = protocol_status.outstanding_signatures(version).count()
    return {"version": version, "outstanding": outstanding} if outstanding else None


def register() -> None:
    from governance.seed_protocol import seed_protocol
    from opcc.registry import DashboardPanel, Seeder, dashboard_panels, seeders

    dashboard_panels.register(
        "protocol_sign",
        DashboardPanel(
            "protocol_sign",
            "Sign the Commissioner and Officer Protocol",
            "governance/protocol/panel_sign.html",
            sign_panel,
            40,
        ),
    )
    dashboard_panels.register(
        "protocol_signatures",
        DashboardPanel(
            "protocol_signatures",
            "Protocol declarations not yet signed",
            "governance/protocol/panel_signatures.html",
            signatures_panel,
            41,
        ),
    )
    seeders.register("protocol", Seeder("protocol", seed_protocol, order=40))
