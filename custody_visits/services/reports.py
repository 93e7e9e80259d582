"""The scheme's quarterly performance reports and annual reports: the scheme manager writes an
introduction, generates the PDF (opcc.documents) and publishes it for the panel and the public."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from custody_visits.charts import report_charts
from custody_visits.figures import visiting_figures
from custody_visits.models import VisitingReport
from custody_visits.report_periods import FIRST_FINANCIAL_YEAR, ReportingPeriod
from custody_visits.services.common import require_scheme_manager
from opcc import workflow
from opcc.documents import request_document
from opcc.models import DocumentStatus, SecurityMarking

DOCUMENT_KIND = "custody_visiting_report"


class ReportChanged(Exception):
    """Someone else generated this period's report after this person opened the page."""

    message = (
        "Someone else generated this report while you were writing, so your introduction has "
        "not been used. Check their introduction below, then generate the report again."
    )


def generate_visiting_report(
    actor, *, period: ReportingPeriod, introduction: str, expected_version: int | None
) -> VisitingReport:
    """Make (or make again) the report of a period that has ended, and queue its PDF.

    ``expected_version`` is the version of the period's report the page showed (None when it
    had none yet): a different one means someone else generated it meanwhile. Generating again
    takes the report down until it is published again, so the public never reads a PDF that
    does not match the published figures.
    """
    require_scheme_manager(actor, f"generate the custody visiting report {period.label}")
    if period.financial_year < FIRST_FINANCIAL_YEAR:
        raise ValidationError({"financial_year": "Choose a year from 2012/13 onwards"})
    today = timezone.localdate()
    if period.end >= today:
        raise ValidationError(
            {
                "financial_year": f"The {period.label} report can be generated once the period "
                f"ends, from {period.end + timedelta(days=1):%-d %B %Y}"
            }
        )
    try:
        with transaction.atomic():
            report = (
                VisitingReport.objects.select_for_update()
                .filter(kind=period.kind, period_start=period.start)
                .first()
            )
            current_version = report.version if report else None
            if current_version != expected_version:
                raise ReportChanged
            if report is None:
                report = VisitingReport(
                    kind=period.kind,
                    period_start=period.start,
                    period_end=period.end,
                    created_by=actor,
                )
                report._history_user = actor
                report.full_clean()
                report.save()
            report.introduction = introduction
            report.document = request_document(
                actor,
                kind=DOCUMENT_KIND,
                title=period.title,
                of=report,
                marking=SecurityMarking.OFFICIAL,
            )
            report.published_at = None
            report.published_by = None
            return workflow.save_versioned(report, actor)
    except IntegrityError:
        # Two people created the period's first report at the same moment: the other won.
        raise ReportChanged from None


def publish_visiting_report(actor, report: VisitingReport) -> VisitingReport:
    """Publish a generated report: the panel and the public may read it from now on. Publishing
    a published report changes nothing."""
    require_scheme_manager(actor, f"publish custody visiting report {report.pk}")
    with transaction.atomic():
        current = (
            VisitingReport.objects.select_for_update(of=("self",))
            .select_related("document")
            .get(pk=report.pk)
        )
        if current.published_at is not None:
            return current  # a second click, or a retried request: already done
        if current.document is None or current.document.status != DocumentStatus.READY:
            raise ValidationError("Generate the report, and wait until its PDF is ready.")
        current.published_at = timezone.now()
        current.published_by = actor
        return workflow.save_versioned(current, actor)


def report_document_context(document) -> dict:
    """What the report's PDF shows: its period, the introduction and the figures, nothing else
    (no custody numbers, no visitors, no text from visit reports)."""
    report = document.of
    period = report.period
    figures = visiting_figures(period.start, period.end)
    return {
        "report": report,
        "period": period,
        "figures": figures,
        "charts": report_charts(figures),
        # Each chart as its table with bars (cheap for WeasyPrint), not the page's SVG.
        "chart_template": "pdf/_custody_visiting_chart.html",
    }
