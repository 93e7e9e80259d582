"""What the reviews part of complaints plugs into the portal's registries (opcc.registry)."""

from opcc.registry import DashboardPanel, Seeder, dashboard_panels, seeders

PANEL_SIZE = 10


def my_complaint_reviews_rows(user):
    """A reviewer's open reviews; for the Chief Executive, also the requests nobody has yet."""
    from django.db.models import Q

    from complaints.models import ComplaintReview, ReviewStatus
    from opcc.access import has_role
    from opcc.dashboard import Rows
    from opcc.roles import Role

    is_chief_executive = has_role(user, Role.CHIEF_EXECUTIVE)
    if not (is_chief_executive or has_role(user, Role.STAFF)):
        return None
    wanted = Q(reviewer=user, status=ReviewStatus.UNDER_REVIEW)
    if is_chief_executive:
        wanted |= Q(status=ReviewStatus.RECEIVED)
    reviews = ComplaintReview.objects.filter(wanted)
    return {"reviews": Rows(reviews, ("request_received_on", "id"), PANEL_SIZE)}


def my_complaint_reviews(user, fetched):
    from complaints.services.reviews import overdue_marks
    from opcc.access import has_role
    from opcc.roles import Role

    is_chief_executive = has_role(user, Role.CHIEF_EXECUTIVE)
    reviews = fetched["reviews"]
    if not reviews.count and not is_chief_executive:
        return None
    return {
        "rows": [(review, overdue_marks(review)) for review in reviews.items],
        "count": reviews.count,
        "due": "acknowledge" if is_chief_executive else "decide",
        "empty": "No complaint reviews await you.",
    }


def register() -> None:
    from complaints.seed_reviews import seed_complaint_reviews

    dashboard_panels.register(
        "complaint_reviews",
        DashboardPanel(
            "complaint_reviews",
            "Complaint reviews",
            "complaints/reviews/_panel.html",
            my_complaint_reviews_rows,
            my_complaint_reviews,
            30,
        ),
    )
    seeders.register(
        "complaint_reviews", Seeder("complaint_reviews", seed_complaint_reviews, order=50)
    )
