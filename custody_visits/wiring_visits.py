"""What visits and findings plug into the portal's registries (opcc.registry): "My work" panels
for the scheme manager (reports to review, overdue findings) and for a visitor (their visits)."""

PANEL_SIZE = 10
UNCONFIRMED_DAYS = 7  # the scheme's local target for the second visitor to confirm a report
NOT_RAISED_DAYS = 10  # the scheme's local target for raising a confirmed finding


def scheme_work_rows(user):
    """For the scheme manager: confirmed reports to review and findings past their due date."""
    from datetime import timedelta

    from django.utils import timezone

    from custody_visits.models import CustodyVisit, Finding, FindingStatus, VisitStatus
    from custody_visits.services.common import MANAGE_SCHEME
    from opcc.dashboard import Rows

    if not user.has_perm(MANAGE_SCHEME):
        return None
    today = timezone.localdate()
    to_review = CustodyVisit.objects.filter(status=VisitStatus.CONFIRMED)
    overdue = Finding.objects.filter(
        visit__status__in=(VisitStatus.CONFIRMED, VisitStatus.REVIEWED)
    ).overdue(today)
    now = timezone.now()
    # A report the other visitor has not confirmed in a week may be stuck (they were stood
    # down or their vetting lapsed): the scheme manager can send it back.
    unconfirmed = CustodyVisit.objects.filter(
        status=VisitStatus.SUBMITTED, submitted_at__lt=now - timedelta(days=UNCONFIRMED_DAYS)
    )
    # Confirmed findings should be raised with the custody inspector soon after the report.
    not_raised = Finding.objects.filter(
        status=FindingStatus.OPEN,
        visit__status__in=(VisitStatus.CONFIRMED, VisitStatus.REVIEWED),
        visit__confirmed_at__lt=now - timedelta(days=NOT_RAISED_DAYS),
    )
    return {
        "unconfirmed": Rows(unconfirmed, ("submitted_at", "pk"), PANEL_SIZE, ("suite",)),
        "not_raised": Rows(
            not_raised, ("visit__confirmed_at", "pk"), PANEL_SIZE, ("visit__suite",)
        ),
        "to_review": Rows(to_review, ("confirmed_at", "pk"), PANEL_SIZE, ("suite",)),
        "overdue": Rows(overdue, ("due_on", "pk"), PANEL_SIZE, ("visit__suite",)),
    }


def scheme_work(user, fetched):
    context = {}
    for part in ("unconfirmed", "not_raised", "to_review", "overdue"):
        context[part] = fetched[part].items
        context[f"{part}_count"] = fetched[part].count
    return context


def my_visits_rows(user):
    """For a visitor: their coming visits and reports waiting for them."""
    from django.db.models import Q

    from custody_visits.models import CustodyVisit, VisitStatus
    from opcc.access import has_role
    from opcc.dashboard import Rows
    from opcc.roles import Role

    if not has_role(user, Role.VISITOR):
        return None
    mine = CustodyVisit.objects.visible_to(user)
    waiting = mine.filter(
        Q(status=VisitStatus.PLANNED) | Q(status=VisitStatus.SUBMITTED) & ~Q(submitted_by=user)
    )
    return {"waiting": Rows(waiting, ("week_starting", "pk"), PANEL_SIZE, ("suite",))}


def my_visits(user, fetched):
    return {"rows": fetched["waiting"].items, "user": user}


def register() -> None:
    from opcc.registry import DashboardPanel, dashboard_panels

    dashboard_panels.register(
        "custody_scheme_work",
        DashboardPanel(
            "custody_scheme_work",
            "Custody visit reports and findings",
            "custody_visits/visits/_scheme_panel.html",
            scheme_work_rows,
            scheme_work,
            60,
        ),
    )
    dashboard_panels.register(
        "custody_my_visits",
        DashboardPanel(
            "custody_my_visits",
            "My custody visits",
            "custody_visits/visits/_my_visits_panel.html",
            my_visits_rows,
            my_visits,
            20,
        ),
    )
