import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class DocumentStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Being generated"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


# The only moves a document may make; opcc.documents checks every change against it.
DOCUMENT_TRANSITIONS = {
    DocumentStatus.QUEUED: {DocumentStatus.RUNNING, DocumentStatus.FAILED},
    DocumentStatus.RUNNING: {DocumentStatus.READY, DocumentStatus.FAILED},
    DocumentStatus.FAILED: {DocumentStatus.QUEUED},
    DocumentStatus.READY: set(),
}


class SecurityMarking(models.TextChoices):
    # Government Security Classifications (2023): the two markings the office uses.
    OFFICIAL = "OFFICIAL", "OFFICIAL"
    OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"


class GeneratedDocument(models.Model):
    """A PDF the portal generates in the background: a decision notice, a report, a history."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=60, help_text="A document kind registered in opcc.registry")
    title = models.CharField(max_length=250)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    of = GenericForeignKey("content_type", "object_id")
    marking = models.CharField(
        max_length=20, choices=SecurityMarking.choices, default=SecurityMarking.OFFICIAL
    )
    status = models.CharField(
        max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.QUEUED
    )
    file = models.FileField(upload_to="documents/%Y/%m/", blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["status", "requested_at"]),
            models.Index(fields=["requested_by", "-requested_at"]),
        ]

    def __str__(self):
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status in (DocumentStatus.READY, DocumentStatus.FAILED)

    @property
    def seconds_taken(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None

    @property
    def filename(self) -> str:
        return f"{self.kind}-{str(self.code)[:8]}.pdf"
