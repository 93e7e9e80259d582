"""Meetings: scheduling, building the agenda (items in order, papers), publishing it, recording
that it was held, drafting the minutes item by item, and approving them.

Every change goes through one of these functions. Each takes the acting user first, asks
whether they may, checks the move against MEETING_TRANSITIONS, saves inside a transaction and
asks for the public PDFs after commit.
"""

from datetime import date, time

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from opcc import workflow
from opcc.documents import request_document
from opcc.uploads import check_document, stored_name
from scrutiny.models import Action, ActionStatus, AgendaItem, Body, Meeting, MeetingStatus, Paper
from scrutiny.models.meetings import MEETING_TRANSITIONS

AGENDA_PACK = "scrutiny_agenda_pack"
MINUTES = "scrutiny_minutes"


class ConcurrentEdit(Exception):
    """Someone else saved the record after this person opened it."""

    message = (
        "Someone else saved these minutes while you were editing them, so your changes have not "
        "been saved. Your changes are shown below: check the minutes and save again."
    )

    def __init__(self, message: str = ""):
        super().__init__(message)
        if message:
            self.message = message


def _move(meeting: Meeting, status: str) -> None:
    workflow.move(meeting, status, MEETING_TRANSITIONS)


def _save(record, actor):
    record._history_user = actor
    record.full_clean()
    record.save()
    return record


def _require_planned(meeting: Meeting, what: str) -> None:
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(
            f"The agenda has been published: {what} only while the meeting is planned."
        )


EARLIEST_MEETING = date(2000, 1, 1)
YEARS_AHEAD = 5


def _check_meeting_date(held_on: date) -> None:
    # A typo in the year (2062, 1926) would otherwise file a meeting nobody can find.
    latest = timezone.localdate() + relativedelta(years=YEARS_AHEAD)
    if held_on < EARLIEST_MEETING:
        raise ValidationError({"held_on": "The date of the meeting must be in 2000 or later"})
    if held_on > latest:
        raise ValidationError(
            {
                "held_on": f"The date of the meeting must be within {YEARS_AHEAD} years from "
                f"today, on or before {latest:%-d %B %Y}"
            }
        )


def schedule_meeting(actor, *, body: Body, held_on: date, starts_at: time, place: str) -> Meeting:
    """Put a meeting of ``body`` in the calendar; its agenda is built next. The date must be
    plausible: from 2000 and no more than five years ahead."""
    workflow.require(actor, "scrutiny.add_meeting", "schedule a meeting")
    if not place.strip():
        raise ValidationError({"place": "Enter where the meeting is held"})
    _check_meeting_date(held_on)
    meeting = Meeting(body=body, held_on=held_on, starts_at=starts_at, place=place.strip())
    with transaction.atomic():
        return _save(meeting, actor)


def reschedule_meeting(
    actor, meeting: Meeting, *, held_on: date, starts_at: time, place: str, expected_version: int
) -> Meeting:
    """Change the date, time or place of a meeting that has not yet been held. Refused if
    someone else saved the meeting after this person opened it."""
    workflow.require(actor, "scrutiny.change_meeting", f"reschedule meeting {meeting.pk}")
    if not place.strip():
        raise ValidationError({"place": "Enter where the meeting is held"})
    _check_meeting_date(held_on)
    with transaction.atomic():
        current = workflow.locked(meeting)
        if current.version != expected_version:
            raise ConcurrentEdit(
                "Someone else saved this meeting while you were editing it, so your changes "
                "have not been saved. Your changes are shown below: check the meeting and save "
                "again."
            )
        if current.status not in (MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED):
            raise ValidationError("A meeting that has been held cannot be rescheduled.")
        current.held_on, current.starts_at, current.place = held_on, starts_at, place.strip()
        workflow.save_versioned(current, actor)
        if current.status == MeetingStatus.AGENDA_PUBLISHED:
            # The published pack carries the old date: make it again.
            request_document(actor, kind=AGENDA_PACK, title=f"Agenda pack: {current}", of=current)
    return current


def add_agenda_item(
    actor,
    meeting: Meeting,
    *,
    title: str,
    presenter: str,
    is_confidential: bool,
    confidential_reason: str = "",
) -> AgendaItem:
    """Add an item at the end of the agenda. A confidential item needs the reason, which the
    public sees in its place (with its title)."""
    workflow.require(actor, "scrutiny.add_agendaitem", f"add an item to meeting {meeting.pk}")
    if is_confidential and not confidential_reason.strip():
        raise ValidationError(
            {"confidential_reason": "Enter why the item is confidential: it is shown publicly"}
        )
    with transaction.atomic():
        current = workflow.locked(meeting)
        _require_planned(current, "items can be added")
        last = current.items.aggregate(last=Max("position"))["last"] or 0
        item = AgendaItem(
            meeting=current,
            position=last + 1,
            title=title.strip(),
            presenter=presenter.strip(),
            is_confidential=is_confidential,
            confidential_reason=confidential_reason.strip() if is_confidential else "",
        )
        return _save(item, actor)


