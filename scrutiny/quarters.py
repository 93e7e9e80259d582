"""Quarters of the financial year (1 April to 31 March), as the Plan and the panel's quarterly
report count them: Q1 is April to June, Q4 January to March."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta


def quarter_start(day: date) -> date:
    """The first day of the calendar quarter holding ``day`` (financial quarters share them)."""
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def quarter_end(start: date) -> date:
    return start + relativedelta(months=3) - timedelta(days=1)


def financial_year_of(start: date) -> int:
    return start.year if start.month >= 4 else start.year - 1


def quarter_label(start: date) -> str:
    """``Q3 2026/27`` for the quarter beginning 1 October 2026."""
    year = financial_year_of(start)
    number = (start.month - 4) % 12 // 3 + 1
    return f"Q{number} {year}/{(year + 1) % 100:02d}"


def previous_quarters(start: date, count: int) -> list[date]:
    """``count`` quarters ending with the one beginning ``start``, oldest first."""
    return [start - relativedelta(months=3 * n) for n in range(count - 1, -1, -1)]
