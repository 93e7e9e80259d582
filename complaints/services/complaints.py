"""Complaints about the Commissioner or the Deputy (recorded on the panel's behalf under the
Elected Local Policing Bodies (Complaints and Misconduct) Regulations 2012) and about the Chief
Constable (the Commissioner being the appropriate authority).

Every change goes through one of these functions. Each takes the acting user first (a complaint
sent online has none), asks whether they may, checks the move against COMPLAINT_TRANSITIONS,
saves inside a transaction, and queues its e-mails through the outbox, sent after commit.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from guardian.shortcuts import assign_perm, remove_perm

from complaints.models import Complainant
from complaints.models.complaints import (
    COMPLAINT_TRANSITIONS,
    OFFICE_HOLDERS,
    Complaint,
    ComplaintChannel,
    ComplaintStatus,
    ComplaintSubject,
    DisapplicationGround,
)
from complaints.services.references import next_reference
from opcc import access, workflow
from opcc.outbox import queue_message
from opcc.roles import Role

RECORD = "complaints.record_complaint"
# What a handler may do to their case (django-guardian). Complaint has no object-level
# "view_complainant_details" permission of its own, so the handler's sight of the personal data
# comes from being the case's handler (see may_see_personal_details).
HANDLER_PERMISSIONS = ("complaints.view_complaint", "complaints.change_complaint")
HANDLER_ROLES = (Role.STAFF, Role.CHIEF_EXECUTIVE)
CHANNEL_LABELS = {
    ComplaintChannel.ONLINE: "the online form",
    ComplaintChannel.LETTER: "letter",
    ComplaintChannel.PHONE: "phone",
    ComplaintChannel.EMAIL: "e-mail",
    ComplaintChannel.IN_PERSON: "in person",
}


class ConcurrentEdit(Exception):
    """Someone else took a step on the complaint after this person opened their form."""

    message = (
        "Someone else changed this complaint while you were on this page, so your answers have "
        "not been saved. Your answers are shown below: check the complaint and try again."
    )


def _locked(complaint: Complaint, expected_version: int | None) -> Complaint:
    """The complaint under a row lock, refused if it changed since the form showing
    ``expected_version`` was opened (None: no form was opened, as in the demo seeders)."""
    current = workflow.locked(complaint)
    if expected_version is not None and current.version != expected_version:
        raise ConcurrentEdit
    return current


def is_about_office_holder(complaint: Complaint) -> bool:
    return complaint.subject in OFFICE_HOLDERS


def about_whom(complaint: Complaint) -> str:
    """ "the Chief Constable", for use inside a sentence."""
    label = complaint.get_subject_display()
    return label[0].lower() + label[1:]


def may_see_personal_details(user, complaint: Complaint) -> bool:
    """The complainant's details are for the Chief Executive and the case's handler only."""
    if not access.can(user, access.VIEW, complaint):
        return False
    return user.has_perm("complaints.view_complainant_details") or (
        complaint.handler_id is not None and user.pk == complaint.handler_id
    )


def may_act(actor, complaint: Complaint) -> bool:
    """Who may take a complaint's next step: for the office holders, only the Chief Executive
    (on the panel's behalf); for the Chief Constable, also the case's handler."""
    if not access.can(actor, access.CHANGE, complaint):
        return False  # the conflict rule, and outsiders
    return not is_about_office_holder(complaint) or actor.has_perm(RECORD)


def _require_change(actor, complaint: Complaint, what: str) -> None:
    if not may_act(actor, complaint):
        access.refuse(actor, f"{what} {complaint.reference}")


def _require_record(actor, complaint: Complaint, what: str) -> None:
    workflow.require(actor, RECORD, f"{what} {complaint.reference}")
    _require_change(actor, complaint, what)


def _not_in_future(value: date | None, field: str, what: str) -> dict:
    if value and value > timezone.localdate():
        return {field: f"{what} must be today or in the past"}
    return {}


def receive_complaint(
    *,
    subject: str,
    name: str,
    email: str,
    phone: str,
    details: str,
    channel: str = ComplaintChannel.ONLINE,
    received_on: date | None = None,
    actor=None,
) -> Complaint:
    """Record a complaint sent online (no actor) or received by letter, phone or e-mail and typed
    in by the office (the actor), and acknowledge it by e-mail.

    References run C-<year>-<nnnn> per year. Two complaints at once may read the same last
    reference: the unique constraint refuses the second, which then takes the next number.
    """
    if channel != ComplaintChannel.ONLINE and not (
        actor is not None and actor.has_perm("complaints.add_complaint")
    ):
        access.refuse(actor, "record a complaint")
    today = timezone.localdate()
    received_on = received_on or today
    errors = {}
    if subject not in ComplaintSubject.values:
        errors["subject"] = "Choose who the complaint is about"
    if channel not in ComplaintChannel.values:
        errors["channel"] = "Choose how the complaint arrived"
    if not (email.strip() or phone.strip()):
        errors["email"] = "Enter an email address or a phone number"
    if not details.strip():
        errors["details"] = "Enter what the complaint is about"
    errors |= _not_in_future(received_on, "received_on", "The date the complaint arrived")
    if errors:
        raise ValidationError(errors)
    complainant = Complainant(name=name.strip(), email=email.strip(), phone=phone.strip())
    complainant.full_clean()
    for attempt in range(5):
        try:
            with transaction.atomic():
                complainant.pk = None
                complainant._history_user = actor
                complainant.save()
                complaint = Complaint(
                    reference=next_reference(Complaint, "C", today.year),
                    subject=subject,
                    complainant=complainant,
                    channel=channel,
                    received_on=received_on,
                    details=details.strip(),
                )
                complaint._history_user = actor
                complaint._change_reason = f"Received by {CHANNEL_LABELS.get(channel, channel)}"
                # The reference is left to the unique constraint, which catches a race too.
                complaint.full_clean(exclude=["complainant", "reference"])
                complaint.save()
                _acknowledge(complaint)
            return complaint
        except IntegrityError:
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


def _acknowledge(complaint: Complaint) -> None:
    _tell_complainant(complaint, "complaint_acknowledgement")


def _tell_complainant(complaint: Complaint, template: str) -> None:
    """E-mail the complainant about a step on their complaint (sent once the step commits)."""
    complainant = complaint.complainant
    if not complainant.email or complainant.anonymised_at:
        return  # made by phone or letter: the office replies the same way
    queue_message(
        kind=template,
        to=complainant.email,
        template=template,
        context={
            "complaint": complaint,
            "name": complainant.name,
            "about": about_whom(complaint),
            "portal_url": settings.PORTAL_URL,
        },
        about=complaint,
    )


def record_complaint(actor, complaint: Complaint) -> Complaint:
    """Record the complaint (for the office holders, on the panel's behalf)."""
    _require_record(actor, complaint, "record")
    with transaction.atomic():
        current = workflow.locked(complaint)
        workflow.move(current, ComplaintStatus.RECORDED, COMPLAINT_TRANSITIONS)
        current.recorded_on = timezone.localdate()
        return workflow.save_versioned(current, actor)


def decline_to_record(
    actor, complaint: Complaint, *, reason: str, expected_version: int | None = None
) -> Complaint:
    """Decide not to record the complaint, saying why."""
    _require_record(actor, complaint, "decline to record")
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the complaint is not recorded"})
    with transaction.atomic():
        current = _locked(complaint, expected_version)
        workflow.move(current, ComplaintStatus.NOT_RECORDED, COMPLAINT_TRANSITIONS)
        current.not_recorded_reason = reason.strip()
        workflow.save_versioned(current, actor)
        _tell_complainant(current, "complaint_not_recorded")
        return current


def refer_to_iopc(
    actor,
    complaint: Complaint,
    *,
    referred_on: date,
    serious: bool,
    conduct_matter: bool,
    expected_version: int | None = None,
) -> Complaint:
    """Record the referral to the IOPC and when it was made. A complaint about an office holder
    goes to the IOPC only as a serious complaint (an alleged criminal offence) or a conduct
    matter (ELPB Regulations 2012, Part 2); any other goes to the panel instead."""
    _require_change(actor, complaint, "refer to the IOPC")
    errors = {}
    if referred_on is None:
        errors["referred_on"] = "Enter the date of the referral"
    elif referred_on > timezone.localdate():
        errors["referred_on"] = "The date of the referral must be today or in the past"
    elif referred_on < complaint.received_on:
        errors["referred_on"] = (
            "The date of the referral must be on or after the date the complaint arrived"
        )
    if is_about_office_holder(complaint) and not (serious or conduct_matter):
        errors["serious"] = (
            "Only a serious complaint or a conduct matter is referred to the IOPC: "
            "pass any other to the panel"
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = _locked(complaint, expected_version)
        workflow.move(current, ComplaintStatus.REFERRED_TO_IOPC, COMPLAINT_TRANSITIONS)
        current.serious_complaint = bool(serious)
        current.conduct_matter = bool(conduct_matter)
        current.iopc_referred_on = referred_on
        workflow.save_versioned(current, actor)
        _tell_complainant(current, "complaint_referred_to_iopc")
        return current


def pass_to_panel(
    actor,
    complaint: Complaint,
    *,
    serious: bool = False,
    conduct_matter: bool = False,
    expected_version: int | None = None,
) -> Complaint:
    """Pass a complaint about an office holder to the panel for informal resolution. A serious
    complaint or a conduct matter must go to the IOPC instead."""
    _require_record(actor, complaint, "pass to the panel")
    if not is_about_office_holder(complaint):
        raise ValidationError(
            "Only a complaint about the Commissioner or the Deputy goes to the panel."
        )
    if serious or conduct_matter or complaint.serious_complaint or complaint.conduct_matter:
        raise ValidationError(
            "A serious complaint or a conduct matter must be referred to the IOPC, "
            "not passed to the panel."
        )
    with transaction.atomic():
        current = _locked(complaint, expected_version)
        workflow.move(current, ComplaintStatus.INFORMAL_RESOLUTION, COMPLAINT_TRANSITIONS)
        workflow.save_versioned(current, actor)
        _tell_complainant(current, "complaint_passed_to_panel")
        return current


def disapply(
    actor, complaint: Complaint, *, ground: str, expected_version: int | None = None
) -> Complaint:
    """Disapply the requirements of the Regulations, recording the reg. 15 ground used."""
    _require_record(actor, complaint, "disapply the requirements for")
    if not is_about_office_holder(complaint):
        raise ValidationError(
            "The reg. 15 grounds apply only to complaints about the Commissioner or the Deputy."
        )
    if ground not in DisapplicationGround.values:
        raise ValidationError({"ground": "Choose the ground for disapplying the requirements"})
    with transaction.atomic():
        current = _locked(complaint, expected_version)
        workflow.move(current, ComplaintStatus.DISAPPLIED, COMPLAINT_TRANSITIONS)
        current.disapplication_ground = ground
        return workflow.save_versioned(current, actor)


def assign_handler(
    actor, complaint: Complaint, *, handler, expected_version: int | None = None
) -> Complaint:
    """The Chief Executive gives a complaint about the Chief Constable to a handler, who alone
    (with the Chief Executive) may then see the case and the complainant's details; a previous
    handler loses them."""
    _require_record(actor, complaint, "assign a handler to")
    if is_about_office_holder(complaint):
        raise ValidationError(
            "Only a complaint about the Chief Constable is given to a handler in the office."
        )
    if handler is None or not access.has_role(handler, *HANDLER_ROLES):
        raise ValidationError(
            {"handler": "Choose a member of staff or the Chief Executive as the handler"}
        )
    with transaction.atomic():
        current = _locked(complaint, expected_version)
        if current.status != ComplaintStatus.BEING_HANDLED:
            workflow.move(current, ComplaintStatus.BEING_HANDLED, COMPLAINT_TRANSITIONS)
        previous = current.handler
        if previous is not None and previous.pk != handler.pk:
            for permission in HANDLER_PERMISSIONS:
                remove_perm(permission, previous, current)
        for permission in HANDLER_PERMISSIONS:
            assign_perm(permission, handler, current)
        current.handler = handler
        return workflow.save_versioned(current, actor)


def close_complaint(
    actor, complaint: Complaint, *, outcome: str, expected_version: int | None = None
) -> Complaint:
    """Close the complaint with its outcome."""
    _require_change(actor, complaint, "close")
    if not outcome.strip():
        raise ValidationError({"outcome": "Enter the outcome of the complaint"})
    with transaction.atomic():
        current = _locked(complaint, expected_version)
        workflow.move(current, ComplaintStatus.CLOSED, COMPLAINT_TRANSITIONS)
        current.outcome = outcome.strip()
        current.closed_on = timezone.localdate()
        workflow.save_versioned(current, actor)
        _tell_complainant(current, "complaint_closed")
        return current
