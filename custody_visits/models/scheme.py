"""The Independent Custody Visiting scheme's standing records: custody suites and the visitors
appointed to visit them (Police Reform Act 2002 s.51; ICV Code of Practice)."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class CustodySuite(models.Model):
    name = models.CharField(max_length=120, unique=True)
    address = models.TextField()
    cells = models.PositiveSmallIntegerField("number of cells")
    is_open = models.BooleanField("open", default=True)
    visits_per_month_target = models.PositiveSmallIntegerField("visits a month (target)", default=4)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Visitor(models.Model):
    """An appointed Independent Custody Visitor: a user with the ``visitor`` role."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="custody_visitor"
    )
    appointed_on = models.DateField()
    vetting_expires_on = models.DateField("police vetting expires on")
    training_completed_on = models.DateField(null=True, blank=True)
    is_active = models.BooleanField("active", default=True)
    # The expiry date a "vetting expires soon" flag was last sent for: one flag per expiry.
    vetting_reminder_sent_for = models.DateField(null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["user__full_name", "id"]
        indexes = [models.Index(fields=["is_active", "vetting_expires_on"])]

    def __str__(self):
        return str(self.user)

    def vetting_valid_on(self, day) -> bool:
        """Vetting lapses at the end of its expiry day."""
        return day <= self.vetting_expires_on

    def may_visit_on(self, day) -> bool:
        return (
            self.is_active and self.training_completed_on is not None and self.vetting_valid_on(day)
        )
