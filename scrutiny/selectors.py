"""What a meeting's agenda shows: the body's previous meeting, the actions brought forward to
this one, and the agenda as the public may see it. Reads only; every change is in services."""

from django.db.models import Prefetch

from scrutiny.models import Action, Meeting, MeetingStatus, Paper
from scrutiny.models.actions import OUTSTANDING_STATUSES


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The body's meeting before this one (by date)."""
    return (
        Meeting.objects.filter(body=meeting.body_id, held_on__lt=meeting.held_on)
        .order_by("-held_on", "-starts_at")
        .first()
    )


def actions_brought_forward(meeting: Meeting):
    """The actions raised at the body's earlier meetings that are still outstanding: the
    agenda shows them so the meeting can check progress."""
    return (
        Action.objects.filter(
            status__in=OUTSTANDING_STATUSES,
            item__meeting__body=meeting.body_id,
            item__meeting__held_on__lt=meeting.held_on,
        )
        .select_related("item__meeting")
        .order_by("due_on", "id")
    )


def public_actions_brought_forward(meeting: Meeting) -> list[Action]:
    """Outstanding actions from earlier meetings that the public may see: those raised on a
    public item, whether or not that meeting's minutes are approved yet. In the normal cycle
    they are approved at this very meeting, so waiting for approval would hide every action
    from the agenda that is meant to check on it. Only the action (description, owner, due
    date, status) is shown, never the draft minute; a confidential item's actions never are."""
    return list(actions_brought_forward(meeting).filter(item__is_confidential=False))


def public_agenda(meeting: Meeting) -> list[dict]:
    """The agenda as the public may see it, built as plain values so that no template can
    reach a confidential item's papers, minutes or actions: a confidential item is its title
    and the reason only. Minutes and actions appear once the minutes are approved."""
    approved = meeting.status == MeetingStatus.MINUTES_APPROVED
    items = meeting.items.order_by("position").prefetch_related(
        Prefetch("papers", queryset=Paper.objects.current().order_by("uploaded_at", "id")),
        Prefetch("actions", queryset=Action.objects.order_by("due_on", "id")),
    )
    agenda = []
    for item in items:
        if item.is_confidential:
            agenda.append(
                {
                    "position": item.position,
                    "title": item.title,
                    "is_confidential": True,
                    "confidential_reason": item.confidential_reason,
                }
            )
            continue
        agenda.append(
            {
                "position": item.position,
                "title": item.title,
                "is_confidential": False,
                "presenter": item.presenter,
                "papers": list(item.papers.all()),
                "minutes": item.minutes if approved else "",
                "actions": list(item.actions.all()) if approved else [],
            }
        )
    return agenda