def move_agenda_item(actor, item: AgendaItem, *, up: bool) -> AgendaItem:
    """Swap the item with the one above (or below) it."""
    workflow.require(actor, "scrutiny.change_agendaitem", f"reorder item {item.pk}")
    with transaction.atomic():
        meeting = workflow.locked(item.meeting)
        _require_planned(meeting, "items can be reordered")
        items = list(meeting.items.order_by("position"))
        index = next(i for i, other in enumerate(items) if other.pk == item.pk)
        other_index = index - 1 if up else index + 1
        if not 0 <= other_index < len(items):
            raise ValidationError("The item is already at that end of the agenda.")
        first, second = items[index], items[other_index]
        # Positions are unique per meeting: park one out of the way while swapping.
        first_position, second_position = first.position, second.position
        first.position = 0
        first._history_user = actor
        first.save(update_fields=["position"])
        second.position = first_position
        _save(second, actor)
        first.position = second_position
        return _save(first, actor)


def add_paper(actor, item: AgendaItem, *, title: str, upload) -> Paper:
    """Attach a paper (a PDF or Office document, checked by its content) to an agenda item. It
    is published with the agenda if the item is public."""
    workflow.require(actor, "scrutiny.add_paper", f"add a paper to item {item.pk}")
    try:
        mimetype = check_document(upload, max_bytes=settings.UPLOAD_MAX_BYTES)
    except ValidationError as error:
        raise ValidationError({"upload": error.messages}) from None
    with transaction.atomic():
        meeting = workflow.locked(item.meeting)
        _require_planned(meeting, "papers can be added")
        paper = Paper(
            item=item,
            title=title.strip(),
            mimetype=mimetype,
            size=upload.size,
            uploaded_by=actor,
        )
        upload.name = stored_name(f"paper-{paper.code}", mimetype)
        paper.file = upload
        return _save(paper, actor)


def publish_agenda(actor, meeting: Meeting) -> Meeting:
    """Publish the agenda: the public items and their papers appear on the transparency hub
    (confidential items by title and reason only) and the agenda pack PDF is made."""
    workflow.require(actor, "scrutiny.publish_meeting", f"publish meeting {meeting.pk}")
    with transaction.atomic():
        current = workflow.locked(meeting)
        if current.status == MeetingStatus.PLANNED and not current.items.exists():
            raise ValidationError("Add at least one item to the agenda before publishing it.")
        _move(current, MeetingStatus.AGENDA_PUBLISHED)
        current.agenda_published_at = timezone.now()
        # The published agenda (and later the minutes) name the members who sat then.
        current.members_at_publication = "\n".join(current.body.member_list)
        current.meetings_public_at_publication = current.body.meetings_public
        workflow.save_versioned(current, actor)
        request_document(actor, kind=AGENDA_PACK, title=f"Agenda pack: {current}", of=current)
    return current


def record_meeting_held(actor, meeting: Meeting) -> Meeting:
    """The meeting has taken place: minutes can now be drafted and actions raised. Actions
    from earlier meetings of the body still open are carried forward."""
    workflow.require(actor, "scrutiny.change_meeting", f"record meeting {meeting.pk} as held")
    with transaction.atomic():
        current = workflow.locked(meeting)
        if current.held_on > timezone.localdate():
            raise ValidationError("A meeting cannot be recorded as held before its date.")
        _move(current, MeetingStatus.HELD)
        workflow.save_versioned(current, actor)
        for action in Action.objects.select_for_update().filter(
            status=ActionStatus.OPEN,
            item__meeting__body=current.body_id,
            item__meeting__held_on__lt=current.held_on,
        ):
            action.status = ActionStatus.CARRIED_FORWARD
            _save(action, actor)
    return current


