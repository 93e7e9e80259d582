"""The scrutiny work programme: planning a topic, moving it along, and the horizon-scanning log
whose entries can each become a topic."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from opcc import workflow
from scrutiny.models import ForwardPlanTopic, HorizonScanEntry, TopicSource, TopicStatus
from scrutiny.models.forward_plan import TOPIC_TRANSITIONS
from scrutiny.quarters import quarter_start
from scrutiny.services.inspections import ConcurrentEdit

TOPIC_FIELDS = (
    "title",
    "description",
    "source",
    "source_reference",
    "planned_quarter",
    "planned_meeting",
    "lead",
)


def _check_topic(topic: ForwardPlanTopic, *, meeting_changed: bool = True) -> None:
    if topic.planned_quarter:
        topic.planned_quarter = quarter_start(topic.planned_quarter)
    # Only a newly chosen meeting must be ahead: a topic keeps its meeting once it has been held,
    # so that it can then be marked scrutinised.
    if (
        meeting_changed
        and topic.planned_meeting is not None
        and topic.planned_meeting.held_on < timezone.localdate()
    ):
        raise ValidationError({"planned_meeting": "Choose a meeting that has not yet been held"})


def plan_topic(actor, *, horizon_scan_entry: HorizonScanEntry | None = None, **fields):
    """Add a topic to the work programme; from a horizon-scan entry, the topic records it."""
    workflow.require(actor, "scrutiny.add_forwardplantopic", "plan a scrutiny topic")
    with transaction.atomic():
        topic = ForwardPlanTopic(**fields)
        if horizon_scan_entry is not None:
            entry = HorizonScanEntry.objects.select_for_update().get(pk=horizon_scan_entry.pk)
            if ForwardPlanTopic.objects.filter(horizon_scan_entry=entry).exists():
                raise ValidationError("This horizon-scan entry is already a forward-plan topic.")
            topic.horizon_scan_entry = entry
            topic.source = TopicSource.HORIZON_SCAN
        _check_topic(topic)
        topic._history_user = actor
        topic.full_clean()
        topic.save()
    return topic


def update_topic(actor, topic: ForwardPlanTopic, *, expected_version: int, **fields):
    """Change a topic; refused (ConcurrentEdit) if someone else saved it meanwhile."""
    workflow.require(actor, "scrutiny.change_forwardplantopic", f"edit topic {topic.pk}")
    with transaction.atomic():
        current = workflow.locked(topic)
        if current.version != expected_version:
            raise ConcurrentEdit("topic")
        meeting_before = current.planned_meeting_id
        for name in TOPIC_FIELDS:
            if name in fields:
                setattr(current, name, fields[name])
        if "status" in fields and fields["status"] != current.status:
            workflow.move(current, fields["status"], TOPIC_TRANSITIONS)
        _check_topic(current, meeting_changed=current.planned_meeting_id != meeting_before)
        return workflow.save_versioned(current, actor)


def note_horizon_scan(
    actor, *, noted_on: date, source: str, summary: str, relevance: str, action: str = ""
) -> HorizonScanEntry:
    """Log something on the horizon that may matter to policing here."""
    workflow.require(actor, "scrutiny.add_horizonscanentry", "add a horizon-scan entry")
    if noted_on and noted_on > timezone.localdate():
        raise ValidationError({"noted_on": "The date noted must be today or in the past"})
    entry = HorizonScanEntry(
        noted_on=noted_on,
        source=source.strip(),
        summary=summary.strip(),
        relevance=relevance,
        action=action.strip(),
        noted_by=actor,
    )
    with transaction.atomic():
        entry._history_user = actor
        entry.full_clean()
        entry.save()
    return entry


__all__ = ["ConcurrentEdit", "TopicStatus", "note_horizon_scan", "plan_topic", "update_topic"]
