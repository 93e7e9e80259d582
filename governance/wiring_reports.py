"""What statutory reports plug into the portal's registries (opcc.registry)."""

from opcc.registry import (
    DashboardBanner,
    DashboardNotice,
    DashboardPanel,
    DocumentKind,
    dashboard_banners,
    dashboard_panels,
    document_kinds,
)


def prohibition_period_notices(user) -> list[DashboardNotice]:
    """Every office dashboard says, while a s.114(3) report's prohibition period runs, that no
    new agreement involving expenditure may be entered into without the CFO's authorisation."""
    from governance.models import StatutoryReport
    from opcc.access import is_office

    if not is_office(user):
        return []
    notices = []
    for report in StatutoryReport.objects.prohibition_periods().order_by("issued_at", "pk"):
        if report.bar_ends_on:
            until = f"until the end of {report.bar_ends_on:%A %-d %B %Y}"
        else:
            until = (
                "until the end of the first business day after the Commissioner concludes "
                f"consideration of the report (due by {report.due_on:%-d %B %Y})"
            )
        notices.append(
            DashboardNotice(
                heading="A section 114(3) prohibition period is running",
                text=f"Since {report.sent_on:%-d %B %Y} and {until}, no new agreement which may "
                "involve the incurring of expenditure may be entered into unless the Chief "
                "Finance Officer authorises it in writing (Local Government Finance Act 1988 "
                "s.115(6)). Decisions committing new expenditure cannot be signed without it.",
                link_text=f"Read the report: {report.title}",
                url=report.get_absolute_url(),
            )
        )
    return notices


def awaiting_my_authorisation_rows(user):
    """For the CFO: advised decisions committing new expenditure that a running s.114(3)
    prohibition period bars, with no authorisation covering them as they stand."""
    from django.db.models import Exists, OuterRef

    from governance.models import Decision, DecisionStatus, StatutoryReport
    from opcc.dashboard import Rows

    if not user.has_perm("governance.authorise_new_agreement"):
        return None

    def of_decision(name):  # the decision row, two queries out from the authorisation
        return OuterRef(OuterRef(name))

    uncovered = StatutoryReport.objects.prohibition_periods().not_authorised_for(
        of_decision("pk"), of_decision("expenditure_amount"), of_decision("advice_round")
    )
    waiting = Decision.objects.filter(
        status=DecisionStatus.ADVISED, commits_expenditure=True
    ).filter(Exists(uncovered))
    return {"decisions": Rows(waiting, ("advised_at", "id"))}


def awaiting_my_authorisation(user, fetched):
    rows = fetched["decisions"]
    if not rows.items:
        return None
    return {
        "decisions": [(decision, None, False) for decision in rows.items],
        "count": rows.count,
        "empty": "",
    }


def reports_awaiting_consideration_rows(user):
    from django.utils import timezone

    from governance.models import StatutoryReport
    from opcc.access import is_office
    from opcc.dashboard import Rows

    if not is_office(user):
        return None
    return {
        "waiting": Rows(StatutoryReport.objects.awaiting_consideration(), ("issued_at", "pk")),
        # Only counted: one row carries the count.
        "overdue": Rows(StatutoryReport.objects.overdue(timezone.localdate()), ("pk",), limit=1),
    }


def reports_awaiting_consideration(user, fetched):
    from django.utils import timezone

    reports = fetched["waiting"].items
    if not reports:
        return None
    today = timezone.localdate()
    return {
        "reports": [(report, report.is_overdue(today)) for report in reports],
        "count": fetched["waiting"].count,
        "overdue": fetched["overdue"].count,
    }


def statutory_report_context(document):
    return {"report": document.of, "document": document}


def reports_changes():
    from governance.models import StatutoryReport
    from opcc.transparency import Latest

    return [Latest(StatutoryReport.objects.all(), "redacted_published_at")]


def register() -> None:
    from opcc.access import is_office
    from opcc.registry import TransparencySource, transparency_sources
    from opcc.roles import Role

    dashboard_banners.register(
        "prohibition_periods", DashboardBanner("prohibition_periods", prohibition_period_notices)
    )
    dashboard_panels.register(
        "awaiting_my_authorisation",
        DashboardPanel(
            "awaiting_my_authorisation",
            "Awaiting my authorisation (prohibition period, s.115(6))",
            "governance/panels/decisions.html",
            awaiting_my_authorisation_rows,
            awaiting_my_authorisation,
            9,
        ),
    )
    dashboard_panels.register(
        "reports_awaiting_consideration",
        DashboardPanel(
            "reports_awaiting_consideration",
            "Reports awaiting consideration",
            "governance/panels/reports.html",
            reports_awaiting_consideration_rows,
            reports_awaiting_consideration,
            12,
        ),
    )
    transparency_sources.register(
        "statutory-reports",
        TransparencySource("statutory-reports", "reports_published", reports_changes),
    )
    document_kinds.register(
        "statutory_report_response",
        DocumentKind(
            "statutory_report_response",
            "pdf/statutory_report_response.html",
            statutory_report_context,
            # Sent to the report's author, the auditor and every panel member (s.115(1F)).
            may_view=lambda user, document: is_office(user) or user.role == Role.PANEL,
        ),
    )
    document_kinds.register(
        "statutory_report",
        DocumentKind(
            "statutory_report",
            "pdf/statutory_report.html",
            statutory_report_context,
            # The statute sends every panel member a copy.
            may_view=lambda user, document: is_office(user) or user.role == Role.PANEL,
        ),
    )
