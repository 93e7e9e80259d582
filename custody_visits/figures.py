"""The scheme's performance figures for a period: visits per suite against target, when visits
were made, what happened to the detainees, and the findings and how fast they were resolved.

Only figures: no custody number, visitor or free text ever leaves this module, so what it
returns may go on a public page or into a public PDF. Everything is counted in the database, in
a fixed number of queries whatever the number of visits.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, ExtractHour, ExtractWeekDay

from custody_visits.models import (
    AGREED,
    CustodySuite,
    CustodyVisit,
    DetaineeOutcome,
    DetaineeRecord,
    Finding,
    FindingCategory,
    NotOfferedReason,
    Severity,
)

# Times of day by the hour of arrival: (label, first hour, hour after the last).
TIME_BANDS = (
    ("Midnight to 6am", 0, 6),
    ("6am to noon", 6, 12),
    ("Noon to 6pm", 12, 18),
    ("6pm to midnight", 18, 24),
)
# ExtractWeekDay counts 1 = Sunday to 7 = Saturday; the report reads Monday first.
WEEKDAYS = (
    (2, "Monday"),
    (3, "Tuesday"),
    (4, "Wednesday"),
    (5, "Thursday"),
    (6, "Friday"),
    (7, "Saturday"),
    (1, "Sunday"),
)


def months_in(start: date, end: date) -> int:
    """Calendar months the period touches: 3 for a quarter, 12 for a financial year."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


@dataclass(frozen=True)
class SuiteVisits:
    name: str
    is_open: bool
    visits: int
    target: int

    @property
    def met_target(self) -> bool:
        return self.visits >= self.target


@dataclass(frozen=True)
class ResolutionTimes:
    closed: int
    average_days: float | None
    median_days: float | None


@dataclass(frozen=True)
class VisitingFigures:
    start: date
    end: date
    suites: list[SuiteVisits]
    visits: int
    target: int
    times_of_day: list[tuple[str, int]]
    days_of_week: list[tuple[str, int]]
    detainees_in_custody: int
    detainees_visited: int
    detainees_declined: int
    detainees_not_offered: int
    not_offered_reasons: list[tuple[str, int]]
    juveniles_seen: int
    vulnerable_seen: int
    admissions_delayed: int
    delay_minutes_total: int
    findings: int
    findings_by_category: list[tuple[str, int]]
    findings_by_severity: list[tuple[str, int]]
    resolution: ResolutionTimes
    open_at_end: int

    @property
    def detainees_recorded(self) -> int:
        return self.detainees_visited + self.detainees_declined + self.detainees_not_offered

    @property
    def acceptance_percent(self) -> int | None:
        """Of the detainees offered a visit, the share who accepted, rounded."""
        offered = self.detainees_visited + self.detainees_declined
        return round(100 * self.detainees_visited / offered) if offered else None

    @property
    def average_delay_minutes(self) -> int | None:
        if not self.admissions_delayed:
            return None
        return round(self.delay_minutes_total / self.admissions_delayed)


def _median_of_counts(counts: list[tuple[int, int]], total: int) -> float:
    """The median of ``total`` values given as sorted (value, how many) pairs."""

    def nth(position: int) -> int:  # the value at 0-based ``position``
        seen = 0
        for value, n in counts:
            seen += n
            if position < seen:
                return value
        raise IndexError(position)

    middle = total // 2
    if total % 2:
        return nth(middle)
    return (nth(middle - 1) + nth(middle)) / 2


