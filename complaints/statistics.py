"""Complaints information for the transparency hub, the panel and the annual report: figures by
quarter of the financial year (1 April to 31 March), with no personal data.

Every figure is counted in the database, a few grouped queries whatever the number of cases;
only the decision target (working days, which SQL cannot count) is worked out here, from one
query of two dates per decided review.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Count, DateField, F, Q
from django.db.models.functions import TruncQuarter
from django.utils import timezone

from complaints.models import Complaint, ComplaintReview, ComplaintSubject, ReviewFinding
from complaints.models.reviews import REVIEW_REQUEST_PERIOD
from complaints.services.reviews import decision_due

SHOWN_QUARTERS = 8


def decide_target_days() -> int:
    """The office's local target for deciding a review, in working days (as decide_by uses)."""
    return getattr(settings, "REVIEW_DECIDE_WORKING_DAYS", 28)


@dataclass(frozen=True)
class Quarter:
    """A quarter of the financial year: Q1 is April to June, Q4 January to March."""

    start: date

    @property
    def end(self) -> date:
        return self.start + relativedelta(months=3) - timedelta(days=1)

    @property
    def financial_year(self) -> int:
        return self.start.year if self.start.month >= 4 else self.start.year - 1

    @property
    def number(self) -> int:
        return (self.start.month - 4) % 12 // 3 + 1

    @property
    def label(self) -> str:
        year = self.financial_year
        return f"Q{self.number} {year}/{(year + 1) % 100:02d}"

    @property
    def months(self) -> str:
        return f"{self.start:%B} to {self.end:%B %Y}"

    def previous(self) -> "Quarter":
        return Quarter(self.start - relativedelta(months=3))


