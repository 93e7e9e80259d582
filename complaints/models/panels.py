"""Misconduct hearing panels: the pool of legally qualified chairs and independent members, and
panels chosen from it in fair rotation."""

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class PanelMemberKind(models.TextChoices):
    LEGALLY_QUALIFIED_CHAIR = "lqc", "Legally qualified chair"
    INDEPENDENT_MEMBER = "independent", "Independent member"


class PanelMember(models.Model):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=PanelMemberKind.choices)
    appointed_until = models.DateField()
    active = models.BooleanField(default=True)
    conflicts = models.TextField(
        "declared conflicts", blank=True,
        help_text="Officers or matters the member must not sit on, one per line.",
    )  # fmt: skip
    last_selected_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        indexes = [models.Index(fields=["kind", "active", "last_selected_at"])]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"


class HearingKind(models.TextChoices):
    MISCONDUCT_HEARING = "misconduct_hearing", "Misconduct hearing"
    POLICE_APPEALS_TRIBUNAL = "appeals_tribunal", "Police Appeals Tribunal"


class Hearing(models.Model):
    kind = models.CharField(max_length=20, choices=HearingKind.choices)
    held_on = models.DateField()
    officer = models.CharField(
        "officer concerned", max_length=200, help_text="Used to skip members with a conflict."
    )
    outcome = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    members = models.ManyToManyField(PanelMember, through="HearingSeat", related_name="hearings")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.held_on}"


class HearingSeat(models.Model):
    hearing = models.ForeignKey(Hearing, on_delete=models.PROTECT, related_name="seats")
    member = models.ForeignKey(PanelMember, on_delete=models.PROTECT, related_name="seats")
    chosen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["hearing", "member"], name="one_seat_per_member")
        ]

    def __str__(self):
        return f"{self.member} at {self.hearing}"
