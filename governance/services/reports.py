"""Monitoring Officer reports (LGHA 1989 s.5) and CFO reports (LGFA 1988 s.114).

Issuing a report halts the decision it is about (or, when it is already published, suspends
its implementation), and sends a copy, with the report's PDF, to every active panel member and
to the panel's secretariat, and a s.114 report to the external auditor too, each recorded in the
outbox. The Commissioner's consideration sends the Commissioner's report of action taken to the
report's author, the auditor (s.114) and the panel; the decision then needs advice afresh, and
stays barred until the end of the first business day after consideration (``bar_ends_on``).
"""

from datetime import date

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
from governance.models.reports import GROUNDS_BY_KIND, REPORT_TRANSITIONS, bar_ends_on
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
# A report halts a decision not yet published (it cannot be signed or published), and suspends
# the implementation of a published one (LGHA 1989 s.5(5)(b): "no step is taken for giving
# effect to any proposal or decision to which such a report relates"). A withdrawn decision
# has nothing left to halt: report on the matter instead.
HALTABLE = {
    DecisionStatus.DRAFT,
    DecisionStatus.AWAITING_ADVICE,
    DecisionStatus.ADVISED,
    DecisionStatus.SIGNED,
}
SUSPENDABLE = HALTABLE | {DecisionStatus.HALTED, DecisionStatus.PUBLISHED}
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


def auditor_recipients() -> list[tuple[str, None]]:
    """LGFA 1988 s.114(4)(a): "the person who at the time the report is made has the duty to
    audit the authority's accounts" (a setting: the external auditor's address)."""
    return [(settings.EXTERNAL_AUDITOR_EMAIL, None)] if settings.EXTERNAL_AUDITOR_EMAIL else []


def _copy(kind: str, report, recipients, documents) -> None:
    """One outbox e-mail per recipient; the kind names its template folder too."""
    for email, person in recipients:
        queue_message(
            kind=kind,
            to=email,
            recipient=person,
            template=kind,
            context={"report": report, "member": person, "portal_url": settings.PORTAL_URL},
            about=report,
            documents=documents,
        )


def issue_report(actor, report: StatutoryReport) -> StatutoryReport:
    """Issue the report: halt its decision (or suspend a published one), make its PDF, copy it
    to the whole panel, and a s.114 report to the external auditor (s.114(4))."""
    _require(actor, ISSUE_PERMISSION[report.kind], f"issue report {report.pk}")
    with transaction.atomic():
        current = _locked(report)
        _move(current, ReportStatus.ISSUED)
        decision = current.decision
        if decision is not None:
            if decision.status not in SUSPENDABLE:
                raise ValidationError(
                    {"decision": "A withdrawn decision cannot be halted: describe the matter"}
                )
            if decision.status == DecisionStatus.PUBLISHED:
                # The public register and a fresh notice show "implementation suspended".
                decision_services.request_decision_notice(actor, decision)
            else:
                decision_services.halt_decision(actor, decision)
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
        documents = (current.document,)
        _copy(PANEL_COPY, current, panel_recipients(), documents)
        if current.kind == ReportKind.CHIEF_FINANCE_OFFICER:
            _copy(AUDITOR_COPY, current, auditor_recipients(), documents)
    return current


PANEL_COPY = "statutory_report_panel_copy"
AUDITOR_COPY = "statutory_report_auditor_copy"
RESPONSE_COPY = "statutory_report_response"


def deliveries(report: StatutoryReport, kinds=(PANEL_COPY, AUDITOR_COPY)):
    """The copies of a report (or, with ``kinds=(RESPONSE_COPY,)``, of the Commissioner's
    report of action), each with its delivery status."""
    return (
        OutboundMessage.objects.filter(
            kind__in=kinds,
            content_type__app_label="governance",
            content_type__model="statutoryreport",
            object_id=report.pk,
        )
        .select_related("recipient")
        .order_by("kind", "pk")
    )


