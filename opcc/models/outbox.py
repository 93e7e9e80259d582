import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class MessageStatus(models.TextChoices):
    PENDING = "pending", "Waiting to send"
    SENT = "sent", "Delivered"
    FAILED = "failed", "Failed"


class OutboundMessage(models.Model):
    """One e-mail to one recipient, written in the same transaction as the change that causes it."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(
        max_length=60, help_text="What the message is, e.g. mo_report_panel_copy"
    )
    to = models.EmailField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="messages_received",
    )
    subject = models.CharField(max_length=250)
    # RFC 8058 one-click unsubscribe, for e-mail alerts: the address a mail program may POST to.
    unsubscribe_url = models.URLField(max_length=300, blank=True)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("content_type", "object_id")
    status = models.CharField(
        max_length=10, choices=MessageStatus.choices, default=MessageStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["-created_at", "-id"]),
            models.Index(fields=["status", "-created_at", "-id"]),  # the filtered outbox page
            models.Index(fields=["recipient", "-created_at"]),
        ]

    def __str__(self):
        return f"{self.subject} → {self.to}"


class MessageAttachment(models.Model):
    """A file sent with a message: a stored file, or a generated document (sent once ready)."""

    message = models.ForeignKey(
        OutboundMessage, on_delete=models.CASCADE, related_name="attachments"
    )
    filename = models.CharField(max_length=200)
    mimetype = models.CharField(max_length=100, default="application/pdf")
    file = models.FileField(upload_to="outbox/%Y/%m/", blank=True)
    document = models.ForeignKey(
        "opcc.GeneratedDocument", null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(file="") | models.Q(document__isnull=False),
                name="attachment_has_file_or_document",
            )
        ]

    def __str__(self):
        return self.filename
