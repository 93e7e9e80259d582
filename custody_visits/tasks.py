"""Celery tasks for custody visiting: call the service, nothing else (the services are
idempotent)."""

from celery import shared_task

from custody_visits.services import findings, scheme


@shared_task(name="custody_visits.tasks.flag_vetting_expiries")
def flag_vetting_expiries() -> int:
    """Run daily by beat: flag coming vetting expiries to the scheme manager, once each."""
    return scheme.flag_vetting_expiries()


@shared_task(name="custody_visits.tasks.remind_overdue_findings")
def remind_overdue_findings() -> int:
    """Run daily by beat: remind the scheme manager of overdue findings, once each."""
    return findings.remind_overdue_findings()
