"""What the office publishes by hand for the transparency hub: a dated entry with its document,
for the categories of the Specified Information Order that no app publishes (budget, spending,
staff, policies, ...), and the supporting documents of those that one does."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from opcc.transparency import CATEGORIES

CATEGORY_CHOICES = [(category.key, category.title) for category in CATEGORIES]


class TransparencyPublicationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(withdrawn_at=None)

    def visible_to(self, user):
        """Everyone sees what is published; the office also sees what it withdrew."""
        from opcc.access import is_office

        return self if is_office(user) else self.published()


class TransparencyPublication(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    category = models.CharField(max_length=40, choices=CATEGORY_CHOICES)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    published_on = models.DateField(default=timezone.localdate)
    document = models.FileField(upload_to="transparency/%Y/")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(max_length=250, blank=True)

    history = HistoricalRecords()
    objects = TransparencyPublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["category", "withdrawn_at", "-published_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("transparency_category", args=[self.category])

    @property
    def is_published(self) -> bool:
        return self.withdrawn_at is None

    def get_document_url(self):
        return reverse("transparency_document", args=[self.code])


class TransparencyReminder(models.Model):
    """That the Chief Executive was reminded of a category overdue since ``last_updated``: the
    reminder goes once for each time a category falls overdue."""

    category = models.CharField(max_length=40, choices=CATEGORY_CHOICES)
    last_updated = models.DateField(null=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["category", "last_updated"], name="one_reminder_per_overdue_spell"
            )
        ]

    def __str__(self):
        return f"{self.category} overdue since {self.last_updated}"
