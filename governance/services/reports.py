"""Monitoring Officer reports (LGHA 1989 s.5) and CFO reports (LGFA 1988 s.114).

Issuing a report halts the decision it is about, and sends a copy, with the report's PDF, to
every active panel member and to the panel's secretariat, each recorded in the outbox. The
Commissioner's consideration releases the decision, which then needs advice afresh.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from governance.models import (
    DecisionStatus,
    ReportKind,
    ReportOutcome,
    ReportStatus,
    StatutoryReport,
)
from governance.models.reports import GROUNDS_BY_KIND, REPORT_TRANSITIONS
from governance.services import decisions as decision_services
from opcc import workflow
from opcc.documents import request_document
from opcc.models import OutboundMessage, SecurityMarking, User
from opcc.outbox import queue_message
from opcc.roles import Role

ISSUE_PERMISSION = {
    ReportKind.MONITORING_OFFICER: "governance.issue_monitoring_officer_report",
    ReportKind.CHIEF_FINANCE_OFFICER: "governance.issue_s114_report",
}
# A report may halt a decision that has not yet been published (DESIGN.md: cannot be signed,
# published or implemented).
HALTABLE = {
    DecisionStatus.DRAFT,
    DecisionStatus.AWAITING_ADVICE,
    DecisionStatus.ADVISED,
    DecisionStatus.SIGNED,
}
EDITABLE_FIELDS = ("title", "decision", "matter", "ground", "findings", "recommendations")


_require = workflow.require
_locked = workflow.locked
_save = workflow.save_versioned


def _move(report: StatutoryReport, status: str) -> None:
    workflow.move(report, status, REPORT_TRANSITIONS)


def _check_subject(report: StatutoryReport) -> None:
    if report.ground not in GROUNDS_BY_KIND[report.kind]:
        raise ValidationError({"ground": "Choose a ground that applies to this kind of report"})
    if report.decision is None and not report.matter.strip():
        raise ValidationError(
            {"matter": "Choose the decision, or describe the proposal or omission"}
        )


def draft_report(actor, *, kind: str, **fields) -> StatutoryReport:
    """The Chief Executive drafts a s.5 report; the CFO a s.114 report."""
    _require(actor, ISSUE_PERMISSION[kind], f"draft a {kind} report")
    report = StatutoryReport(kind=kind, drafted_by=actor, **fields)
    _check_subject(report)
    with transaction.atomic():
        report._history_user = actor
        report.full_clean()
        report.save()
    return report


def update_report(actor, report: StatutoryReport, *, expected_version: int, **fields):
    _require(actor, ISSUE_PERMISSION[report.kind], f"edit report {report.pk}")
    with transaction.atomic():
        current = _locked(report)
        if current.version != expected_version:
            raise decision_services.ConcurrentEdit
        if current.status != ReportStatus.DRAFT:
            raise ValidationError("An issued report cannot be changed.")
        for name in EDITABLE_FIELDS:
            if name in fields:
                setattr(current, name, fields[name])
        _check_subject(current)
        return _save(current, actor)


def panel_recipients() -> list[tuple[str, User | None]]:
    """Every active panel member, and the panel's secretariat address from settings."""
    members = [
        (member.email, member)
        for member in User.objects.filter(role=Role.PANEL, is_active=True).order_by("pk")
    ]
    if settings.PANEL_SECRETARIAT_EMAIL:
        members.append((settings.PANEL_SECRETARIAT_EMAIL, None))
    return members