def record_minutes(actor, item: AgendaItem, *, minutes: str, expected_version: int) -> AgendaItem:
    """Draft (or redraft) the minute of one item. Draft minutes are never public; once the
    minutes are approved they cannot change."""
    workflow.require(actor, "scrutiny.change_agendaitem", f"minute item {item.pk}")
    if not minutes.strip():
        raise ValidationError({"minutes": "Enter the minutes of the item"})
    with transaction.atomic():
        current = workflow.locked(item)
        if current.version != expected_version:
            raise ConcurrentEdit
        if current.meeting.status != MeetingStatus.HELD:
            raise ValidationError(
                "Minutes are drafted after the meeting is held and before they are approved."
            )
        current.minutes = minutes.strip()
        return workflow.save_versioned(current, actor)


def approve_minutes(
    actor, meeting: Meeting, *, approved_at_meeting: Meeting | None = None, by_chair: bool = False
) -> Meeting:
    """Record that the minutes were approved: at a later meeting of the same body that has been
    held, or by the chair. The approved minutes of public items are then published."""
    workflow.require(
        actor, "scrutiny.approve_minutes_meeting", f"approve minutes of meeting {meeting.pk}"
    )
    if bool(approved_at_meeting) == bool(by_chair):
        raise ValidationError(
            {"approved_at_meeting": "Choose the meeting that approved the minutes, or the chair"}
        )
    if approved_at_meeting is not None:
        approved_at_meeting = Meeting.objects.get(pk=approved_at_meeting.pk)
        later = approved_at_meeting.held_on > meeting.held_on
        if approved_at_meeting.body_id != meeting.body_id or not later:
            raise ValidationError(
                {"approved_at_meeting": "Choose a later meeting of the same body"}
            )
        if approved_at_meeting.status not in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED):
            raise ValidationError(
                {"approved_at_meeting": "The approving meeting must have been held"}
            )
    with transaction.atomic():
        current = workflow.locked(meeting)
        missing = [str(item) for item in current.items.order_by("position") if not item.minutes]
        if current.status == MeetingStatus.HELD and missing:
            raise ValidationError(
                "Draft the minutes of every item before approving them. Not yet minuted: "
                + "; ".join(missing)
            )
        _move(current, MeetingStatus.MINUTES_APPROVED)
        current.minutes_approved_at = timezone.now()
        current.minutes_approved_by_chair = by_chair
        current.minutes_approved_at_meeting = approved_at_meeting
        workflow.save_versioned(current, actor)
        request_document(actor, kind=MINUTES, title=f"Minutes: {current}", of=current)
    return current


def withdraw_paper(actor, paper: Paper, *, reason: str) -> Paper:
    """Withdraw a paper (for example a confidential document attached to a public item by
    mistake): it is kept, with why and when, but no public page, download or agenda pack made
    afterwards shows it. Allowed at any stage of the meeting."""
    workflow.require(actor, "scrutiny.change_paper", f"withdraw paper {paper.pk}")
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the paper is withdrawn"})
    with transaction.atomic():
        meeting = workflow.locked(paper.item.meeting)
        current = workflow.locked(paper)
        if current.withdrawn_at is not None:
            raise ValidationError("This paper has already been withdrawn.")
        current.withdrawn_at = timezone.now()
        current.withdrawn_reason = reason.strip()
        _save(current, actor)
        if meeting.status != MeetingStatus.PLANNED:
            # The pack already made may carry the paper: make it again without it.
            request_document(actor, kind=AGENDA_PACK, title=f"Agenda pack: {meeting}", of=meeting)
    return current


def save_body(
    actor,
    body: Body | None = None,
    *,
    name: str,
    kind: str,
    members: str,
    meetings_public: bool,
    expected_version: int = 0,
) -> Body:
    """Set up a board, committee or panel, or change its name, members or openness. A change
    is refused if someone else saved the body after this person opened it."""
    permission = "scrutiny.change_body" if body else "scrutiny.add_body"
    workflow.require(actor, permission, "set up a body")
    same_name = Body.objects.filter(name__iexact=name.strip())
    if same_name.exclude(pk=body.pk if body else None).exists():
        raise ValidationError({"name": "A body with this name already exists"})
    try:
        with transaction.atomic():
            if body is None:
                body = Body(version=0)
            else:
                body = workflow.locked(body)
                if body.version != expected_version:
                    raise ConcurrentEdit(
                        "Someone else saved this body while you were editing it, so your "
                        "changes have not been saved. Your changes are shown below: check the "
                        "body and save again."
                    )
            body.name = name.strip()
            body.kind = kind
            body.members = "\n".join(line.strip() for line in members.splitlines() if line.strip())
            body.meetings_public = meetings_public
            return workflow.save_versioned(body, actor)
    except IntegrityError:
        # Someone saved a body of the same name just after the check above.
        raise ValidationError({"name": "A body with this name already exists"}) from None
