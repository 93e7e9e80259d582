"""The visit report: filled in step by step by the visitors, submitted by one, confirmed (or sent
back) by the other, and reviewed by the scheme manager (ICV Code of Practice).

Detainees are recorded by custody number only, never by name.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from custody_visits.models import (
    VISIT_TRANSITIONS,
    CustodyVisit,
    DetaineeOutcome,
    DetaineeRecord,
    Finding,
    Visitor,
    VisitStatus,
)
from custody_visits.services.common import ConcurrentEdit, require_scheme_manager, tell
from opcc import access, workflow

DETAILS_FIELDS = ("visited_on", "arrived_at", "departed_at", "detainees_in_custody")
DELAY_FIELDS = ("admission_delayed", "delay_minutes", "delay_reason", "delay_authorised_by")
CONDITIONS_FIELDS = ("cleanliness", "temperature", "equipment", "suite_notes")
REPORT_FIELDS = DETAILS_FIELDS + DELAY_FIELDS + CONDITIONS_FIELDS
DETAINEE_FIELDS = (
    "custody_number",
    "outcome",
    "not_offered_reason",
    "is_juvenile",
    "is_vulnerable",
    "rights_offered",
    "health_and_wellbeing",
    "food_and_drink",
    "cell_conditions",
)
FINDING_FIELDS = ("category", "severity", "description")


def may_file(user, visit: CustodyVisit) -> bool:
    """A visitor on the visit may fill in its report while it is not yet submitted."""
    return visit.status == VisitStatus.PLANNED and access.can(user, "file", visit)


def _require_filer(actor, visit: CustodyVisit) -> None:
    if not access.can(actor, "file", visit) or not visit.is_visitor(actor):
        access.refuse(actor, f"file the report of visit {visit.pk}")


def _draft(actor, visit: CustodyVisit) -> CustodyVisit:
    """The visit locked for this transaction, refused unless its report is still open."""
    _require_filer(actor, visit)
    current = workflow.locked(visit)
    if current.status != VisitStatus.PLANNED:
        raise ValidationError(
            f"This report is {current.get_status_display().lower()}: it cannot be changed."
        )
    return current


def _check_report_fields(visit: CustodyVisit) -> None:
    errors = {}
    today = timezone.localdate()
    if visit.visited_on:
        last_day = visit.week_starting + timedelta(days=6)
        if visit.visited_on > today:
            errors["visited_on"] = "The date of the visit must be today or in the past"
        elif not visit.week_starting <= visit.visited_on <= last_day:
            errors["visited_on"] = (
                f"The date of the visit must be in the week it was planned for, "
                f"{visit.week_starting:%-d %B} to {last_day:%-d %B %Y}"
            )
    # A departure earlier than the arrival is an overnight visit (23:30 to 00:45): the visitors
    # left the next day. Only the same time twice cannot be a visit.
    if visit.arrived_at and visit.departed_at and visit.departed_at == visit.arrived_at:
        errors["departed_at"] = "The time of departure must be different from the time of arrival"
    if visit.admission_delayed:
        if not visit.delay_minutes:
            errors["delay_minutes"] = "Enter how many minutes admission was delayed"
        if not visit.delay_reason.strip():
            errors["delay_reason"] = "Enter the reason given for the delay"
        if not visit.delay_authorised_by.strip():
            errors["delay_authorised_by"] = "Enter the rank and name of who authorised the delay"
    else:
        visit.delay_minutes, visit.delay_reason, visit.delay_authorised_by = None, "", ""
    if errors:
        raise ValidationError(errors)


def update_report(actor, visit: CustodyVisit, *, expected_version: int, **fields) -> CustodyVisit:
    """Save one step of the report. Refused if the other visitor saved first (nothing lost:
    the page keeps what was typed)."""
    unknown = set(fields) - set(REPORT_FIELDS)
    if unknown:
        raise TypeError(f"not report fields: {sorted(unknown)}")
    with transaction.atomic():
        current = _draft(actor, visit)
        if current.version != expected_version:
            raise ConcurrentEdit
        for name, value in fields.items():
            setattr(current, name, value.strip() if isinstance(value, str) else value)
        _check_report_fields(current)
        return workflow.save_versioned(current, actor)


def _clean_detainee(record: DetaineeRecord) -> None:
    record.custody_number = record.custody_number.strip().upper()
    if record.outcome != DetaineeOutcome.NOT_OFFERED:
        record.not_offered_reason = ""
    elif not record.not_offered_reason:
        raise ValidationError({"not_offered_reason": "Choose why a visit was not offered"})


def save_detainee(
    actor, visit: CustodyVisit, *, detainee: DetaineeRecord | None = None, **fields
) -> DetaineeRecord:
    """Add a detainee seen on the visit, or change one (custody number only: never a name)."""
    with transaction.atomic():
        current = _draft(actor, visit)
        record = detainee if detainee is not None else DetaineeRecord(visit=current)
        if record.visit_id != current.pk:
            raise ValidationError("That detainee is not on this visit.")
        for name in DETAINEE_FIELDS:
            if name in fields:
                value = fields[name]
                setattr(record, name, value.strip() if isinstance(value, str) else value)
        _clean_detainee(record)
        duplicate = current.detainees.filter(custody_number=record.custody_number)
        if record.pk:
            duplicate = duplicate.exclude(pk=record.pk)
        if duplicate.exists():
            raise ValidationError(
                {"custody_number": "This custody number is already on the report"}
            )
        record._history_user = actor
        record.full_clean()
        record.save()
        _changed(current, actor)
        return record


def _changed(visit: CustodyVisit, actor) -> None:
    # A detainee or finding is part of the report: bump its version, so the other visitor's
    # submit (checked against the version they read) cannot send a report they have not seen.
    workflow.save_versioned(visit, actor)


def remove_detainee(actor, detainee: DetaineeRecord) -> None:
    """Take a detainee off the report while it is being filled in."""
    with transaction.atomic():
        current = _draft(actor, detainee.visit)
        detainee._history_user = actor
        detainee.delete()
        _changed(current, actor)


def save_finding(
    actor, visit: CustodyVisit, *, finding: Finding | None = None, **fields
) -> Finding:
    """Add a finding to the report, or change one, while the report is being filled in."""
    with transaction.atomic():
        current = _draft(actor, visit)
        record = finding if finding is not None else Finding(visit=current)
        if record.visit_id != current.pk:
            raise ValidationError("That finding is not on this visit.")
        for name in FINDING_FIELDS:
            if name in fields:
                setattr(record, name, fields[name].strip())
        record._history_user = actor
        record.full_clean()
        record.save()
        _changed(current, actor)
        return record


def remove_finding(actor, finding: Finding) -> None:
    """Take a finding off the report while it is being filled in."""
    with transaction.atomic():
        current = _draft(actor, finding.visit)
        finding._history_user = actor
        finding.delete()
        _changed(current, actor)


def missing_answers(visit: CustodyVisit, detainee_count: int) -> list[str]:
    """What must be answered before the report can be submitted, in the order of its pages."""
    missing = []
    for name, message in (
        ("visited_on", "Enter the date of the visit"),
        ("arrived_at", "Enter the time of arrival"),
        ("departed_at", "Enter the time of departure"),
        ("detainees_in_custody", "Enter how many detainees were in custody"),
    ):
        if getattr(visit, name) in (None, ""):
            missing.append(message)
    if visit.admission_delayed is None:
        missing.append("Answer whether you were kept waiting to be let in")
    for name in ("cleanliness", "temperature", "equipment"):
        if not getattr(visit, name):
            missing.append(f"Choose the condition of the suite's {name}")
    if visit.detainees_in_custody is not None and detainee_count > visit.detainees_in_custody:
        missing.append(
            f"The report lists {detainee_count} detainees but says {visit.detainees_in_custody} "
            "were in custody: correct one of them"
        )
    return missing


def _vetted_visitor(actor, visit: CustodyVisit) -> Visitor:
    """The actor's visitor record, refused if they are no longer an active visitor or their
    vetting had lapsed on the day of the visit."""
    visitor = Visitor.objects.filter(user=actor).first()
    if visitor is None:
        access.refuse(actor, f"file visit {visit.pk} without a visitor record")
    if not visitor.is_active:
        access.refuse(actor, f"file visit {visit.pk} as an inactive visitor")
    if not visitor.vetting_valid_on(visit.visited_on):
        raise ValidationError(
            f"Your police vetting lapsed on {visitor.vetting_expires_on:%-d %B %Y}, before this "
            "visit: you cannot file or confirm its report. Contact the scheme manager."
        )
    return visitor


def submit_report(actor, visit: CustodyVisit, *, expected_version: int) -> CustodyVisit:
    """Submit the report for the other visitor to confirm."""
    with transaction.atomic():
        current = _draft(actor, visit)
        if current.version != expected_version:
            raise ConcurrentEdit
        missing = missing_answers(current, current.detainees.count())
        if missing:
            raise ValidationError(missing)
        _vetted_visitor(actor, current)
        workflow.move(current, VisitStatus.SUBMITTED, VISIT_TRANSITIONS)
        current.submitted_by = actor
        current.submitted_at = timezone.now()
        current.returned_reason = ""
        workflow.save_versioned(current, actor)
        others = [
            a.visitor.user
            for a in current.assignments.select_related("visitor__user")
            if a.visitor.user_id != actor.pk and a.visitor.user.is_active
        ]
        tell(
            others,
            kind="custody_visits_report_to_confirm",
            template="custody_visits_confirm_visit",
            about=current,
            visit=current,
            submitted_by=actor,
        )
        return current


def _require_second_visitor(actor, visit: CustodyVisit) -> CustodyVisit:
    _require_filer(actor, visit)
    current = workflow.locked(visit)
    if current.submitted_by_id == actor.pk:
        raise ValidationError(
            "The other visitor on the visit must confirm the report you submitted."
        )
    return current


def confirm_report(actor, visit: CustodyVisit) -> CustodyVisit:
    """The second visitor confirms the submitted report is right."""
    with transaction.atomic():
        current = _require_second_visitor(actor, visit)
        workflow.move(current, VisitStatus.CONFIRMED, VISIT_TRANSITIONS)
        _vetted_visitor(actor, current)
        current.confirmed_by = actor
        current.confirmed_at = timezone.now()
        return workflow.save_versioned(current, actor)


def send_back_report(actor, visit: CustodyVisit, *, reason: str) -> CustodyVisit:
    """The second visitor sends the report back for correction, saying what is wrong."""
    if not reason.strip():
        raise ValidationError({"reason": "Enter what needs correcting"})
    with transaction.atomic():
        return _send_back(actor, _require_second_visitor(actor, visit), reason)


def return_report(actor, visit: CustodyVisit, *, reason: str) -> CustodyVisit:
    """The scheme manager sends a submitted report back for correction, saying what is wrong:
    the way out when the other visitor cannot confirm it (stood down, or their vetting lapsed)."""
    require_scheme_manager(actor, f"send back visit {visit.pk}")
    if not reason.strip():
        raise ValidationError({"reason": "Enter what needs correcting"})
    with transaction.atomic():
        return _send_back(actor, workflow.locked(visit), reason)


def _send_back(actor, current: CustodyVisit, reason: str) -> CustodyVisit:
    """Back to planned with the reason, and the visitor who submitted it told."""
    workflow.move(current, VisitStatus.PLANNED, VISIT_TRANSITIONS)
    submitter = current.submitted_by
    current.returned_reason = reason.strip()
    current.submitted_by, current.submitted_at = None, None
    workflow.save_versioned(current, actor)
    if submitter is not None and submitter.is_active:
        tell(
            [submitter],
            kind="custody_visits_report_returned",
            template="custody_visits_visit_returned",
            about=current,
            visit=current,
            returned_by=actor,
        )
    return current


def review_report(actor, visit: CustodyVisit, *, notes: str = "") -> CustodyVisit:
    """The scheme manager reviews a confirmed report."""
    require_scheme_manager(actor, f"review visit {visit.pk}")
    with transaction.atomic():
        current = workflow.locked(visit)
        workflow.move(current, VisitStatus.REVIEWED, VISIT_TRANSITIONS)
        current.reviewed_by = actor
        current.reviewed_at = timezone.now()
        current.review_notes = notes.strip()
        return workflow.save_versioned(current, actor)
