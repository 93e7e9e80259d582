"""What statutory reports plug into the portal's registries (opcc.registry)."""

from opcc.registry import DashboardPanel, DocumentKind, dashboard_panels, document_kinds


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
        "statutory_report",
        DocumentKind(
            "statutory_report",
            "pdf/statutory_report.html",
            statutory_report_context,
            # The statute sends every panel member a copy.
            may_view=lambda user, document: is_office(user) or user.role == Role.PANEL,
        ),
    )
