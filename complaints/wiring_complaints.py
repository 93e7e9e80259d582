"""What the complaints part of complaints plugs into the portal's registries (opcc.registry)."""

from opcc.registry import DashboardPanel, Seeder, dashboard_panels, seeders

PANEL_SIZE = 10


def my_complaints_rows(user):
    """For the Chief Executive, the complaints received and not yet recorded; for a handler,
    their open cases. Always through visible_to, so the conflict rule holds here too."""
    from complaints.models import Complaint, ComplaintStatus
    from opcc.access import has_role
    from opcc.dashboard import Rows
    from opcc.roles import Role

    is_chief_executive = has_role(user, Role.CHIEF_EXECUTIVE)
    if not (is_chief_executive or has_role(user, Role.STAFF)):
        return None
    visible = Complaint.objects.visible_to(user)
    if is_chief_executive:
        complaints = visible.filter(status=ComplaintStatus.RECEIVED)
    else:
        complaints = visible.filter(handler=user).exclude(status=ComplaintStatus.CLOSED)
    return {"complaints": Rows(complaints, ("received_on", "id"), PANEL_SIZE)}


def my_complaints(user, fetched=None):
    """The panel's context (without ``fetched``, the dashboard's rows, it fetches its own)."""
    from opcc.access import has_role
    from opcc.dashboard import fetch_alone
    from opcc.roles import Role

    if fetched is None and (fetched := fetch_alone(my_complaints_rows, user)) is None:
        return None
    is_chief_executive = has_role(user, Role.CHIEF_EXECUTIVE)
    if is_chief_executive:
        empty = "No complaints wait to be recorded."
    else:
        empty = "No complaints are assigned to you."
    complaints = fetched["complaints"]
    if not complaints.count and not is_chief_executive:
        return None
    return {"rows": complaints.items, "count": complaints.count, "empty": empty}


def register() -> None:
    from complaints.seed_complaints import seed

    dashboard_panels.register(
        "complaints",
        DashboardPanel(
            "complaints",
            "Complaints",
            "complaints/cases/_panel.html",
            my_complaints_rows,
            my_complaints,
            25,
        ),
    )
    seeders.register("complaints", Seeder("complaints", seed, order=52))
