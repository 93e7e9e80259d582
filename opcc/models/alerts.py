"""E-mail alerts for the public: a subscription to one kind of publication, confirmed by a link
sent to the address (double opt-in), ended by one click; one e-mail per new item."""

import uuid

from django.db import models
from django.utils import timezone


class AlertSubscription(models.Model):
    # The code is the only key to confirming or ending a subscription: unguessable, in the links.
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField()
    kind = models.CharField(max_length=40)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["kind", "confirmed_at", "unsubscribed_at"]),
            models.Index(fields=["email", "kind"]),
        ]

    def __str__(self):
        return f"Alert for {self.kind}"

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class AlertSent(models.Model):
    """That one subscriber was sent one item: the database's guarantee of one e-mail each."""

    subscription = models.ForeignKey(
        AlertSubscription, on_delete=models.CASCADE, related_name="sent"
    )
    item_key = models.CharField(max_length=120)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "item_key"], name="one_alert_per_item_per_subscriber"
            )
        ]

    def __str__(self):
        return self.item_key
