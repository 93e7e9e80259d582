"""What the complaints part of complaints plugs into the portal's registries (opcc.registry)."""

from opcc.registry import DashboardPanel, Seeder, dashboard_panels, seeders

PANEL_SIZE = 10


def my_complaints(user):
    """For the Chief Executive, the complaints received and not yet recorded; for a handler,
    their open cases. Always through visible_to, so the conflict rule holds here too."""
    from complaints.models import Complaint, ComplaintStatus
    from opcc.access import has_role
    from opcc.roles import Role

    is_chief_executive = has_role(user, Role.CHIEF_EXECUTIVE)
    if not (is_chief_executive or has_role(user, Role.STAFF)):
        return None
    visible = Complaint.objects.visible_to(user)
    if is_chief_executive:
        complaints = visible.filter(status=ComplaintStatus.RECEIVED)
        empty = "No complaints wait to be recorded."
    else:
        complaints = visible.filter(handler=user).exclude(status=ComplaintStatus.CLOSED)
        empty = "No complaints are assigned to you."
    complaints = complaints.order_by("received_on", "id")
    count = complaints.count()
    if not count and not is_chief_executive:
        return None
    return {"rows": list(complaints[:PANEL_SIZE]), "count": count, "empty": empty}


def register() -> None:
    from complaints.seed_complaints import seed

    dashboard_panels.register(
        "complaints",
        DashboardPanel(
            "complaints", "Complaints", "complaints/cases/_panel.html", my_complaints, 25
        ),
    )
    seeders.register("complaints", Seeder("complaints", seed, order=52))
