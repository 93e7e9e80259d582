"""What the scheme's reports plug into the portal's registries (opcc.registry): the PDF, the
custody visiting row of the transparency hub, the section of the panel's quarterly report and
the annual report, the scheme manager's reminder on "My work", and the demo reports."""


def reports_changes():
    """The latest report's publication: the hub's "last updated" for custody visiting."""
    from custody_visits.models import VisitingReport
    from opcc.transparency import Latest

    return [Latest(VisitingReport.objects.all(), "published_at")]


def report_section(start, end) -> dict:
    """The custody visiting figures for the panel's quarterly report and the annual report."""
    from custody_visits.figures import visiting_figures

    return {"figures": visiting_figures(start, end)}


def reports_to_publish_rows(user):
    """For the scheme manager: last quarter's and last year's reports, until they are published."""
    from custody_visits.models import VisitingReport
    from custody_visits.report_periods import last_complete_quarter, last_complete_year
    from custody_visits.services.common import MANAGE_SCHEME
    from opcc.dashboard import Rows

    if not user.has_perm(MANAGE_SCHEME):
        return None
    starts = [last_complete_quarter().start, last_complete_year().start]
    published = VisitingReport.objects.published().filter(period_start__in=starts)
    return {"published": Rows(published, ("pk",), limit=None)}


def reports_to_publish(user, fetched):
    from custody_visits.report_periods import last_complete_quarter, last_complete_year

    periods = [last_complete_quarter(), last_complete_year()]
    published = {(report.kind, report.period_start) for report in fetched["published"].items}
    waiting = [p for p in periods if (p.kind, p.start) not in published]
    if not waiting:
        return None
    return {"periods": waiting}


def may_view_report_document(user, document) -> bool:
    # The PDF holds figures and the introduction only: the office reads drafts; once the
    # report is published, anyone may (opcc.access has already checked they may see the report).
    from opcc.access import is_office

    return is_office(user) or getattr(document.of, "is_published", False)


def register() -> None:
    from custody_visits.seed_reports import seed_reports
    from custody_visits.services.reports import DOCUMENT_KIND, report_document_context
    from opcc.registry import (
        DashboardPanel,
        DocumentKind,
        ReportSection,
        Seeder,
        TransparencySource,
        dashboard_panels,
        document_kinds,
        report_sections,
        seeders,
        transparency_sources,
    )

    document_kinds.register(
        DOCUMENT_KIND,
        DocumentKind(
            DOCUMENT_KIND,
            "pdf/custody_visiting_report.html",
            report_document_context,
            may_view=may_view_report_document,
        ),
    )
    transparency_sources.register(
        "custody-visiting",
        TransparencySource("custody-visiting", "custody_visiting_reports", reports_changes),
    )
    report_sections.register(
        "custody_visiting",
        ReportSection(
            "custody_visiting",
            "Custody visiting",
            "custody_visits/reports/_section.html",
            report_section,
            50,
        ),
    )
    dashboard_panels.register(
        "custody_visiting_reports",
        DashboardPanel(
            "custody_visiting_reports",
            "Custody visiting reports to publish",
            "custody_visits/reports/_panel.html",
            reports_to_publish_rows,
            reports_to_publish,
            60,
        ),
    )
    # After the visits and findings (custody_visits/seed_*.py): the reports are made from them.
    seeders.register(
        "custody_visiting_reports", Seeder("custody_visiting_reports", seed_reports, 90)
    )
