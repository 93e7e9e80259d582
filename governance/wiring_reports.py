"""What statutory reports plug into the portal's registries (opcc.registry)."""

from opcc.registry import DashboardPanel, DocumentKind, dashboard_panels, document_kinds


def reports_awaiting_consideration(user):
    from django.utils import timezone

    from governance.models import StatutoryReport
    from opcc.access import is_office

    if not is_office(user):
        return None
    waiting = StatutoryReport.objects.awaiting_consideration().order_by("issued_at")
    reports = list(waiting[:10])
    if not reports:
        return None
    today = timezone.localdate()
    return {
        "reports": [(report, report.is_overdue(today)) for report in reports],
        "count": waiting.count(),
        "overdue": StatutoryReport.objects.overdue(today).count(),
    }


def statutory_report_context(document):
    return {"report": document.of, "document": document}


def reports_last_updated():
    from django.db.models import Max
    from django.utils import timezone

    from governance.models import StatutoryReport

    latest = StatutoryReport.objects.aggregate(latest=Max("redacted_published_at"))["latest"]
    return timezone.localdate(latest) if latest else None


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
            reports_awaiting_consideration,
            12,
        ),
    )
    transparency_sources.register(
        "statutory-reports",
        TransparencySource("statutory-reports", "reports_published", reports_last_updated),
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
