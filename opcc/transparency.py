"""The transparency hub: every category of the Elected Local Policing Bodies (Specified
Information) Order 2011, as amended 2021, mapped to the live page that publishes it.

The categories are fixed here; the apps say which page publishes each by registering a
``TransparencySource`` (opcc.registry.transparency_sources).
"""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.db.models import CharField, DateField, DateTimeField, Max, QuerySet, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from opcc import public_cache
from opcc.periods import months_after
from opcc.registry import transparency_sources


class RefreshPeriod(models.TextChoices):
    MONTHLY = "monthly", "Every month"
    QUARTERLY = "quarterly", "Every quarter"
    YEARLY = "yearly", "Every year"
    ON_CHANGE = "on_change", "When it changes"


_PERIOD_MONTHS = {
    RefreshPeriod.MONTHLY: 1,
    RefreshPeriod.QUARTERLY: 3,
    RefreshPeriod.YEARLY: 12,
}


@dataclass(frozen=True)
class Category:
    key: str
    title: str
    description: str
    refresh: RefreshPeriod


# Schedule to the 2011 Order (SI 2011/3050), as amended by SI 2021/1066.
CATEGORIES = (
    Category(
        "office-holders",
        "Office holders",
        "Name, salary, allowances and expenses of the Commissioner and Deputy, and complaints "
        "brought to their attention.",
        RefreshPeriod.ON_CHANGE,
    ),
    Category(
        "registers-of-interests",
        "Registers of interests",
        "Disclosable interests of the Commissioner, Deputy and senior staff.",
        RefreshPeriod.ON_CHANGE,
    ),
    Category(
        "gifts-and-hospitality",
        "Gifts and hospitality",
        "Offers of gifts and hospitality, accepted and declined.",
        RefreshPeriod.QUARTERLY,
    ),
    Category(
        "staff",
        "Staff of the office",
        "Headcount, equality proportions and the organisation chart.",
        RefreshPeriod.YEARLY,
    ),
    Category(
        "senior-salaries",
        "Senior employees",
        "Senior employees by name or post, with salary bands.",
        RefreshPeriod.YEARLY,
    ),
    Category(
        "budget-and-precept",
        "Budget and precept",
        "The budget, the precept and the medium-term financial plan.",
        RefreshPeriod.YEARLY,
    ),
    Category(
        "grants",
        "Grants",
        "Grants made by the Commissioner, with recipient, amount and purpose.",
        RefreshPeriod.QUARTERLY,
    ),
    Category(
        "spending",
        "Spending over £500",
        "Each item of expenditure over £500.",
        RefreshPeriod.MONTHLY,
    ),
    Category(
        "premises",
        "Premises and land",
        "Property owned or occupied by the Commissioner.",
        RefreshPeriod.YEARLY,
    ),
    Category(
        "contracts",
        "Contracts over £10,000 and invitations to tender",
        "Contracts and tenders worth more than £10,000.",
        RefreshPeriod.QUARTERLY,
    ),
    Category(
        "other-contracts",
        "Other contracts",
        "The list of contracts worth £10,000 or less.",
        RefreshPeriod.QUARTERLY,
    ),
    Category(
        "decisions",
        "Decisions of significant public interest",
        "Signed decisions, with the reasons for them.",
        RefreshPeriod.ON_CHANGE,
    ),
    Category(
        "forward-plan",
        "Forward plan of decisions",
        "Decisions the Commissioner expects to make in the coming months.",
        RefreshPeriod.ON_CHANGE,
    ),
    Category(
        "statutory-reports",
        "Monitoring Officer and section 114 reports",
        "Redacted versions of statutory reports to the Commissioner.",
        RefreshPeriod.ON_CHANGE,
    ),
    Category(
        "meetings",
        "Public meetings",
        "Agendas, reports and minutes of meetings open to the public.",
        RefreshPeriod.MONTHLY,
    ),
    Category(
        "policies",
        "Policies and procedures",
        "The office's policies, including its complaints and whistleblowing procedures.",
        RefreshPeriod.YEARLY,
    ),
    Category(
        "custody-visiting",
        "Independent custody visiting",
        "How the scheme works, and its reports.",
        RefreshPeriod.QUARTERLY,
    ),
    Category(
        "police-and-crime-plan",
        "Police and Crime Plan and annual report",
        "The plan, progress against it and the annual report.",
        RefreshPeriod.YEARLY,
    ),
    Category(
        "policing-priorities",
        "National policing priorities",
        "The statement on the contribution to the national priorities for policing.",
        RefreshPeriod.QUARTERLY,
    ),
    Category(
        "hmicfrs",
        "HMICFRS reports and responses",
        "The latest PEEL report and the Commissioner's responses to inspections.",
        RefreshPeriod.ON_CHANGE,
    ),
    Category(
        "complaints-information",
        "Complaints information",
        "IOPC complaints data, how the Commissioner holds the Chief Constable to account for "
        "complaint handling, and the self-assessment as review body.",
        RefreshPeriod.QUARTERLY,
    ),
)


