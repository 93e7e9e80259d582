"""The scheme's standing records: custody suites and visitors, and the flag to the scheme
manager when a visitor's police vetting is about to lapse."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from custody_visits.models import CustodySuite, Visitor
from custody_visits.services.common import require_scheme_manager, scheme_managers, tell
from opcc.models import User
from opcc.outbox import queue_message
from opcc.roles import Role, sync_role_group

SUITE_FIELDS = ("name", "address", "cells", "is_open", "visits_per_month_target")
VISITOR_FIELDS = ("appointed_on", "vetting_expires_on", "training_completed_on", "is_active")


def _save(record, actor):
    record._history_user = actor
    record.full_clean()
    record.save()
    return record


def add_suite(actor, **fields) -> CustodySuite:
    """Add a custody suite to the scheme."""
    require_scheme_manager(actor, "add a custody suite")
    try:
        with transaction.atomic():
            return _save(CustodySuite(**{name: fields[name] for name in SUITE_FIELDS}), actor)
    except IntegrityError:
        # Someone added a suite of the same name just after full_clean looked.
        raise ValidationError({"name": "A custody suite with this name already exists"}) from None


def change_suite(actor, suite: CustodySuite, **fields) -> CustodySuite:
    """Change a suite's details, or open or close it."""
    require_scheme_manager(actor, f"change custody suite {suite.pk}")
    with transaction.atomic():
        current = CustodySuite.objects.select_for_update().get(pk=suite.pk)
        for name in SUITE_FIELDS:
            if name in fields:
                setattr(current, name, fields[name])
        return _save(current, actor)


def _check_dates(appointed_on: date, vetting_expires_on: date, training_completed_on) -> None:
    errors = {}
    if appointed_on > timezone.localdate():
        errors["appointed_on"] = "The date of appointment must be today or in the past"
    if training_completed_on and training_completed_on > timezone.localdate():
        errors["training_completed_on"] = (
            "The date training was completed must be today or in the past"
        )
    if vetting_expires_on < appointed_on:
        errors["vetting_expires_on"] = (
            "The vetting expiry date must be after the date of appointment"
        )
    if errors:
        raise ValidationError(errors)


def appoint_visitor(actor, *, user=None, full_name: str = "", email: str = "", **fields) -> Visitor:
    """Appoint a visitor: an existing user with the visitor role, or a new account made here
    (its holder is told by e-mail and sets a password through "forgotten password")."""
    require_scheme_manager(actor, "appoint a custody visitor")
    _check_dates(
        fields["appointed_on"], fields["vetting_expires_on"], fields.get("training_completed_on")
    )
    with transaction.atomic():
        if user is None:
            email = email.strip().lower()
            if not (full_name.strip() and email):
                raise ValidationError(
                    {
                        "user": "Choose a person with the visitor role, or enter a new "
                        "visitor's name and email address"
                    }
                )
            if User.objects.filter(email__iexact=email).exists():
                raise ValidationError(
                    {
                        "email": "A person with this email address already has an account: "
                        "choose them instead"
                    }
                )
            user = User.objects.create_user(email, full_name=full_name.strip(), role=Role.VISITOR)
            sync_role_group(user)
            queue_message(
                kind="account_created",
                to=user.email,
                recipient=user,
                template="account_created",
                context={"user": user},
            )
        elif user.role != Role.VISITOR:
            raise ValidationError({"user": "Only a person with the visitor role can be appointed"})
        elif Visitor.objects.filter(user=user).exists():
            raise ValidationError({"user": f"{user} is already a visitor"})
        visitor = Visitor(
            user=user, **{name: fields.get(name) for name in VISITOR_FIELDS if name in fields}
        )
        return _save(visitor, actor)


def change_visitor(actor, visitor: Visitor, **fields) -> Visitor:
    """Change a visitor's appointment, vetting, training or whether they are active. A new
    vetting expiry date may be flagged again when its time comes."""
    require_scheme_manager(actor, f"change visitor {visitor.pk}")
    with transaction.atomic():
        current = Visitor.objects.select_for_update().select_related("user").get(pk=visitor.pk)
        for name in VISITOR_FIELDS:
            if name in fields:
                setattr(current, name, fields[name])
        _check_dates(
            current.appointed_on, current.vetting_expires_on, current.training_completed_on
        )
        return _save(current, actor)


def vetting_warning_from(today: date) -> date:
    """The last expiry date that is flagged as coming soon."""
    return today + timedelta(days=settings.CUSTODY_VETTING_WARNING_DAYS)


def flag_vetting_expiries(today: date | None = None) -> int:
    """Tell the scheme manager, once for each expiry date, of every active visitor whose vetting
    lapses within the warning period (or has lapsed). Safe to run twice; a flag with nobody to
    tell is left unmarked, to be sent when someone runs the scheme again."""
    today = today or timezone.localdate()
    flagged = 0
    due = Visitor.objects.filter(
        is_active=True, vetting_expires_on__lte=vetting_warning_from(today)
    ).select_related("user")
    for visitor in due:
        if visitor.vetting_reminder_sent_for == visitor.vetting_expires_on:
            continue
        with transaction.atomic():
            current = Visitor.objects.select_for_update().select_related("user").get(pk=visitor.pk)
            if current.vetting_reminder_sent_for == current.vetting_expires_on:
                continue  # another run got there first
            told = tell(
                scheme_managers(),
                kind="custody_visits_vetting_expiry",
                template="custody_visits_vetting_expiry",
                about=current,
                visitor=current,
                lapsed=current.vetting_expires_on < today,
            )
            if not told:
                continue
            current.vetting_reminder_sent_for = current.vetting_expires_on
            current.save(update_fields=["vetting_reminder_sent_for"])
            flagged += 1
    return flagged
