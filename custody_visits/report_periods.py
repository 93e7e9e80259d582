"""The periods the scheme reports on: quarters of the financial year (Q1 is April to June) and
the financial year itself (1 April to 31 March)."""

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.db import models
from django.utils import timezone

FIRST_FINANCIAL_YEAR = 2012  # PCCs, and their custody visiting schemes, began in November 2012


class ReportKind(models.TextChoices):
    QUARTERLY = "quarterly", "Quarterly performance report"
    ANNUAL = "annual", "Annual report"


def financial_year_of(day: date) -> int:
    """The year a financial year begins in: 2026 means 1 April 2026 to 31 March 2027."""
    return day.year if day.month >= 4 else day.year - 1


def year_label(financial_year: int) -> str:
    return f"{financial_year}/{(financial_year + 1) % 100:02d}"


@dataclass(frozen=True)
class ReportingPeriod:
    kind: str
    financial_year: int
    quarter: int | None = None  # 1 to 4 for a quarterly report, None for the annual report

    def __post_init__(self):
        if self.kind == ReportKind.QUARTERLY and self.quarter not in (1, 2, 3, 4):
            raise ValueError("A quarterly report needs a quarter from 1 to 4")
        if self.kind == ReportKind.ANNUAL and self.quarter is not None:
            raise ValueError("An annual report covers the whole year, not a quarter")

    @classmethod
    def of(cls, kind: str, start: date) -> "ReportingPeriod":
        """The period of ``kind`` that begins on ``start`` (as a saved report holds it)."""
        year = financial_year_of(start)
        if kind == ReportKind.ANNUAL:
            return cls(kind, year)
        return cls(kind, year, (start.month - 4) % 12 // 3 + 1)

    @property
    def start(self) -> date:
        if self.kind == ReportKind.ANNUAL:
            return date(self.financial_year, 4, 1)
        return date(self.financial_year, 4, 1) + relativedelta(months=3 * (self.quarter - 1))

    @property
    def end(self) -> date:
        return self.start + relativedelta(months=self.months) - timedelta(days=1)

    @property
    def months(self) -> int:
        return 12 if self.kind == ReportKind.ANNUAL else 3

    @property
    def label(self) -> str:
        if self.kind == ReportKind.ANNUAL:
            return year_label(self.financial_year)
        return f"Q{self.quarter} {year_label(self.financial_year)}"

    @property
    def title(self) -> str:
        if self.kind == ReportKind.ANNUAL:
            return f"Custody visiting annual report {self.label}"
        return f"Custody visiting quarterly performance report {self.label}"

    @property
    def dates(self) -> str:
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"

    def has_begun(self, today: date | None = None) -> bool:
        return self.start <= (today or timezone.localdate())


def last_complete_quarter(today: date | None = None) -> ReportingPeriod:
    """The most recent quarter that has ended by ``today``."""
    today = today or timezone.localdate()
    day = today - relativedelta(months=3)
    return ReportingPeriod.of(ReportKind.QUARTERLY, date(day.year, (day.month - 1) // 3 * 3 + 1, 1))


def last_complete_year(today: date | None = None) -> ReportingPeriod:
    return ReportingPeriod(ReportKind.ANNUAL, financial_year_of(today or timezone.localdate()) - 1)