@dataclass(frozen=True)
class HubRow:
    category: Category
    url: str
    last_updated: date | None
    is_overdue: bool
    # Documents the office published by hand for a category an app also publishes.
    documents_url: str | None = None
    documents_count: int = 0

    @property
    def is_published(self) -> bool:
        return self.last_updated is not None


def is_overdue(refresh: RefreshPeriod, last_updated: date | None, today: date) -> bool:
    """A category is overdue when a whole refresh period has passed since its last update."""
    if last_updated is None or refresh == RefreshPeriod.ON_CHANGE:
        return False
    # The office's refresh target: "Every month", "Every quarter", "Every year" after an update
    return months_after(last_updated, _PERIOD_MONTHS[refresh]) < today


def latest_publications() -> dict[str, tuple[date, int]]:
    """Each category's latest hand-published entry and how many there are: one query."""
    from django.db.models import Count, Max

    from opcc.models import TransparencyPublication

    rows = (
        TransparencyPublication.objects.published()
        .order_by()
        .values("category")
        .annotate(latest=Max("published_on"), count=Count("id"))
    )
    return {row["category"]: (row["latest"], row["count"]) for row in rows}


@dataclass(frozen=True)
class Latest:
    """One place a category's changes are recorded: the latest ``field`` (a date or a moment,
    through relations if need be) over ``queryset``."""

    queryset: QuerySet
    field: str


def _latest_row(key: str, latest: Latest) -> QuerySet:
    """``latest`` as one row (key, moment, day): a moment column for datetime fields and a day
    column for date fields, so the rows of every source can be read in one UNION ALL."""
    row = latest.queryset.order_by().values(key=Value(key, CharField()))
    row = row.annotate(latest=Max(latest.field))
    if isinstance(row.query.annotations["latest"].output_field, DateTimeField):
        row = row.annotate(day=Cast(None, DateField())).values_list("key", "latest", "day")
    else:
        row = row.annotate(moment=Cast(None, DateTimeField())).values_list(
            "key", "moment", "latest"
        )
    return row


def last_days(changes: dict[str, list]) -> dict[str, date | None]:
    """The day each key last changed, from its Latest items (and fixed dates), in one query."""
    days: dict[str, date | None] = dict.fromkeys(changes)
    rows, found = [], []
    for key, items in changes.items():
        for item in items:
            if isinstance(item, date):
                found.append((key, None, item))
            else:
                rows.append(_latest_row(key, item))
    if rows:
        found.extend(rows[0].union(*rows[1:], all=True))
    for key, moment, day in found:
        day = timezone.localdate(moment) if moment else day
        if day and (days[key] is None or day > days[key]):
            days[key] = day
    return days


def last_updates() -> tuple[dict[str, tuple[date, int]], dict[str, date | None]]:
    """What was published by hand in each category, and when each app's page last changed:
    two queries. Public facts, the same for every viewer, so the hub, the dashboard and the
    publishing page share one cached copy (dropped whenever any record changes)."""
    sources = {
        category.key: source.changes()
        for category in CATEGORIES
        if (source := transparency_sources.get(category.key)) is not None
    }
    return latest_publications(), last_days(sources)


def hub_rows(today: date | None = None) -> list[HubRow]:
    """One row per category: the live page that publishes it (an app's, or else the page of
    what the office published by hand), when it was last updated, and whether that is overdue."""
    today = today or timezone.localdate()
    by_hand, updated = public_cache.shared(
        # The sources registered now (a test may swap one in) are part of what is kept.
        "transparency-hub-dates",
        sorted((key, id(source)) for key, source in transparency_sources.entries.items()),
        last_updates,
    )
    rows = []
    for category in CATEGORIES:
        source = transparency_sources.get(category.key)
        own_page = reverse("transparency_category", args=[category.key])
        latest, count = by_hand.get(category.key, (None, 0))
        if source is None:
            url, last_updated = own_page, latest
        else:
            url = reverse(source.url_name)
            last_updated = max(filter(None, (updated[category.key], latest)), default=None)
        rows.append(
            HubRow(
                category,
                url,
                last_updated,
                is_overdue(category.refresh, last_updated, today),
                documents_url=own_page if source is not None and count else None,
                documents_count=count if source is not None else 0,
            )
        )
    return rows


def category(key: str) -> Category | None:
    return next((category for category in CATEGORIES if category.key == key), None)