def visiting_figures(start: date, end: date) -> VisitingFigures:
    """The figures for visits made from ``start`` to ``end`` inclusive (6 queries). Only reports
    both visitors agreed (confirmed or reviewed) count: a submitted one may yet be sent back."""
    visits = CustodyVisit.objects.filter(status__in=AGREED, visited_on__range=(start, end))
    months = months_in(start, end)

    # Each suite's visits counted by a subquery on (suite, visited_on): a join with a filtered
    # count read every visit ever made.
    per_suite = visits.filter(suite=OuterRef("pk")).order_by().values("suite")
    per_suite = per_suite.annotate(n=Count("pk")).values("n")
    suite_rows = (
        CustodySuite.objects.annotate(
            made=Coalesce(Subquery(per_suite, output_field=IntegerField()), Value(0))
        )
        .filter(Q(is_open=True) | Q(made__gt=0))
        .order_by("name")
        .values_list("name", "is_open", "made", "visits_per_month_target")
    )
    # A closed suite has no target: its visits (before it closed) still count.
    suites = [
        SuiteVisits(name, is_open, made, target * months if is_open else 0)
        for name, is_open, made, target in suite_rows
    ]

    # Totals, and visits by hour of arrival and by weekday, in one grouped query: at most
    # 25 x 7 rows (the hour is None when the arrival time was not recorded).
    by_time = (
        visits.annotate(hour=ExtractHour("arrived_at"), weekday=ExtractWeekDay("visited_on"))
        .values_list("hour", "weekday")
        .annotate(
            n=Count("pk"),
            in_custody=Sum("detainees_in_custody"),
            delayed=Count("pk", filter=Q(admission_delayed=True)),
            delay_minutes=Sum("delay_minutes", filter=Q(admission_delayed=True)),
        )
        .order_by()
    )
    by_hour, by_weekday = Counter(), Counter()
    totals = Counter()
    for hour, weekday, n, in_custody, delayed, delay_minutes in by_time:
        if hour is not None:
            by_hour[hour] += n
        by_weekday[weekday] += n
        totals["in_custody"] += in_custody or 0
        totals["delayed"] += delayed
        totals["delay_minutes"] += delay_minutes or 0

    # What happened to the detainees, in one grouped query: at most 3 x 7 x 2 x 2 rows.
    detainee_groups = (
        DetaineeRecord.objects.filter(visit__in=visits)
        .values_list("outcome", "not_offered_reason", "is_juvenile", "is_vulnerable")
        .annotate(n=Count("pk"))
        .order_by()
    )
    outcomes, reasons = Counter(), Counter()
    for outcome, reason, is_juvenile, is_vulnerable, n in detainee_groups:
        outcomes[outcome] += n
        if outcome == DetaineeOutcome.VISITED:
            outcomes["juveniles"] += n if is_juvenile else 0
            outcomes["vulnerable"] += n if is_vulnerable else 0
        elif outcome == DetaineeOutcome.NOT_OFFERED:
            reasons[reason] += n

    # Findings made on the period's visits, by category and severity in one grouped query.
    by_kind = list(
        Finding.objects.filter(visit__in=visits)
        .values_list("category", "severity")
        .annotate(n=Count("pk"))
        .order_by()
    )
    categories = dict.fromkeys(FindingCategory.values, 0)
    severities = dict.fromkeys(Severity.values, 0)
    for category, severity, n in by_kind:
        categories[category] += n
        severities[severity] += n

    # Time to resolve: findings closed in the period, from raised with the inspector to closed,
    # counted by the days waited (one grouped query; a median cannot be taken portably in SQL,
    # but it can be read off these counts, whose number is bounded by the days, not the rows).
    waited = ExpressionWrapper(F("closed_on") - F("raised_on"), output_field=DurationField())
    waits = sorted(
        (wait.days, n)
        for wait, n in Finding.objects.filter(
            closed_on__range=(start, end), raised_on__isnull=False
        )
        .annotate(waited=waited)
        .values_list("waited")
        .annotate(n=Count("pk"))
        .order_by()
    )
    closed = sum(n for _, n in waits)
    open_at_end = (
        Finding.objects.filter(visit__status__in=AGREED, visit__visited_on__lte=end)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=end))
        .count()
    )

    return VisitingFigures(
        start=start,
        end=end,
        suites=suites,
        visits=sum(suite.visits for suite in suites),
        target=sum(suite.target for suite in suites),
        times_of_day=[
            (label, sum(by_hour.get(hour, 0) for hour in range(first, last)))
            for label, first, last in TIME_BANDS
        ],
        days_of_week=[(label, by_weekday.get(number, 0)) for number, label in WEEKDAYS],
        detainees_in_custody=totals["in_custody"],
        detainees_visited=outcomes[DetaineeOutcome.VISITED],
        detainees_declined=outcomes[DetaineeOutcome.DECLINED],
        detainees_not_offered=outcomes[DetaineeOutcome.NOT_OFFERED],
        not_offered_reasons=[
            (label, reasons.get(value, 0)) for value, label in NotOfferedReason.choices
        ],
        juveniles_seen=outcomes["juveniles"],
        vulnerable_seen=outcomes["vulnerable"],
        admissions_delayed=totals["delayed"],
        delay_minutes_total=totals["delay_minutes"],
        findings=sum(n for _, _, n in by_kind),
        findings_by_category=[
            (label, categories[value]) for value, label in FindingCategory.choices
        ],
        findings_by_severity=[(label, severities[value]) for value, label in Severity.choices],
        resolution=ResolutionTimes(
            closed=closed,
            average_days=round(sum(days * n for days, n in waits) / closed, 1) if closed else None,
            median_days=_median_of_counts(waits, closed) if closed else None,
        ),
        open_at_end=open_at_end,
    )
