"""What the seeders share to bulk-create benchmark rows (``seed_demo --scale N``).

Benchmark rows are made with ``bulk_create`` (no history, no notifications), so that a
hundred thousand decisions load in seconds. Each row is a pure function of its kind and its
index ``n``: the same command gives the same data on every run (dates count back from today),
and a row that is missing is the only one made, so running it twice adds nothing. Rows with an
unguessable ``code`` get one derived from (kind, n); the others carry a marker their seeder counts.

The proportions of ``--scale N`` (N published decisions) live here, in one place, and are
documented in the command's help and the README.
"""

import uuid
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.utils import timezone

BATCH_SIZE = 2000
YEARS = 10
DAYS = 3652  # ten years of days, so year filters and ordering have something to work on
# A prime with no factor in common with DAYS: consecutive rows land far apart over ten years.
STRIDE = 7919
NAMESPACE = uuid.UUID("6f1c3e0a-5c1d-4d0e-9b7a-2f0c0b9e8a11")

# For N published decisions, how many of each other kind: N // divisor.
PROPORTIONS = {
    "decisions": 1,
    "complaints": 2,
    "complaint_reviews": 10,
    "custody_visits": 5,
    "meetings": 50,  # each with five agenda items (one confidential) and two actions
    "gift_offers": 10,  # the three registers: N/5 entries in all
    "interests": 20,
    "contracts": 20,
    "horizon_scan_entries": 100,
    "outbox_messages": 10,  # delivered, for the outbox's sweeper to pass over
}


def share(scale: int, kind: str) -> int:
    """How many benchmark rows of ``kind`` ``--scale scale`` asks for."""
    return scale // PROPORTIONS[kind]


def code_for(kind: str, n: int) -> uuid.UUID:
    """The fixed code of the ``n``-th benchmark row of ``kind``."""
    return uuid.uuid5(NAMESPACE, f"{kind}:{n}")


def missing(model, kind: str, count: int) -> list[int]:
    """The indexes in ``range(count)`` whose row of ``kind`` is not in ``model`` yet."""
    if not count:
        return []
    existing = set(model.objects.values_list("code", flat=True))
    return [n for n in range(count) if code_for(kind, n) not in existing]


def mix(n: int, salt: int, choices: int) -> int:
    """A well-spread, repeatable choice among ``choices`` for row ``n`` (no random module)."""
    return ((n + 1) * 2654435761 + salt * 40503) % 4294967296 % choices


def pick(n: int, salt: int, options):
    return options[mix(n, salt, len(options))]


def days_ago(n: int) -> int:
    """How old row ``n`` is: one day to ten years, evenly spread over the rows."""
    return 1 + (n * STRIDE) % DAYS


def day_of(n: int, today: date) -> date:
    return today - timedelta(days=days_ago(n))


def moment(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def last_night(today: date) -> datetime:
    """When the nightly tasks (anonymising, reminders) last ran: a fixed moment, unlike now."""
    return moment(today - timedelta(days=1), 2)


def create(model, rows: Iterable, batch_size: int = BATCH_SIZE) -> list:
    """Bulk-create ``rows`` in batches; returns them with their primary keys set."""
    return model.objects.bulk_create(list(rows), batch_size=batch_size)


def last_numbers(references: Iterable[str], separator: str) -> dict[int, int]:
    """The last number used each year among references like ``2026/017`` or ``C-2026-0042``."""
    last: dict[int, int] = {}
    for reference in references:
        *head, number = reference.rsplit(separator, 1)
        year = int(head[0][-4:])
        last[year] = max(last.get(year, 0), int(number))
    return last
