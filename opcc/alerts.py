"""E-mail alerts: subscribe (a confirmation e-mail first: double opt-in), confirm, unsubscribe
in one click, and the periodic sweep that sends each subscriber one e-mail per new item, saying
why they got it. The subscriber's address is the only personal data; it is never in a URL."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from opcc.models import AlertSent, AlertSubscription
from opcc.outbox import queue_message
from opcc.registry import alert_sources


def kinds() -> list[tuple[str, str]]:
    return [(source.key, source.label) for source in alert_sources.all()]


def _link(name: str, subscription) -> str:
    return settings.PORTAL_URL + reverse(name, args=[subscription.code])


def subscribe(*, email: str, kind: str) -> AlertSubscription | None:
    """Ask ``email`` to confirm alerts of ``kind``. Says nothing about who already subscribes:
    an address already confirmed for the kind is sent nothing more."""
    email = email.strip().lower()
    with transaction.atomic():
        existing = AlertSubscription.objects.filter(
            email=email, kind=kind, unsubscribed_at=None
        ).first()
        if existing is not None and existing.confirmed_at is not None:
            return None
        subscription = existing or AlertSubscription.objects.create(email=email, kind=kind)
        queue_message(
            kind="alert_confirmation",
            to=email,
            template="alert_confirmation",
            context={
                "label": dict(kinds()).get(kind, kind),
                "confirm_url": _link("alerts_confirm", subscription),
            },
        )
    return subscription


def confirm(subscription: AlertSubscription) -> AlertSubscription:
    """The subscriber's own click: alerts start with what is published from now on."""
    with transaction.atomic():
        current = AlertSubscription.objects.select_for_update().get(pk=subscription.pk)
        if current.confirmed_at is None and current.unsubscribed_at is None:
            current.confirmed_at = timezone.now()
            current.save(update_fields=["confirmed_at"])
    return current


def unsubscribe(subscription: AlertSubscription) -> AlertSubscription:
    with transaction.atomic():
        current = AlertSubscription.objects.select_for_update().get(pk=subscription.pk)
        if current.unsubscribed_at is None:
            current.unsubscribed_at = timezone.now()
            current.save(update_fields=["unsubscribed_at"])
    return current


def send_alerts() -> int:
    """One e-mail per new item to each active subscriber of its kind; safe to run again (the
    AlertSent row, written with the e-mail, refuses a second). Returns how many were queued."""
    queued = 0
    for source in alert_sources.all():
        subscriptions = AlertSubscription.objects.filter(
            kind=source.key, confirmed_at__isnull=False, unsubscribed_at=None
        )
        earliest = subscriptions.order_by("confirmed_at").values_list("confirmed_at", flat=True)
        if not earliest:
            continue
        items = source.published_since(earliest[0])
        for subscription in subscriptions.iterator():
            already = set(subscription.sent.values_list("item_key", flat=True))
            for item in items:
                if item.published_at <= subscription.confirmed_at or item.key in already:
                    continue
                queued += _send(subscription, source, item)
    return queued


def _send(subscription, source, item) -> int:
    unsubscribe_url = _link("alerts_unsubscribe", subscription)
    try:
        with transaction.atomic():
            AlertSent.objects.create(subscription=subscription, item_key=item.key)
            queue_message(
                kind="alert",
                to=subscription.email,
                template="alert",
                context={
                    "item": item,
                    "item_url": settings.PORTAL_URL + item.url,
                    "label": source.label,
                    "subscribed_on": subscription.confirmed_at,
                    "unsubscribe_url": unsubscribe_url,
                },
                unsubscribe_url=unsubscribe_url,
            )
    except IntegrityError:
        return 0  # sent by an earlier sweep
    return 1
