from celery import shared_task

from governance.services import reports


@shared_task(name="governance.tasks.remind_overdue_reports")
def remind_overdue_reports() -> int:
    return reports.send_overdue_reminders()
