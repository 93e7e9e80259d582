"""Complaints about the Commissioner or the Deputy (recorded on the panel's behalf under the
Elected Local Policing Bodies (Complaints and Misconduct) Regulations 2012) and about the Chief
Constable (the Commissioner being the appropriate authority)."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from complaints.models.reviews import Complainant


class ComplaintSubject(models.TextChoices):
    PCC = "pcc", "The Police and Crime Commissioner"
    DEPUTY = "deputy", "The Deputy Police and Crime Commissioner"
    CHIEF_CONSTABLE = "chief_constable", "The Chief Constable"


OFFICE_HOLDERS = (ComplaintSubject.PCC, ComplaintSubject.DEPUTY)


class ComplaintChannel(models.TextChoices):
    ONLINE = "online", "Online form"
    LETTER = "letter", "Letter"
    PHONE = "phone", "Phone"
    EMAIL = "email", "E-mail"
    IN_PERSON = "in_person", "In person"


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    RECORDED = "recorded", "Recorded"
    NOT_RECORDED = "not_recorded", "Not recorded"
    REFERRED_TO_IOPC = "referred_to_iopc", "Referred to the IOPC"
    INFORMAL_RESOLUTION = "informal_resolution", "With the panel for informal resolution"
    DISAPPLIED = "disapplied", "Requirements disapplied (reg. 15)"
    BEING_HANDLED = "being_handled", "Being handled"
    CLOSED = "closed", "Closed"


COMPLAINT_TRANSITIONS = {
    ComplaintStatus.RECEIVED: {ComplaintStatus.RECORDED, ComplaintStatus.NOT_RECORDED},
    ComplaintStatus.RECORDED: {
        ComplaintStatus.REFERRED_TO_IOPC,
        ComplaintStatus.INFORMAL_RESOLUTION,
        ComplaintStatus.DISAPPLIED,
        ComplaintStatus.BEING_HANDLED,
    },
    ComplaintStatus.REFERRED_TO_IOPC: {ComplaintStatus.CLOSED},
    ComplaintStatus.INFORMAL_RESOLUTION: {ComplaintStatus.CLOSED},
    ComplaintStatus.DISAPPLIED: {ComplaintStatus.CLOSED},
    ComplaintStatus.BEING_HANDLED: {ComplaintStatus.REFERRED_TO_IOPC, ComplaintStatus.CLOSED},
    ComplaintStatus.NOT_RECORDED: {ComplaintStatus.CLOSED},
    ComplaintStatus.CLOSED: set(),
}


class DisapplicationGround(models.TextChoices):
    # ELPB (Complaints and Misconduct) Regulations 2012, reg. 15(2)-(4).
    LATE = "late", "Made more than 12 months after the conduct, with no good reason for delay"
    ALREADY_DEALT_WITH = "already_dealt_with", "The matter is already the subject of a complaint"
    ANONYMOUS = "anonymous", "It gives neither the complainant's name nor an address"
    VEXATIOUS = "vexatious", "Vexatious, oppressive or otherwise an abuse of the procedures"
    REPETITIOUS = "repetitious", "A repetitious complaint"


class ComplaintQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The conflict rule first: the Commissioner and the Deputy never see complaints about
        themselves, nor about each other. Staff see only cases assigned to them."""
        from guardian.shortcuts import get_objects_for_user

        from opcc.access import has_role
        from opcc.roles import Role

        if not (user.is_authenticated and user.is_active):
            return self.none()
        if has_role(user, Role.PCC, Role.DEPUTY):
            return self.filter(subject=ComplaintSubject.CHIEF_CONSTABLE)
        if has_role(user, Role.CHIEF_EXECUTIVE):
            return self
        if has_role(user, Role.PANEL):
            return self.filter(
                subject__in=OFFICE_HOLDERS, status=ComplaintStatus.INFORMAL_RESOLUTION
            )
        if has_role(user, Role.STAFF):
            return get_objects_for_user(
                user, "complaints.view_complaint", klass=self, accept_global_perms=False
            )
        return self.none()