def response_recipients(report: StatutoryReport) -> list[tuple[str, User | None]]:
    """Who gets the Commissioner's report of action taken. LGFA 1988 s.115(1F): "(a) the chief
    finance officer; (b) the person who at the time the report is made has the duty to audit
    the elected local policing body's accounts; and (c) each member of the police and crime
    panel". For a Monitoring Officer report the same shape: the Monitoring Officer (the Chief
    Executive, LGHA 1989 s.5(1C)) and the panel, to which s.5(3) sent the report."""
    author_role = (
        Role.CFO if report.kind == ReportKind.CHIEF_FINANCE_OFFICER else Role.CHIEF_EXECUTIVE
    )
    authors = [
        (person.email, person)
        for person in User.objects.filter(role=author_role, is_active=True).order_by("pk")
    ]
    auditor = auditor_recipients() if report.kind == ReportKind.CHIEF_FINANCE_OFFICER else []
    return authors + auditor + panel_recipients()


def record_consideration(
    actor, report: StatutoryReport, *, response: str, outcome: str, outcome_reasons: str,
    action_taken: str, action_proposed: str, concluded_on: date | None = None,
) -> StatutoryReport:  # fmt: skip
    """The Commissioner concludes consideration (LGFA 1988 s.115(1B): agrees or disagrees, and
    what action is proposed) and records the report s.115(1E) requires: "(a) what action (if
    any) ... has taken in response to the report; (b) what action (if any) ... proposes to take
    ...; and (c) the reasons". Its copies go out at once (s.115(1F)). The decision is released
    to be advised afresh, but stays barred until ``bar_ends_on``."""
    _require(actor, "governance.consider_statutoryreport", f"consider report {report.pk}")
    errors = {}
    if not response.strip():
        errors["response"] = "Enter the Commissioner's response"
    if outcome not in ReportOutcome.values:
        errors["outcome"] = "Choose whether the Commissioner agrees with the views in the report"
    if not outcome_reasons.strip():
        errors["outcome_reasons"] = "Enter the reasons for the action, or for taking none"
    if not action_taken.strip():
        errors["action_taken"] = "Enter the action taken in response, or write None"
    if not action_proposed.strip():
        errors["action_proposed"] = "Enter the action proposed in response, or write None"
    today = timezone.localdate()
    concluded_on = concluded_on or today
    if concluded_on > today:
        errors["concluded_on"] = "The day consideration was concluded must be today or earlier"
    elif report.sent_on and concluded_on < report.sent_on:
        errors["concluded_on"] = (
            f"The day consideration was concluded must be on or after the day the report was "
            f"sent ({report.sent_on:%-d %B %Y})"
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = _locked(report)
        _move(current, ReportStatus.CONSIDERED)
        current.response = response
        current.outcome = outcome
        current.outcome_reasons = outcome_reasons
        current.action_taken = action_taken
        current.action_proposed = action_proposed
        current.considered_by = actor
        current.considered_at = timezone.now()
        current.consideration_concluded_on = concluded_on
        current.bar_ends_on = bar_ends_on(concluded_on)
        others_open = (
            StatutoryReport.objects.filter(decision=current.decision, status=ReportStatus.ISSUED)
            .exclude(pk=current.pk)
            .exists()
        )
        decision = current.decision
        if decision is not None and decision.status == DecisionStatus.HALTED and not others_open:
            decision_services.release_decision(actor, decision)
        current.response_document = request_document(
            actor,
            kind="statutory_report_response",
            title=f"The Commissioner's report of action: {current.title}",
            of=current,
            marking=SecurityMarking.OFFICIAL_SENSITIVE,
        )
        _save(current, actor)
        if decision is not None and decision.status == DecisionStatus.PUBLISHED:
            # The notice now gives the day the suspension lifts.
            decision_services.request_decision_notice(actor, decision)
        _copy(RESPONSE_COPY, current, response_recipients(current), (current.response_document,))
        return current


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
    """Remind the Commissioner and the Chief Executive, once, of each report whose period for
    consideration (consideration_due_on) has passed. Returns how many were reminded about."""
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
