"""The Commissioner and Officer Protocol, and the declarations signed against each version."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class ProtocolVersionQuerySet(models.QuerySet):
    def current(self):
        """The latest approved version: the one everyone must have signed."""
        return (
            self.filter(approved_on__lte=timezone.localdate())
            .order_by("-approved_on", "-id")
            .first()
        )


class ProtocolVersion(models.Model):
    title = models.CharField(max_length=200, default="Commissioner and Officer Protocol")
    version = models.CharField(max_length=20)
    approved_on = models.DateField()
    document = models.FileField(upload_to="protocol/", blank=True)
    declaration_text = models.TextField(
        help_text="The declaration in the protocol's appendix that each person signs."
    )

    history = HistoricalRecords()
    objects = ProtocolVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-approved_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["version"], name="protocol_version_once")]

    def __str__(self):
        return f"{self.title}, version {self.version}"


class ProtocolDeclaration(models.Model):
    """A person's signed declaration against one version of the protocol."""

    version = models.ForeignKey(
        ProtocolVersion, on_delete=models.PROTECT, related_name="declarations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="protocol_declarations"
    )
    signed_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-signed_at"]
        permissions = [("sign_protocol", "Must sign the Commissioner and Officer Protocol")]
        constraints = [
            models.UniqueConstraint(fields=["version", "person"], name="one_declaration_a_version")
        ]

    def __str__(self):
        return f"{self.person} signed {self.version}"
