"""Every statutory period and office target, counted one way per kind of wording.

Each function is named for the words a statute uses, and each call site quotes those words
beside the call (README "Statutory clocks" lists them all). The two kinds of "N days" differ
by one day, and that day is the whole point:

- "N days beginning with the day on which X": the day of X is day 1 (last day X + N - 1).
- "N days starting with the day after X": the day after X is day 1 (last day X + N).

Calendar months and years follow the corresponding-date rule ("3 months after 31 May" is 31
August; "3 months after 30 November" is the last day of February), and "at least N clear days
before X" leaves out both the day of the act and the day of X.

Working days come from the maintained `holidays` package, never a hand-kept list, in two
calendars named for what they are: England and Wales (business days under LGFA 1988 s.115(12)
and LGHA 1989 s.5(8), and the office's own targets), and any part of the United Kingdom
(FOI Act 2000 s.10(6), which counts Scottish and Northern Irish bank holidays too).
"""

from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta


@lru_cache(maxsize=64)
def _england_and_wales_holidays(year: int) -> frozenset[date]:
    # England and Wales share their bank holidays (Banking and Financial Dealings Act 1971);
    # the package includes Christmas Day and Good Friday, and substitute days.
    return frozenset(holidays.UK(subdiv="ENG", years=year))


@lru_cache(maxsize=64)
def _any_part_of_uk_holidays(year: int) -> frozenset[date]:
    days: set[date] = set()
    for part in ("ENG", "WLS", "SCT", "NIR"):
        days |= set(holidays.UK(subdiv=part, years=year))
    return frozenset(days)


def is_working_day(day: date) -> bool:
    """A day other than a Saturday, a Sunday, Christmas Day, Good Friday or a bank holiday in
    England and Wales: LGFA 1988 s.115(12)'s and LGHA 1989 s.5(8)'s "business day", and the
    office's working day."""
    return day.weekday() < 5 and day not in _england_and_wales_holidays(day.year)


def is_uk_working_day(day: date) -> bool:
    """FOI Act 2000 s.10(6): not a Saturday, Sunday, Christmas Day, Good Friday or a bank
    holiday "in any part of the United Kingdom"."""
    return day.weekday() < 5 and day not in _any_part_of_uk_holidays(day.year)


def days_beginning_with(day: date, count: int) -> date:
    """The last day of "the period of ``count`` days beginning with" ``day``: ``day`` is day 1."""
    if count < 1:
        raise ValueError("A period has at least one day")
    return day + timedelta(days=count - 1)


def days_starting_day_after(day: date, count: int) -> date:
    """The last day of "``count`` days starting with the day after" ``day``."""
    if count < 1:
        raise ValueError("A period has at least one day")
    return day + timedelta(days=count)


def working_days_after(
    day: date, count: int, *, is_working: Callable[[date], bool] = is_working_day
) -> date:
    """ "The ``count``-th working day following" ``day`` (``day`` itself is never counted), e.g.
    the last day of "within 5 working days of receipt"."""
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working(day):
            remaining -= 1
    return day


def first_business_day_after(day: date) -> date:
    """ "The first business day to fall after" ``day`` (LGFA 1988 s.115(9)(b)), or "the first
    business day after the day" (LGHA 1989 s.5(6)): England and Wales business days."""
    return working_days_after(day, 1)


def months_after(day: date, count: int) -> date:
    """ "``count`` months after" ``day``: the same date ``count`` months on, or the month's last
    day when it has no such date (31 May + 3 months = 31 August; 30 November + 3 = 28 or 29
    February), the corresponding-date rule the courts apply to calendar months."""
    return day + relativedelta(months=count)


def first_start_still_open(today: date, last_day: Callable[[date], date]) -> date:
    """The earliest start whose period (ending on ``last_day(start)``) still runs on ``today``:
    a period that started before it has ended. For a database filter ("started before X" is
    overdue), since periods in months cannot be subtracted back exactly (28 February + 3 months
    is 28 May, yet 31 May - 3 months is 28 February)."""
    start = today
    while last_day(start - timedelta(days=1)) >= today:
        start -= timedelta(days=1)
    return start


def years_after(day: date, count: int) -> date:
    """ "``count`` years after" ``day``: its anniversary ``count`` years on, 29 February's on 28
    February in a common year (the corresponding-date rule, as ``months_after`` with 12 months a
    year)."""
    return months_after(day, 12 * count)


def last_day_whose_years_after_has_come(today: date, count: int) -> date:
    """The latest day X for which "``count`` years after" X (``years_after``) is ``today`` or
    earlier, so that ``X <= this`` finds every such X in a database filter. Not plain subtraction:
    on 28 February 2030, 29 February 2024 qualifies (its sixth anniversary is that day)."""
    day = today - relativedelta(years=count)
    # Only 28 and 29 February share an anniversary, so at most the one day after can qualify too.
    following = day + timedelta(days=1)
    return following if years_after(following, count) <= today else day


def clear_days_before(
    day: date, count: int, *, is_clear: Callable[[date], bool] = is_working_day
) -> date:
    """The last day on which something may be done "at least ``count`` clear days before"
    ``day``: neither that day nor ``day`` itself counts, and of the days between only those
    ``is_clear`` accepts do (working days unless the caller says otherwise)."""
    if count < 1:
        raise ValueError("A period has at least one day")
    clear = 0
    while clear < count:
        day -= timedelta(days=1)
        clear += is_clear(day)
    return day - timedelta(days=1)


def working_days_between(start: date, end: date) -> int:
    """How many England and Wales working days fall after ``start`` up to and including ``end``."""
    if end <= start:
        return 0
    return sum(is_working_day(start + timedelta(days=n)) for n in range(1, (end - start).days + 1))
