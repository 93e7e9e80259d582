"""The Commissioner's annual report: generated as a PDF for a financial year, then published."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from governance.models import AnnualReport, Decision, DecisionStatus, StatutoryReport
from opcc import access
from opcc.documents import request_document
from opcc.models import DocumentStatus, SecurityMarking
from opcc.registry import report_sections


def financial_year_bounds(year: int) -> tuple[date, date]:
    """A financial year runs from 1 April to 31 March."""
    return date(year, 4, 1), date(year + 1, 3, 31)


def current_financial_year(today: date | None = None) -> int:
    today = today or timezone.localdate()
    return today.year if today.month >= 4 else today.year - 1


def generate_annual_report(actor, *, financial_year: int) -> AnnualReport:
    """Make (or make again) the annual report's PDF for the financial year."""
    if not actor.has_perm("governance.publish_annualreport"):
        access.refuse(actor, "generate the annual report")
    if not 2012 <= financial_year <= current_financial_year():
        # PCCs were first elected in November 2012.
        raise ValidationError({"financial_year": "Choose a financial year that has begun"})
    with transaction.atomic():
        report, _ = AnnualReport.objects.select_for_update().get_or_create(
            financial_year=financial_year, defaults={"created_by": actor}
        )
        report.document = request_document(
            actor,
            kind="annual_report",
            title=f"Annual report {report.label}",
            of=report,
            marking=SecurityMarking.OFFICIAL,
        )
        report.published_at = None
        report._history_user = actor
        report.save()
    return report


def publish_annual_report(actor, report: AnnualReport) -> AnnualReport:
    if not actor.has_perm("governance.publish_annualreport"):
        access.refuse(actor, "publish the annual report")
    with transaction.atomic():
        current = (
            AnnualReport.objects.select_for_update(of=("self",))
            .select_related("document")
            .get(pk=report.pk)
        )
        if current.document is None or current.document.status != DocumentStatus.READY:
            raise ValidationError("Generate the report, and wait until its PDF is ready.")
        current.published_at = timezone.now()
        current._history_user = actor
        current.save()
    return current


def annual_report_context(document) -> dict:
    """What the annual report's PDF shows: the year's decisions and reports, then each section
    another app provides (opcc.registry.report_sections)."""
    report = document.of
    start, end = financial_year_bounds(report.financial_year)
    decisions = Decision.objects.filter(
        status=DecisionStatus.PUBLISHED,
        signed_at__date__gte=start,
        signed_at__date__lte=end,
    ).order_by("signed_at")
    reports = StatutoryReport.objects.filter(issued_at__date__gte=start, issued_at__date__lte=end)
    return {
        "report": report,
        "start": start,
        "end": end,
        "decisions": list(decisions),
        "decisions_signed": Decision.objects.filter(
            signed_at__date__gte=start, signed_at__date__lte=end
        ).count(),
        "reports_issued": reports.count(),
        "reports_considered": reports.filter(considered_at__isnull=False).count(),
        # The report lists the year's decisions itself, so not the quarterly report's section too.
        "sections": [
            (section, section.build(start, end))
            for section in report_sections.all()
            if section.key != "decisions"
        ],
    }