class Complaint(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(max_length=20, unique=True, editable=False)
    subject = models.CharField("complaint about", max_length=20, choices=ComplaintSubject.choices)
    complainant = models.ForeignKey(
        Complainant, on_delete=models.PROTECT, related_name="complaints"
    )
    channel = models.CharField(max_length=20, choices=ComplaintChannel.choices)
    received_on = models.DateField(default=timezone.localdate)
    details = models.TextField("what the complaint is about")
    status = models.CharField(
        max_length=30, choices=ComplaintStatus.choices, default=ComplaintStatus.RECEIVED
    )
    recorded_on = models.DateField(null=True, blank=True)
    not_recorded_reason = models.TextField(blank=True)
    serious_complaint = models.BooleanField(
        "serious complaint (alleges a criminal offence)", default=False
    )
    conduct_matter = models.BooleanField(default=False)
    iopc_referred_on = models.DateField("referred to the IOPC on", null=True, blank=True)
    disapplication_ground = models.CharField(
        max_length=30, choices=DisapplicationGround.choices, blank=True
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    retention_hold = models.CharField(
        "hold on disposal", max_length=250, blank=True,
        help_text="A reason (litigation, FOI request) stops anonymisation while it is set.",
    )  # fmt: skip
    anonymised_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = ComplaintQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["subject", "status", "-received_on"]),
            models.Index(fields=["status", "closed_on"]),
            # The office's list, newest first: whole, by status, by subject.
            models.Index(fields=["-received_on", "-id"]),
            models.Index(fields=["status", "-received_on", "-id"]),
            models.Index(fields=["subject", "-received_on", "-id"]),
        ]
        permissions = [("record_complaint", "Can record complaints and decide how they go")]

    def __str__(self):
        return self.reference

    def get_absolute_url(self):
        return reverse("complaints:complaint", args=[self.code])

    def is_subject(self, user) -> bool:
        # The conflict rule: the office holder a complaint is about never sees it.
        return self.subject in OFFICE_HOLDERS and getattr(user, "role", None) == self.subject


class ConcernAbout(models.TextChoices):
    PCC = "pcc", "The Police and Crime Commissioner"
    DEPUTY = "deputy", "The Deputy Police and Crime Commissioner"
    CHIEF_EXECUTIVE = "chief_executive", "The Chief Executive"
    CHIEF_FINANCE_OFFICER = "cfo", "The Chief Finance Officer"
    OTHER = "other", "Someone else covered by the protocol"


class ConcernRoute(models.TextChoices):
    MONITORING_OFFICER = "monitoring_officer", "The Monitoring Officer"
    AUDIT_COMMITTEE_CHAIR = "jasc_chair", "The Chair of the Joint Audit and Standards Committee"


class ProtocolConcernQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Only the Chief Executive, and never a concern about the Chief Executive."""
        from opcc.access import has_role
        from opcc.roles import Role

        if not has_role(user, Role.CHIEF_EXECUTIVE):
            return self.none()
        return self.filter(routed_to=ConcernRoute.MONITORING_OFFICER).exclude(
            about=ConcernAbout.CHIEF_EXECUTIVE
        )


class ProtocolConcern(models.Model):
    """A concern under the Commissioner and Officer Protocol. It goes to the Monitoring Officer,
    unless it is about the Chief Executive (who is the Monitoring Officer)."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    raised_by = models.CharField(max_length=200)
    raised_by_email = models.EmailField(blank=True)
    about = models.CharField(max_length=20, choices=ConcernAbout.choices)
    description = models.TextField()
    routed_to = models.CharField(max_length=20, choices=ConcernRoute.choices, editable=False)
    received_on = models.DateField(default=timezone.localdate)
    outcome = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    retention_hold = models.CharField(
        "hold on disposal", max_length=250, blank=True,
        help_text="A reason (litigation, FOI request) stops anonymisation while it is set.",
    )  # fmt: skip
    anonymised_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()
    objects = ProtocolConcernQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self):
        return f"Concern about {self.get_about_display().lower()} ({self.received_on})"

    def get_absolute_url(self):
        return reverse("complaints:concern", args=[self.code])

    @property
    def reference(self) -> str:
        """How the disposal log names a concern, which has no reference of its own."""
        return f"Concern {self.pk}"

    def is_subject(self, user) -> bool:
        return getattr(user, "role", None) == self.about


class PersonalDataView(models.Model):
    """One look at a complainant's personal data: who, when, which case."""

    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    complainant = models.ForeignKey(Complainant, on_delete=models.PROTECT, related_name="views")
    case_reference = models.CharField(max_length=20)
    viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-viewed_at", "-id"]
        indexes = [models.Index(fields=["-viewed_at", "-id"])]

    def __str__(self):
        return f"{self.viewer} viewed {self.case_reference} at {self.viewed_at}"


class Disposal(models.Model):
    """A record that a closed case's personal data was anonymised at the end of its retention."""

    case_reference = models.CharField(max_length=20)
    kind = models.CharField(max_length=30)
    disposed_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=250)

    class Meta:
        ordering = ["-disposed_at", "-id"]

    def __str__(self):
        return f"{self.case_reference} anonymised {self.disposed_at:%Y-%m-%d}"
