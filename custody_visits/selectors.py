"""What other apps may read of custody visiting (DESIGN.md: through selectors only)."""

from django.utils import timezone

from custody_visits.models import Finding, FindingStatus, VisitStatus

FILED = (VisitStatus.CONFIRMED, VisitStatus.REVIEWED)


def open_findings_count() -> int:
    """Findings of confirmed reports not yet closed."""
    return (
        Finding.objects.filter(visit__status__in=FILED).exclude(status=FindingStatus.CLOSED).count()
    )


def overdue_findings_count(today=None) -> int:
    today = today or timezone.localdate()
    return Finding.objects.filter(visit__status__in=FILED).overdue(today).count()


def recent_findings(limit: int = 10):
    """The latest findings of confirmed reports, with their suite: for the scrutiny forward
    plan. Holds no detainee data."""
    return (
        Finding.objects.filter(visit__status__in=FILED)
        .select_related("visit__suite")
        .order_by("-visit__visited_on", "-id")[:limit]
    )
