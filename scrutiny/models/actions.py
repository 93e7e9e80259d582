"""Actions arising from agenda items, tracked with dated updates until done."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from scrutiny.models.meetings import AgendaItem


class ActionOwnerSide(models.TextChoices):
    FORCE = "force", "The force"
    OFFICE = "office", "The office (OPCC)"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    CARRIED_FORWARD = "carried_forward", "Carried forward"
    DONE = "done", "Done"


ACTION_TRANSITIONS = {
    ActionStatus.OPEN: {ActionStatus.DONE, ActionStatus.CARRIED_FORWARD},
    ActionStatus.CARRIED_FORWARD: {ActionStatus.DONE, ActionStatus.OPEN},
    ActionStatus.DONE: {ActionStatus.OPEN},
}

OUTSTANDING_STATUSES = (ActionStatus.OPEN, ActionStatus.CARRIED_FORWARD)


class ActionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Actions are the office's working records: office roles only."""
        from opcc.access import is_office

        return self if is_office(user) else self.none()

    def outstanding(self):
        return self.filter(status__in=OUTSTANDING_STATUSES)

    def overdue(self, today=None):
        return self.outstanding().filter(due_on__lt=today or timezone.localdate())

    def for_list(self):
        return self.select_related("item__meeting__body")


class Action(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="actions")
    description = models.TextField()
    owner = models.CharField(max_length=200, help_text="The name of the person who will do it.")
    owner_side = models.CharField("owner is from", max_length=10, choices=ActionOwnerSide.choices)
    due_on = models.DateField("due date")
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    raised_at = models.DateTimeField(default=timezone.now)
    done_on = models.DateField(null=True, blank=True)
    # Set in the same transaction as the reminder is queued, so it is sent once.
    overdue_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["item", "status"]),
        ]

    def __str__(self):
        return self.description[:60]

    def get_absolute_url(self):
        return reverse("scrutiny:action", args=[self.code])

    @property
    def meeting(self):
        return self.item.meeting

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status in OUTSTANDING_STATUSES and self.due_on < today


class ActionUpdate(models.Model):
    """A dated note of progress on an action."""

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    written_on = models.DateField(default=timezone.localdate)
    text = models.TextField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["written_on", "id"]

    def __str__(self):
        return f"Update on {self.written_on}"
