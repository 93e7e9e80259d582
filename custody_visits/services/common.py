"""What the custody visiting services share: who the scheme manager is, and the refusal of a
concurrent edit."""

from django.conf import settings

from opcc import workflow
from opcc.models import User
from opcc.outbox import queue_message
from opcc.roles import Role

MANAGE_SCHEME = "custody_visits.manage_scheme"
FILE_VISIT_REPORT = "custody_visits.file_visit_report"


class ConcurrentEdit(Exception):
    """Someone else saved the record after this person opened it."""

    message = (
        "The other visitor saved this report while you were editing it, so your changes have "
        "not been saved. Your changes are shown below: check the report and save again."
    )


def require_scheme_manager(actor, what: str) -> None:
    workflow.require(actor, MANAGE_SCHEME, what)


# The roles that run the scheme (custody_visits.manage_scheme, migration 0003).
SCHEME_MANAGER_ROLES = (Role.STAFF, Role.CHIEF_EXECUTIVE)


def scheme_managers():
    """Who runs the scheme, office staff and the Chief Executive: they receive its flags and
    reminders."""
    return User.objects.filter(role__in=SCHEME_MANAGER_ROLES, is_active=True).order_by("pk")


def tell(users, *, kind: str, template: str, about=None, **context) -> int:
    """One e-mail to each of ``users`` through the outbox, sent after the transaction commits.
    Returns how many were queued, so a reminder sent to nobody is not marked as sent."""
    queued = 0
    for user in users:
        queue_message(
            kind=kind,
            to=user.email,
            recipient=user,
            template=template,
            context={"user": user, "portal_url": settings.PORTAL_URL, **context},
            about=about,
        )
        queued += 1
    return queued
