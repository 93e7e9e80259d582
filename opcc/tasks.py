"""Celery tasks: load by id, call the service, nothing else (the services are idempotent)."""

from celery import shared_task
from django.db import OperationalError

from opcc import documents, outbox


@shared_task(
    name="opcc.tasks.deliver_message",
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def deliver_message(message_id: int) -> None:
    outbox.deliver_message(message_id)


@shared_task(name="opcc.tasks.sweep_outbox")
def sweep_outbox() -> int:
    return outbox.sweep_outbox()


@shared_task(
    name="opcc.tasks.generate_document",
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def generate_document(document_id: int) -> None:
    documents.generate_document(document_id)


@shared_task(name="opcc.tasks.sweep_documents")
def sweep_documents() -> int:
    return documents.requeue_stuck_documents()


@shared_task(name="opcc.tasks.remind_overdue_transparency")
def remind_overdue_transparency() -> int:
    from opcc.publications import remind_overdue_categories

    return remind_overdue_categories()


@shared_task(name="opcc.tasks.send_alerts")
def send_alerts() -> int:
    from opcc.alerts import send_alerts as send

    return send()
