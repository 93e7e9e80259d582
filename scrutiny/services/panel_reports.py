"""The quarterly report to the Police and Crime Panel.

The office starts a report for a quarter and writes its introduction; the rest is compiled from
every section the apps register (opcc.registry.report_sections) when its PDF is generated. Once
generated, it is sent to every active panel member through the outbox, the PDF attached, each
delivery recorded; sent reports are listed in the panel's area.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from opcc import workflow
from opcc.documents import request_document
from opcc.models import DocumentStatus, OutboundMessage, SecurityMarking, User
from opcc.outbox import queue_message
from opcc.registry import report_sections
from opcc.roles import Role
from scrutiny.models import PanelQuarterlyReport, PanelReportStatus
from scrutiny.models.panel_reports import PANEL_REPORT_TRANSITIONS
from scrutiny.quarters import quarter_end, quarter_label, quarter_start
from scrutiny.services.inspections import ConcurrentEdit

DELIVERY_KIND = "scrutiny_panel_report"


def compile_sections(start: date, end: date) -> list[tuple]:
    """Each registered report section with what it found between ``start`` and ``end``."""
    return [(section, section.build(start, end)) for section in report_sections.all()]


def start_report(actor, *, quarter: date, introduction: str = "") -> PanelQuarterlyReport:
    """Begin the report for the quarter holding ``quarter`` (one report a quarter)."""
    workflow.require(actor, "scrutiny.add_panelquarterlyreport", "start a panel report")
    start = quarter_start(quarter)
    if start > timezone.localdate():
        raise ValidationError({"quarter": "Choose a quarter that has begun"})
    already = ValidationError(
        {"quarter": f"There is already a report for {quarter_label(start)}: open that one"}
    )
    if PanelQuarterlyReport.objects.filter(quarter=start).exists():
        raise already
    report = PanelQuarterlyReport(quarter=start, introduction=introduction, created_by=actor)
    try:
        with transaction.atomic():
            report._history_user = actor
            report.full_clean()
            report.save()
    except IntegrityError:
        raise already from None  # someone started it just after the check above
    return report


def edit_introduction(
    actor, report: PanelQuarterlyReport, *, introduction: str, expected_version: int
) -> PanelQuarterlyReport:
    """Change the office's introduction; a generated report must be generated again."""
    workflow.require(actor, "scrutiny.change_panelquarterlyreport", f"edit report {report.pk}")
    if not introduction.strip():
        raise ValidationError({"introduction": "Enter the introduction"})
    with transaction.atomic():
        current = workflow.locked(report)
        if current.version != expected_version:
            raise ConcurrentEdit("report")
        if current.status == PanelReportStatus.SENT:
            raise ValidationError("A report sent to the panel cannot be changed.")
        current.introduction = introduction.strip()
        return workflow.save_versioned(current, actor)


def generate_report(actor, report: PanelQuarterlyReport) -> PanelQuarterlyReport:
    """Compile the report and make its PDF (in the background)."""
    workflow.require(actor, "scrutiny.change_panelquarterlyreport", f"generate report {report.pk}")
    with transaction.atomic():
        current = workflow.locked(report)
        if not current.introduction.strip():
            raise ValidationError("Write the introduction before generating the report.")
        workflow.move(current, PanelReportStatus.GENERATED, PANEL_REPORT_TRANSITIONS)
        current.document = request_document(
            actor,
            kind="panel_quarterly_report",
            title=f"Quarterly report to the Police and Crime Panel, {current.quarter_label}",
            of=current,
            marking=SecurityMarking.OFFICIAL,
        )
        current.generated_at = timezone.now()
        return workflow.save_versioned(current, actor)


def send_report(actor, report: PanelQuarterlyReport) -> PanelQuarterlyReport:
    """Send the generated report to every active panel member, the PDF attached, once."""
    workflow.require(actor, "scrutiny.send_panelquarterlyreport", f"send report {report.pk}")
    with transaction.atomic():
        current = workflow.locked(report)
        if current.status == PanelReportStatus.GENERATED and (
            current.document is None or current.document.status != DocumentStatus.READY
        ):
            raise ValidationError("Wait until the report's PDF is ready, then send it.")
        workflow.move(current, PanelReportStatus.SENT, PANEL_REPORT_TRANSITIONS)
        members = User.objects.filter(role=Role.PANEL, is_active=True).order_by("pk")
        if not members.exists():
            raise ValidationError("There are no active panel members to send the report to.")
        current.sent_at = timezone.now()
        workflow.save_versioned(current, actor)
        for member in members:
            queue_message(
                kind=DELIVERY_KIND,
                to=member.email,
                recipient=member,
                template="scrutiny_panel_report",
                context={"report": current, "member": member, "portal_url": settings.PORTAL_URL},
                about=current,
                documents=(current.document,),
            )
    return current


def deliveries(report: PanelQuarterlyReport):
    """The copies sent to panel members, each with its delivery status."""
    return OutboundMessage.objects.filter(
        kind=DELIVERY_KIND,
        content_type__app_label="scrutiny",
        content_type__model="panelquarterlyreport",
        object_id=report.pk,
    ).select_related("recipient")


def report_context(document) -> dict:
    """What the report's PDF shows: the introduction, then every registered section."""
    report = document.of
    start, end = report.quarter, quarter_end(report.quarter)
    return {
        "report": report,
        "document": document,
        "start": start,
        "end": end,
        "sections": compile_sections(start, end),
    }
