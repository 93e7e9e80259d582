"""Celery tasks for complaints: call the service, nothing else (the services are idempotent)."""

from celery import shared_task

from complaints.services import personal_data


@shared_task(name="complaints.tasks.anonymise_due_cases")
def anonymise_due_cases() -> int:
    """Run daily by beat: anonymise closed cases whose retention period has ended."""
    return personal_data.anonymise_due_cases()
