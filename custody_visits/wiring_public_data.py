"""What custody visiting gives the open data page and e-mail alerts: its published quarterly
and annual reports (figures only; never a visit, a visitor or a detainee)."""

from opcc.registry import AlertItem, AlertSource, Dataset, alert_sources, datasets

REPORT_FIELDS = (
    ("title", "The report's title, e.g. Quarter 2 2026/27"),
    ("kind", "quarterly or annual"),
    ("period_start", "The first day the report covers"),
    ("period_end", "The last day it covers"),
    ("published_on", "The date it was published"),
    ("pdf_url", "The report as a PDF"),
)


def reports_published_since(moment):
    from custody_visits.models import VisitingReport

    reports = VisitingReport.objects.published().filter(published_at__gt=moment)
    return [
        AlertItem(f"icv-report:{r.code}", f"Custody visiting report: {r.period.title}",
                  "/custody-visiting/reports/", r.published_at)
        for r in reports.order_by("published_at", "id")[:200]
    ]  # fmt: skip


def register() -> None:
    datasets.register(
        "custody_visiting_reports",
        Dataset("custody_visiting_reports", "Custody visiting reports",
                "The scheme's published quarterly and annual reports.",
                "custody_visiting_reports", "custody_visiting_reports_csv",
                "custody_visiting_reports_json", REPORT_FIELDS, 60),
    )  # fmt: skip
    alert_sources.register(
        "custody_visiting_reports",
        AlertSource("custody_visiting_reports", "Custody visiting reports",
                    reports_published_since, 60),
    )  # fmt: skip
