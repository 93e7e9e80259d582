"""What the protocol part of governance plugs into the portal's registries (opcc.registry)."""

from governance import protocol_status
from governance.models import ProtocolVersion
from opcc.access import has_role
from opcc.roles import Role


def sign_rows(user):
    """For someone who must sign: the current version, with when they signed it."""
    from django.db.models import OuterRef, Subquery
    from django.utils import timezone

    from governance.models import ProtocolDeclaration
    from opcc.dashboard import Rows

    if not protocol_status.must_sign(user):
        return None
    own_declaration = ProtocolDeclaration.objects.filter(version=OuterRef("pk"), person=user.pk)
    versions = ProtocolVersion.objects.filter(approved_on__lte=timezone.localdate()).annotate(
        signed_at=Subquery(own_declaration.values("signed_at")[:1])
    )
    return {"current": Rows(versions, ("-approved_on", "-id"), 1, annotations=("signed_at",))}


def sign_panel(user, fetched=None) -> dict | None:
    """The current version, while they have not signed it (without ``fetched``, the dashboard's
    rows, it fetches its own)."""
    from opcc.dashboard import fetch_alone

    if fetched is None and (fetched := fetch_alone(sign_rows, user)) is None:
        return None
    versions = fetched["current"].items
    if not versions or versions[0].signed_at is not None:
        return None
    return {"version": versions[0]}


def signatures_rows(user):
    """For the Chief Executive: the current version, with how many have not signed it."""
    from django.db.models import Exists, F, Func, OuterRef, Subquery
    from django.utils import timezone

    from governance.models import ProtocolDeclaration
    from opcc.dashboard import Rows

    if not has_role(user, Role.CHIEF_EXECUTIVE):
        return None
    signed = ProtocolDeclaration.objects.filter(
        version=OuterRef(OuterRef("pk")), person=OuterRef("pk")
    )
    missing = (
        protocol_status.people_who_must_sign()
        .order_by()
        .filter(~Exists(signed))
        .annotate(missing=Func(F("pk"), function="COUNT"))
        .values("missing")
    )
    versions = ProtocolVersion.objects.filter(approved_on__lte=timezone.localdate()).annotate(
        outstanding=Subquery(missing[:1])
    )
    return {"current": Rows(versions, ("-approved_on", "-id"), 1, annotations=("outstanding",))}


def signatures_panel(user, fetched=None) -> dict | None:
    """How many have not signed the current version, while anybody has not."""
    from opcc.dashboard import fetch_alone

    if fetched is None and (fetched := fetch_alone(signatures_rows, user)) is None:
        return None
    versions = fetched["current"].items
    if not versions or not versions[0].outstanding:
        return None
    return {"version": versions[0], "outstanding": versions[0].outstanding}


def register() -> None:
    from governance.seed_protocol import seed_protocol
    from opcc.registry import DashboardPanel, Seeder, dashboard_panels, seeders

    dashboard_panels.register(
        "protocol_sign",
        DashboardPanel(
            "protocol_sign",
            "Sign the Commissioner and Officer Protocol",
            "governance/protocol/panel_sign.html",
            sign_rows,
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
            signatures_rows,
            signatures_panel,
            41,
        ),
    )
    seeders.register("protocol", Seeder("protocol", seed_protocol, order=40))
