"""The actions tracker: raising an action from an agenda item, recording dated updates, marking
it done (or open again), and reminding the office once when an action falls overdue."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from opcc import workflow
from opcc.outbox import queue_message
from opcc.roles import Role
from scrutiny.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Meeting,
    MeetingStatus,
)
from scrutiny.models.actions import ACTION_TRANSITIONS

# Actions arise at a meeting: once it is held, until its minutes are approved and after.
RAISING_STATUSES = (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)


class ConcurrentEdit(Exception):
    """Someone else saved the action after this person opened it."""

    message = (
        "Someone else updated this action while you were writing, so your update has not been "
        "saved. Your text is shown below: check the action and save again."
    )


def raise_action(
    actor, item: AgendaItem, *, description: str, owner: str, owner_side: str, due_on: date
) -> Action:
    """Record an action arising from an agenda item of a meeting that has been held."""
    workflow.require(actor, "scrutiny.add_action", f"raise an action on item {item.pk}")
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
        if meeting.status not in RAISING_STATUSES:
            raise ValidationError("Actions are raised once the meeting has been held.")
        if due_on < meeting.held_on:
            raise ValidationError({"due_on": "The due date must be on or after the meeting's date"})
        action = Action(
            item=item,
            description=description.strip(),
            owner=owner.strip(),
            owner_side=owner_side,
            due_on=due_on,
        )
        action._history_user = actor
        action.full_clean()
        action.save()
    return action


def update_action(
    actor, action: Action, *, text: str, status: str, expected_version: int
) -> Action:
    """Add a dated update and, if it changes, the action's status (open, done, carried
    forward)."""
    workflow.require(actor, "scrutiny.change_action", f"update action {action.pk}")
    if not text.strip():
        raise ValidationError({"text": "Enter the update"})
    if status not in ActionStatus.values:
        raise ValidationError({"status": "Choose the action's status"})
    with transaction.atomic():
        current = workflow.locked(action)
        if current.version != expected_version:
            raise ConcurrentEdit
        if status != current.status:
            try:
                workflow.move(current, status, ACTION_TRANSITIONS)
            except ValidationError as error:
                raise ValidationError({"status": error.messages}) from None
            current.done_on = timezone.localdate() if status == ActionStatus.DONE else None
        update = ActionUpdate(action=current, text=text.strip(), written_by=actor)
        update._history_user = actor
        update.full_clean()
        update.save()
        return workflow.save_versioned(current, actor)


def remind_overdue_actions(today: date | None = None) -> int:
    """Tell the office's staff and the Chief Executive, once per action, that an action has
    passed its due date without being done. Safe to run twice: the row records the reminder in
    the same transaction as the message."""
    from opcc.models import User

    today = today or timezone.localdate()
    people = list(User.objects.filter(role__in=[Role.STAFF, Role.CHIEF_EXECUTIVE], is_active=True))
    sent = 0
    due = Action.objects.overdue(today).filter(overdue_reminder_sent_at__isnull=True)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            action = (
                Action.objects.select_for_update()
                .select_related("item__meeting__body")
                .filter(pk=pk, overdue_reminder_sent_at__isnull=True)
                .first()
            )
            if action is None:
                continue
            for person in people:
                queue_message(
                    kind="scrutiny_action_overdue",
                    to=person.email,
                    recipient=person,
                    template="scrutiny_meeting_action_overdue",
                    context={
                        "action": action,
                        "user": person,
                        "portal_url": settings.PORTAL_URL,
                    },
                    about=action,
                )
            action.overdue_reminder_sent_at = timezone.now()
            action.save(update_fields=["overdue_reminder_sent_at"])
            sent += 1
    return sent
