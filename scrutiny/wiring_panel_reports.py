"""What the quarterly panel report plugs into the portal's registries (opcc.registry): its PDF,
the panel's "Reports to the panel" section of My work, and the demo report."""

from opcc.registry import (
    DashboardPanel,
    DocumentKind,
    Seeder,
    dashboard_panels,
    document_kinds,
    seeders,
)

PANEL_SIZE = 4


def reports_to_the_panel_rows(user):
    from opcc.access import has_role
    from opcc.dashboard import Rows
    from opcc.roles import Role
    from scrutiny.models import PanelQuarterlyReport

    if not has_role(user, Role.PANEL):
        return None
    return {"sent": Rows(PanelQuarterlyReport.objects.sent(), ("-quarter",), PANEL_SIZE)}


def reports_to_the_panel(user, fetched):
    return {
        "rows": fetched["sent"].items,
        "empty": "No quarterly reports have been sent to the panel yet.",
    }


def may_read_report(user, document) -> bool:
    """The office, and panel members once the report has been sent to them."""
    from opcc.access import has_role, is_office
    from opcc.roles import Role
    from scrutiny.models import PanelReportStatus

    report = document.of
    if is_office(user):
        return True
    return (
        has_role(user, Role.PANEL)
        and report is not None
        and (report.status == PanelReportStatus.SENT)
    )


def register() -> None:
    from scrutiny.seed_panel_reports import seed_panel_reports
    from scrutiny.services.panel_reports import report_context

    document_kinds.register(
        "panel_quarterly_report",
        DocumentKind(
            "panel_quarterly_report",
            "pdf/panel_quarterly_report.html",
            report_context,
            may_view=may_read_report,
        ),
    )
    dashboard_panels.register(
        "reports_to_the_panel",
        DashboardPanel(
            "reports_to_the_panel",
            "Quarterly reports to the panel",
            "scrutiny/panel_reports/_panel.html",
            reports_to_the_panel_rows,
            reports_to_the_panel,
            5,
        ),
    )
    # After every other seeder, so the demo report has something to compile.
    seeders.register("panel_reports", Seeder("panel_reports", seed_panel_reports, order=99))
