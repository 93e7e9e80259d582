"""Following a finding up: raised with the custody inspector, the force's response recorded,
closed; an open finding past its due date is reminded to the scheme manager once."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from custody_visits.models import (
    FINDING_TRANSITIONS,
    CustodyVisit,
    Finding,
    FindingStatus,
    VisitStatus,
)
from custody_visits.services.common import (
    ConcurrentEdit,
    require_scheme_manager,
    scheme_managers,
    tell,
)
from opcc import workflow
from opcc.periods import working_days_after

# A finding is followed up once the second visitor has confirmed the report it is in.
FOLLOWED_UP = (VisitStatus.CONFIRMED, VisitStatus.REVIEWED)


def response_due_on(raised_on: date) -> date:
    """The scheme's local target (not statutory): the force responds within
    CUSTODY_FINDING_RESPONSE_WORKING_DAYS working days after the day it was raised (that day
    not counted; England and Wales bank holidays excluded)."""
    # Scheme's target: the force responds within 20 "working days after it was raised"
    return working_days_after(raised_on, settings.CUSTODY_FINDING_RESPONSE_WORKING_DAYS)


def _locked(actor, finding: Finding, what: str, expected_version: int | None) -> Finding:
    require_scheme_manager(actor, f"{what} finding {finding.pk}")
    current = Finding.objects.select_for_update().select_related("visit").get(pk=finding.pk)
    if expected_version is not None and current.version != expected_version:
        raise ConcurrentEdit
    if current.visit.status not in FOLLOWED_UP:
        raise ValidationError(
            "A finding is followed up once the visit report has been confirmed by both visitors."
        )
    return current


def _not_in_future(day: date, field: str, what: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: f"{what} must be today or in the past"})


def raise_with_inspector(
    actor,
    finding: Finding,
    *,
    raised_with: str,
    raised_on: date,
    expected_version: int | None = None,
) -> Finding:
    """Record that the finding was raised with the custody inspector (who and when); the
    force's response is then due by the local target. Raising it again after an unsatisfactory
    response starts a new period, and a new reminder if that one passes too."""
    if not raised_with.strip():
        raise ValidationError({"raised_with": "Enter the custody inspector it was raised with"})
    _not_in_future(raised_on, "raised_on", "The date it was raised")
    with transaction.atomic():
        current = _locked(actor, finding, "raise", expected_version)
        if raised_on < current.visit.visited_on:
            raise ValidationError(
                {"raised_on": "The date it was raised must be on or after the date of the visit"}
            )
        workflow.move(current, FindingStatus.RAISED, FINDING_TRANSITIONS)
        current.raised_with = raised_with.strip()
        current.raised_on = raised_on
        current.raised_by = actor
        current.due_on = response_due_on(raised_on)
        current.overdue_reminder_sent_at = None
        return workflow.save_versioned(current, actor)


def record_force_response(
    actor,
    finding: Finding,
    *,
    force_response: str,
    responded_on: date,
    expected_version: int | None = None,
) -> Finding:
    """Record what the force said it has done or will do."""
    if not force_response.strip():
        raise ValidationError({"force_response": "Enter the force's response"})
    _not_in_future(responded_on, "responded_on", "The date of the response")
    with transaction.atomic():
        current = _locked(actor, finding, "record a response to", expected_version)
        if current.raised_on and responded_on < current.raised_on:
            raise ValidationError(
                {
                    "responded_on": "The date of the response must be on or after the date "
                    "it was raised"
                }
            )
        workflow.move(current, FindingStatus.RESPONDED, FINDING_TRANSITIONS)
        current.force_response = force_response.strip()
        current.responded_on = responded_on
        return workflow.save_versioned(current, actor)


def close_finding(actor, finding: Finding) -> Finding:
    """Close the finding once the force's response resolves it."""
    with transaction.atomic():
        current = _locked(actor, finding, "close", None)
        workflow.move(current, FindingStatus.CLOSED, FINDING_TRANSITIONS)
        current.closed_on = timezone.localdate()
        current.closed_by = actor
        return workflow.save_versioned(current, actor)


def close_findings_of_cancelled_visit(actor, visit: CustodyVisit, *, note: str) -> int:
    """Close, with ``note``, the draft findings of a visit that was cancelled (so never
    happened): kept for the history, no longer open. Call inside the cancelling transaction.
    Returns how many were closed."""
    require_scheme_manager(actor, f"close the findings of visit {visit.pk}")
    if visit.status != VisitStatus.CANCELLED:
        raise ValidationError("Only the findings of a cancelled visit are closed this way.")
    closed = 0
    # Outside FINDING_TRANSITIONS on purpose: a finding of a visit that never happened was
    # never raised, so it goes straight from open to closed, and only here.
    for finding in Finding.objects.select_for_update().filter(
        visit=visit, status=FindingStatus.OPEN
    ):
        finding.status = FindingStatus.CLOSED
        finding.closed_on = timezone.localdate()
        finding.closed_by = actor
        finding.closed_note = note
        workflow.save_versioned(finding, actor)
        closed += 1
    return closed


def remind_overdue_findings(today: date | None = None) -> int:
    """Remind the scheme manager, once, of each finding whose response from the force is past
    its due date. Safe to run twice. Returns how many findings were reminded about; one with
    nobody to tell is left unmarked, to be reminded when someone runs the scheme again."""
    today = today or timezone.localdate()
    reminded = 0
    for finding in Finding.objects.overdue(today).filter(overdue_reminder_sent_at__isnull=True):
        with transaction.atomic():
            current = (
                Finding.objects.select_for_update()
                .select_related("visit__suite")
                .get(pk=finding.pk)
            )
            if current.overdue_reminder_sent_at is not None or not current.is_overdue(today):
                continue  # another run got there first
            told = tell(
                scheme_managers(),
                kind="custody_visits_finding_overdue",
                template="custody_visits_finding_overdue",
                about=current,
                finding=current,
            )
            if not told:
                continue
            current.overdue_reminder_sent_at = timezone.now()
            current.save(update_fields=["overdue_reminder_sent_at"])
            reminded += 1
    return reminded