def quarter_of(day: date) -> Quarter:
    # Financial quarters begin in April, July, October and January: the calendar's quarters.
    return Quarter(date(day.year, (day.month - 1) // 3 * 3 + 1, 1))


def latest_quarters(count: int = SHOWN_QUARTERS, today: date | None = None) -> list[Quarter]:
    """The quarter holding ``today`` and those before it, newest first."""
    quarter = quarter_of(today or timezone.localdate())
    quarters = [quarter]
    for _ in range(count - 1):
        quarter = quarter.previous()
        quarters.append(quarter)
    return quarters


def quarters_between(start: date, end: date) -> list[Quarter]:
    """The quarters from the one holding ``start`` to the one holding ``end``, oldest first."""
    quarters, quarter = [], quarter_of(start)
    while quarter.start <= end:
        quarters.append(quarter)
        quarter = Quarter(quarter.start + relativedelta(months=3))
    return quarters


@dataclass(frozen=True)
class QuarterFigures:
    quarter: Quarter
    reviews_received: int = 0
    reviews_in_time: int = 0
    reviews_decided: int = 0
    reviews_upheld: int = 0
    reviews_decided_within_target: int = 0
    complaints_about_pcc: int = 0
    complaints_about_deputy: int = 0
    chief_constable_complaints: int = 0
    chief_constable_referred_to_iopc: int = 0


CSV_HEADER = (
    "quarter",
    "first_day",
    "last_day",
    "reviews_received",
    "reviews_made_in_time",
    "reviews_decided",
    "reviews_upheld",
    "reviews_decided_within_target",
    "complaints_about_the_commissioner",
    "complaints_about_the_deputy",
    "complaints_about_the_chief_constable",
    "chief_constable_complaints_referred_to_the_iopc",
)


def csv_row(figures: QuarterFigures) -> tuple:
    return (
        figures.quarter.label,
        figures.quarter.start,
        figures.quarter.end,
        figures.reviews_received,
        figures.reviews_in_time,
        figures.reviews_decided,
        figures.reviews_upheld,
        figures.reviews_decided_within_target,
        figures.complaints_about_pcc,
        figures.complaints_about_deputy,
        figures.chief_constable_complaints,
        figures.chief_constable_referred_to_iopc,
    )


def _by_quarter(queryset, day_field: str, *group_by: str):
    return (
        queryset.order_by()
        .annotate(quarter=TruncQuarter(day_field, output_field=DateField()))
        .values("quarter", *group_by)
    )


def figures_for(quarters: list[Quarter]) -> list[QuarterFigures]:
    """The figures of each quarter, in the order given: four queries in all."""
    if not quarters:
        return []
    first = min(quarter.start for quarter in quarters)
    last = max(quarter.end for quarter in quarters)
    counts = {quarter.start: {} for quarter in quarters}

    def add(quarter_start, **values):
        if quarter_start in counts:
            for name, value in values.items():
                counts[quarter_start][name] = counts[quarter_start].get(name, 0) + value

    received = _by_quarter(
        ComplaintReview.objects.filter(request_received_on__range=(first, last)),
        "request_received_on",
    ).annotate(
        received=Count("id"),
        # Reg. 29(2): "28 days starting with the day after", as last_day_to_ask_for_review.
        in_time=Count(
            "id",
            filter=Q(request_received_on__lte=F("outcome_given_on") + REVIEW_REQUEST_PERIOD),
        ),
    )
    for row in received:
        add(row["quarter"], reviews_received=row["received"], reviews_in_time=row["in_time"])

    decided_reviews = ComplaintReview.objects.filter(decided_on__range=(first, last))
    decided = _by_quarter(decided_reviews, "decided_on").annotate(
        decided=Count("id"),
        upheld=Count("id", filter=Q(finding=ReviewFinding.NOT_REASONABLE)),
    )
    for row in decided:
        add(row["quarter"], reviews_decided=row["decided"], reviews_upheld=row["upheld"])
    # Counted by the days received and decided (the target depends on the day received only):
    # as many rows as such pairs, each target worked out once.
    pairs = (
        decided_reviews.order_by()
        .values_list("request_received_on", "decided_on")
        .annotate(n=Count("id"))
    )
    due = {}
    for received_on, decided_on, n in pairs:
        if received_on not in due:
            due[received_on] = decision_due(received_on)
        within = n if decided_on <= due[received_on] else 0
        add(quarter_of(decided_on).start, reviews_decided_within_target=within)

    complaints = _by_quarter(
        Complaint.objects.filter(received_on__range=(first, last)), "received_on", "subject"
    ).annotate(
        received=Count("id"),
        referred=Count("id", filter=Q(iopc_referred_on__isnull=False)),
    )
    for row in complaints:
        if row["subject"] == ComplaintSubject.PCC:
            add(row["quarter"], complaints_about_pcc=row["received"])
        elif row["subject"] == ComplaintSubject.DEPUTY:
            add(row["quarter"], complaints_about_deputy=row["received"])
        elif row["subject"] == ComplaintSubject.CHIEF_CONSTABLE:
            add(
                row["quarter"],
                chief_constable_complaints=row["received"],
                chief_constable_referred_to_iopc=row["referred"],
            )
    return [QuarterFigures(quarter, **counts[quarter.start]) for quarter in quarters]


def totals(figures: list[QuarterFigures]) -> dict:
    names = [name for name in QuarterFigures.__dataclass_fields__ if name != "quarter"]
    return {name: sum(getattr(row, name) for row in figures) for name in names}


def report_section(start: date, end: date) -> dict:
    """The annual report's section: the period's quarters and their totals."""
    figures = [
        row
        for row in figures_for(quarters_between(start, end))
        if start <= row.quarter.start <= end
    ]
    return {"start": start, "end": end, "figures": figures, "totals": totals(figures)}


def changes():
    """The latest day a review or complaint was received or a review decided."""
    from opcc.transparency import Latest

    reviews = ComplaintReview.objects.all()
    return [
        Latest(reviews, "request_received_on"),
        Latest(reviews, "decided_on"),
        Latest(Complaint.objects.all(), "received_on"),
    ]


def last_updated() -> date | None:
    """The day complaints information last changed (one query)."""
    from opcc.transparency import last_days

    return last_days({"complaints": changes()})["complaints"]
