"""The notification outbox: e-mails written in the same transaction as the change that causes them.

:func:`queue_message` writes the row and, after commit, asks Celery to deliver it. Delivery
(:func:`deliver_message`) claims the row under a lock, so it is sent once even when the task
runs twice; :func:`sweep_outbox` (Celery beat) sends whatever is still pending, which covers a
broker that was down when the change was saved.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from opcc import access
from opcc.enqueue import enqueue_on_commit
from opcc.models import DocumentStatus, MessageAttachment, MessageStatus, OutboundMessage

log = logging.getLogger(__name__)

DELIVER_TASK = "opcc.tasks.deliver_message"


class PermanentDeliveryError(Exception):
    """Trying again cannot help (the address is refused, an attachment could not be made)."""


class AttachmentNotReady(Exception):
    """A generated document to attach is still being made: try again later."""


def queue_message(
    *,
    kind: str,
    to: str,
    template: str,
    context: dict,
    recipient=None,
    about=None,
    attachments: tuple = (),
    documents: tuple = (),
    unsubscribe_url: str = "",
) -> OutboundMessage:
    """Write one e-mail to the outbox; it is delivered after the surrounding transaction commits.

    ``template`` names a folder under templates/emails/ holding subject.txt, body.txt and
    body.html. ``attachments`` are (filename, bytes, mimetype) triples; ``documents`` are
    GeneratedDocuments, attached once they are ready.
    """
    from django.core.files.base import ContentFile

    subject = " ".join(
        render_to_string(f"emails/{template}/subject.txt", context, using="text").split()
    )
    with transaction.atomic():
        message = OutboundMessage(
            kind=kind,
            to=to,
            recipient=recipient,
            about=about,
            subject=subject[:250],
            body_text=render_to_string(f"emails/{template}/body.txt", context, using="text"),
            body_html=render_to_string(f"emails/{template}/body.html", context),
            unsubscribe_url=unsubscribe_url,
        )
        message.full_clean(exclude=["content_type", "object_id", "recipient"])
        message.save()
        for filename, content, mimetype in attachments:
            attachment = MessageAttachment(message=message, filename=filename, mimetype=mimetype)
            attachment.file.save(filename, ContentFile(content), save=True)
        for document in documents:
            MessageAttachment.objects.create(
                message=message, filename=document.filename, document=document
            )
        enqueue_on_commit(DELIVER_TASK, message.pk)
    return message


def _email_for(message: OutboundMessage) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
    )
    if message.unsubscribe_url:
        email.extra_headers["List-Unsubscribe"] = f"<{message.unsubscribe_url}>"
        email.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    for attachment in message.attachments.select_related("document"):
        if attachment.document_id:
            document = attachment.document
            if document.status == DocumentStatus.FAILED:
                raise PermanentDeliveryError(
                    f"attachment {document.title!r} failed: {document.error}"
                )
            if document.status != DocumentStatus.READY:
                raise AttachmentNotReady(document.title)
            source = document.file
        else:
            source = attachment.file
        with source.open("rb") as handle:
            email.attach(attachment.filename, handle.read(), attachment.mimetype)
    return email


def _backoff(attempts: int) -> timedelta:
    return timedelta(minutes=min(2**attempts, 240))


def deliver_message(message_id: int) -> OutboundMessage | None:
    """Send one pending message. Returns None when there is nothing to do (already sent, failed,
    not yet due, or being sent by another worker), so running it twice is harmless."""
    now = timezone.now()
    with transaction.atomic():
        message = (
            OutboundMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=MessageStatus.PENDING, next_attempt_at__lte=now)
            .first()
        )
        if message is None:
            return None
        try:
            email = _email_for(message)
        except AttachmentNotReady as waiting:
            # Not a failed try: the PDF is still being made (the documents sweeper sees to it).
            message.last_error = f"AttachmentNotReady: {waiting}"
            message.next_attempt_at = now + timedelta(minutes=1)
            message.save(update_fields=["last_error", "next_attempt_at"])
            return message
        except PermanentDeliveryError as error:
            message.attempts += 1
            message.status = MessageStatus.FAILED
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            message.save(update_fields=["status", "attempts", "last_error"])
            return message
        message.attempts += 1
        try:
            email.send()
        except smtplib.SMTPRecipientsRefused as error:
            message.status = MessageStatus.FAILED
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
        except Exception as error:
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                message.status = MessageStatus.FAILED
            else:
                message.next_attempt_at = now + _backoff(message.attempts)
        else:
            message.status = MessageStatus.SENT
            message.sent_at = timezone.now()
            message.last_error = ""
        message.save(
            update_fields=["status", "attempts", "last_error", "next_attempt_at", "sent_at"]
        )
    if message.status == MessageStatus.FAILED:
        log.error("outbox message %s failed permanently: %s", message.pk, message.last_error)
    return message


def sweep_outbox() -> int:
    """Deliver every pending message that is due. Returns how many were sent."""
    due = list(
        OutboundMessage.objects.filter(
            status=MessageStatus.PENDING, next_attempt_at__lte=timezone.now()
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[: settings.OUTBOX_BATCH_SIZE]
    )
    sent = 0
    for pk in due:
        message = deliver_message(pk)
        sent += bool(message and message.status == MessageStatus.SENT)
    return sent


def retry_message(actor, message: OutboundMessage) -> OutboundMessage:
    """Put a failed message back in the queue (after the cause, e.g. a bad address, is fixed)."""
    if not access.can(actor, access.CHANGE, message):
        access.refuse(actor, f"retry message {message.pk}")
    with transaction.atomic():
        message = OutboundMessage.objects.select_for_update().get(pk=message.pk)
        if message.status != MessageStatus.FAILED:
            raise ValueError("Only a failed message can be tried again")
        message.status = MessageStatus.PENDING
        message.attempts = 0
        message.next_attempt_at = timezone.now()
        message.save(update_fields=["status", "attempts", "next_attempt_at"])
        enqueue_on_commit(DELIVER_TASK, message.pk)
    return message
