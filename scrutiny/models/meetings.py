"""The bodies that hold the Commissioner and the force to account, their meetings, the ordered
agenda with its papers, and the minutes drafted per item and approved afterwards."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from opcc.periods import clear_days_before, is_working_day


class BodyKind(models.TextChoices):
    ACCOUNTABILITY_BOARD = "accountability_board", "Accountability board"
    AUDIT_COMMITTEE = "audit_committee", "Joint Audit and Standards Committee"
    ETHICS_COMMITTEE = "ethics_committee", "Ethics committee"
    THEMATIC_PANEL = "thematic_panel", "Thematic scrutiny panel"


class Body(models.Model):
    """A board, committee or panel that meets: who sits on it and whether the public may attend."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=BodyKind.choices)
    members = models.TextField(help_text="One member a line, with their role, e.g. Chair.")
    meetings_public = models.BooleanField(
        "meetings are open to the public",
        default=True,
        help_text="Items on the agenda of a private body start as confidential.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self):
        return self.name

    @property
    def member_list(self) -> list[str]:
        return [line.strip() for line in self.members.splitlines() if line.strip()]


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    AGENDA_PUBLISHED = "agenda_published", "Agenda published"
    HELD = "held", "Held"
    MINUTES_APPROVED = "minutes_approved", "Minutes approved"


MEETING_TRANSITIONS = {
    MeetingStatus.PLANNED: {MeetingStatus.AGENDA_PUBLISHED},
    MeetingStatus.AGENDA_PUBLISHED: {MeetingStatus.HELD},
    MeetingStatus.HELD: {MeetingStatus.MINUTES_APPROVED},
    MeetingStatus.MINUTES_APPROVED: set(),
}

PUBLISHED_STATUSES = (
    MeetingStatus.AGENDA_PUBLISHED,
    MeetingStatus.HELD,
    MeetingStatus.MINUTES_APPROVED,
)


# Local Government Act 1972 s.100B(3), followed by the Commissioner's public bodies: the agenda is
# open to inspection "at least five clear days before the meeting". Our reading: clear days leave
# out the day of publication and the day of the meeting, and are working days (no weekends or
# bank holidays), as councils count them after the 2002 Access to Information Variation Order.
CLEAR_DAYS_BEFORE_MEETING = 5


def agenda_deadline(held_on):
    """The last day the agenda may be published: the day before the fifth clear (working) day
    counted back from the day before the meeting."""
    # s.100B(3): "at least five clear days before the meeting", clear days being working days
    return clear_days_before(held_on, CLEAR_DAYS_BEFORE_MEETING, is_clear=is_working_day)


class MeetingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status__in=PUBLISHED_STATUSES)

    def visible_to(self, user):
        """Office roles see every meeting; panel members and the public only those whose agenda
        is published."""
        from opcc.access import is_office

        if is_office(user):
            return self
        return self.published()

    def for_list(self):
        return self.select_related("body")


class Meeting(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField("date")
    starts_at = models.TimeField("time")
    place = models.CharField(max_length=200)
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    agenda_published_at = models.DateTimeField(null=True, blank=True)
    minutes_approved_at = models.DateTimeField(null=True, blank=True)
    minutes_approved_by_chair = models.BooleanField(default=False)
    minutes_approved_at_meeting = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="minutes_approved_here",
    )
    # The body as it was when the agenda was published, so that a published agenda and its
    # minutes keep naming the members who sat, not whoever sits on the body today.
    members_at_publication = models.TextField(blank=True)
    meetings_public_at_publication = models.BooleanField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-starts_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-held_on"]),
            models.Index(fields=["body", "-held_on"]),
        ]
        constraints = [
            # Minutes are approved at a later meeting or by the chair, not both.
            models.CheckConstraint(
                condition=Q(minutes_approved_by_chair=False)
                | Q(minutes_approved_at_meeting__isnull=True),
                name="minutes_approved_one_way",
            )
        ]
        permissions = [
            ("publish_meeting", "Can publish a meeting's agenda"),
            ("approve_minutes_meeting", "Can record the approval of minutes"),
        ]

    def __str__(self):
        return f"{self.body.name}, {self.held_on:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("scrutiny:meeting", args=[self.code])

    def get_public_url(self):
        return reverse("public_meeting", args=[self.code])

    @property
    def is_published(self) -> bool:
        return self.status in PUBLISHED_STATUSES

    @property
    def publish_agenda_by(self):
        """The last day to publish the agenda and leave five clear days before the meeting."""
        return agenda_deadline(self.held_on)

    @property
    def agenda_published_late(self) -> bool:
        published = self.agenda_published_at
        return bool(published) and timezone.localdate(published) > self.publish_agenda_by

    @property
    def member_list(self) -> list[str]:
        """The members as published with the agenda; the body's current list before then."""
        if self.agenda_published_at and self.members_at_publication:
            return [line for line in self.members_at_publication.splitlines() if line.strip()]
        return self.body.member_list

    @property
    def meetings_public(self) -> bool:
        """Whether the body met in public, as published with the agenda."""
        if self.meetings_public_at_publication is not None:
            return self.meetings_public_at_publication
        return self.body.meetings_public

    @property
    def minutes_are_approved(self) -> bool:
        return self.status == MeetingStatus.MINUTES_APPROVED


class AgendaItemQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_confidential=False)


class AgendaItem(models.Model):
    """One item of business, in its place on the agenda, with the minute recorded against it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="items")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=250)
    presenter = models.CharField(max_length=200)
    is_confidential = models.BooleanField("confidential", default=False)
    confidential_reason = models.CharField(
        "reason it is confidential",
        max_length=250,
        blank=True,
        help_text="Shown to the public in place of the item, e.g. Commercially sensitive.",
    )
    minutes = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="one_item_per_position"),
            models.CheckConstraint(
                condition=Q(is_confidential=False) | ~Q(confidential_reason=""),
                name="confidential_item_has_a_reason",
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"


def paper_path(paper, filename):
    return f"scrutiny/papers/{timezone.now():%Y}/{filename}"


class PaperQuerySet(models.QuerySet):
    def current(self):
        """The papers not withdrawn: the only ones any public surface shows."""
        return self.filter(withdrawn_at__isnull=True)


class Paper(models.Model):
    """A paper for an agenda item. It is as public as its item, unless it is withdrawn (kept,
    never deleted, but no longer published)."""

    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="papers")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=paper_path)
    mimetype = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(max_length=250, blank=True)

    history = HistoricalRecords()
    objects = PaperQuerySet.as_manager()

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.title
