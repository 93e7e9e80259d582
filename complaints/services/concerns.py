"""Concerns under the Commissioner and Officer Protocol: recording one, routing it, closing it.

A concern goes to the Monitoring Officer, who is the Chief Executive. One about the Chief
Executive cannot go to them: it goes to the Chair of the Joint Audit and Standards Committee,
who is outside the portal, so the e-mail is the channel and nobody in the portal reads it after
it is recorded (the conflict rule, ProtocolConcern.is_subject).
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from complaints.models import ConcernAbout, ConcernRoute, ProtocolConcern
from opcc import access
from opcc.models import User
from opcc.outbox import queue_message
from opcc.roles import Role
from opcc.workflow import require

RAISE_PERMISSION = "complaints.add_protocolconcern"
CLOSE_PERMISSION = "complaints.change_protocolconcern"
DEFAULT_AUDIT_COMMITTEE_CHAIR_EMAIL = "jasc.chair@opcc.example"


def route_for(about: str) -> str:
    """Commissioner and Officer Protocol: the Monitoring Officer, unless the concern is about
    the Chief Executive, who is the Monitoring Officer."""
    if about == ConcernAbout.CHIEF_EXECUTIVE:
        return ConcernRoute.AUDIT_COMMITTEE_CHAIR
    return ConcernRoute.MONITORING_OFFICER


def audit_committee_chair_email() -> str:
    return getattr(settings, "AUDIT_COMMITTEE_CHAIR_EMAIL", DEFAULT_AUDIT_COMMITTEE_CHAIR_EMAIL)


def recipients_for(concern: ProtocolConcern) -> list[tuple[str, User | None]]:
    """Who the concern is sent to, as (address, user or None)."""
    if concern.routed_to == ConcernRoute.AUDIT_COMMITTEE_CHAIR:
        return [(audit_committee_chair_email(), None)]
    monitoring_officers = User.objects.filter(role=Role.CHIEF_EXECUTIVE, is_active=True).order_by(
        "pk"
    )
    return [(user.email, user) for user in monitoring_officers if user.email]


def concerns_visible_to(user):
    """The concerns ``user`` may read in the portal: the Chief Executive, those routed to the
    Monitoring Officer that are not about the Chief Executive; everyone else, none."""
    if not access.has_role(user, Role.CHIEF_EXECUTIVE) or not user.has_perm(
        "complaints.view_protocolconcern"
    ):
        return ProtocolConcern.objects.none()
    return ProtocolConcern.objects.filter(routed_to=ConcernRoute.MONITORING_OFFICER).exclude(
        about=ConcernAbout.CHIEF_EXECUTIVE
    )


def concern_for(user, code, action: str = access.VIEW) -> ProtocolConcern:
    """The one way in to a concern: 404 for anyone who may not read it (the subject above all),
    403 for one who may read it but not do ``action``."""
    try:
        concern = get_object_or_404(concerns_visible_to(user), code=code)
    except (ValueError, ValidationError):
        raise Http404 from None
    if not access.can(user, access.VIEW, concern):
        raise Http404
    if action != access.VIEW and not access.can(user, action, concern):
        access.refuse(user, f"{action} protocol concern {concern.pk}")
    return concern


def raise_concern(
    actor,
    *,
    raised_by: str,
    raised_by_email: str,
    about: str,
    description: str,
    received_on: date,
) -> ProtocolConcern:
    """Record a concern under the protocol and send it to whoever it is routed to."""
    require(actor, RAISE_PERMISSION, "record a protocol concern")
    errors = {}
    if about not in ConcernAbout.values:
        errors["about"] = "Choose who the concern is about"
    if received_on and received_on > timezone.localdate():
        errors["received_on"] = "The date the concern was received must be today or in the past"
    if errors:
        raise ValidationError(errors)
    concern = ProtocolConcern(
        raised_by=raised_by.strip(),
        raised_by_email=raised_by_email.strip(),
        about=about,
        description=description.strip(),
        received_on=received_on,
        routed_to=route_for(about),
    )
    concern._history_user = actor
    concern.full_clean()
    with transaction.atomic():
        concern.save()
        for address, recipient in recipients_for(concern):
            queue_message(
                kind="protocol_concern",
                to=address,
                recipient=recipient,
                template="concern_raised",
                context={
                    "concern": concern,
                    "to_audit_committee_chair": concern.routed_to
                    == ConcernRoute.AUDIT_COMMITTEE_CHAIR,
                    "portal_url": settings.PORTAL_URL,
                },
                about=concern,
            )
    return concern


def close_concern(actor, concern: ProtocolConcern, *, outcome: str) -> ProtocolConcern:
    """The Monitoring Officer records the outcome of a concern routed to them and closes it."""
    require(actor, CLOSE_PERMISSION, "close a protocol concern")
    if access.is_subject_of(actor, concern) or concern.routed_to != ConcernRoute.MONITORING_OFFICER:
        access.refuse(actor, f"close protocol concern {concern.pk}")
    if not outcome.strip():
        raise ValidationError({"outcome": "Enter the outcome of the concern"})
    with transaction.atomic():
        current = ProtocolConcern.objects.select_for_update().get(pk=concern.pk)
        if current.closed_on is not None:
            raise ValidationError("This concern is already closed.")
        current.outcome = outcome.strip()
        current.closed_on = timezone.localdate()
        current._history_user = actor
        current.full_clean()
        current.save()
    return current
