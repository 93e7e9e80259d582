"""Celery tasks for scrutiny: call the service, nothing else (the services are idempotent)."""

from celery import shared_task

from scrutiny.services import actions


@shared_task(name="scrutiny.tasks.remind_overdue_actions")
def remind_overdue_actions() -> int:
    """Run daily by beat: tell the office once about each action that has fallen overdue."""
    return actions.remind_overdue_actions()


@shared_task(name="scrutiny.tasks.remind_hmicfrs_responses")
def remind_hmicfrs_responses() -> int:
    """Run daily by beat: remind once at 14 days left and once when a response is overdue."""
    from scrutiny.services import inspections

    return inspections.send_response_reminders()