def issue_report(actor, report: StatutoryReport) -> StatutoryReport:
    """Issue the report: halt its decision, make its PDF, copy it to the whole panel."""
    _require(actor, ISSUE_PERMISSION[report.kind], f"issue report {report.pk}")
    with transaction.atomic():
        current = _locked(report)
        _move(current, ReportStatus.ISSUED)
        if current.decision is not None:
            if current.decision.status not in HALTABLE | {DecisionStatus.HALTED}:
                raise ValidationError(
                    {"decision": "A published or withdrawn decision cannot be halted by a report"}
                )
            decision_services.halt_decision(actor, current.decision)
        current.issued_by = actor
        current.issued_at = timezone.now()
        current.document = request_document(
            actor,
            kind="statutory_report",
            title=current.title,
            of=current,
            marking=SecurityMarking.OFFICIAL_SENSITIVE,
        )
        _save(current, actor)
        for email, member in panel_recipients():
            queue_message(
                kind="statutory_report_panel_copy",
                to=email,
                recipient=member,
                template="statutory_report_panel_copy",
                context={"report": current, "member": member, "portal_url": settings.PORTAL_URL},
                about=current,
                documents=(current.document,),
            )
    return current


def deliveries(report: StatutoryReport):
    """The panel copies of a report, each with its delivery status."""
    return OutboundMessage.objects.filter(
        kind="statutory_report_panel_copy",
        content_type__app_label="governance",
        content_type__model="statutoryreport",
        object_id=report.pk,
    ).select_related("recipient")


def record_consideration(
    actor, report: StatutoryReport, *, response: str, outcome: str, outcome_reasons: str,
    action_taken: str,
) -> StatutoryReport:  # fmt: skip
    """The Commissioner records consideration; only then is the decision released."""
    _require(actor, "governance.consider_statutoryreport", f"consider report {report.pk}")
    errors = {}
    if not response.strip():
        errors["response"] = "Enter the Commissioner's response"
    if outcome not in ReportOutcome.values:
        errors["outcome"] = "Choose whether the Commissioner accepts the report"
    if not outcome_reasons.strip():
        errors["outcome_reasons"] = "Enter the reasons"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = _locked(report)
        _move(current, ReportStatus.CONSIDERED)
        current.response = response
        current.outcome = outcome
        current.outcome_reasons = outcome_reasons
        current.action_taken = action_taken
        current.considered_by = actor
        current.considered_at = timezone.now()
        others_open = (
            StatutoryReport.objects.filter(decision=current.decision, status=ReportStatus.ISSUED)
            .exclude(pk=current.pk)
            .exists()
        )
        if (
            current.decision is not None
            and current.decision.status == DecisionStatus.HALTED
            and not others_open
        ):
            decision_services.release_decision(actor, current.decision)
        return _save(current, actor)


def publish_redacted(
    actor, report: StatutoryReport, *, redacted_title: str, redacted_text: str
) -> StatutoryReport:
    """The Chief Executive publishes a redacted version, title included, on the transparency
    pages. Nothing else of the report is ever public."""
    _require(actor, "governance.publish_redacted_report", f"publish report {report.pk}")
    errors = {}
    if not redacted_title.strip():
        errors["redacted_title"] = "Enter the title to publish"
    if not redacted_text.strip():
        errors["redacted_text"] = "Enter the redacted text to publish"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = _locked(report)
        if current.status == ReportStatus.DRAFT:
            raise ValidationError("A draft report cannot be published.")
        current.redacted_title = redacted_title
        current.redacted_text = redacted_text
        current.redacted_published_at = timezone.now()
        return _save(current, actor)


def send_overdue_reminders(today=None) -> int:
    """Remind the Commissioner and the Chief Executive, once, of each report whose 21 days for
    consideration have passed. Returns how many reports were reminded about."""
    reminded = 0
    for report in StatutoryReport.objects.overdue(today).filter(reminder_sent_at__isnull=True):
        with transaction.atomic():
            current = _locked(report)
            if current.reminder_sent_at is not None:
                continue  # another sweep got there first
            for person in User.objects.filter(
                role__in=[Role.PCC, Role.CHIEF_EXECUTIVE], is_active=True
            ):
                queue_message(
                    kind="statutory_report_overdue",
                    to=person.email,
                    recipient=person,
                    template="statutory_report_overdue",
                    context={"report": current, "user": person, "portal_url": settings.PORTAL_URL},
                    about=current,
                )
            current.reminder_sent_at = timezone.now()
            current.save(update_fields=["reminder_sent_at"])
            reminded += 1
    return reminded
