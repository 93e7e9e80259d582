from datetime import date, timedelta

import pytest

from opcc.periods import (
    clear_days_before,
    days_beginning_with,
    days_starting_day_after,
    first_business_day_after,
    first_start_still_open,
    is_uk_working_day,
    is_working_day,
    last_day_whose_years_after_has_come,
    months_after,
    working_days_after,
    working_days_between,
    years_after,
)


@pytest.mark.parametrize(
    "start, count, expected",
    [
        ("2026-11-20", 1, "2026-11-23"),  # Friday + 1: the weekend is skipped
        ("2026-11-23", 5, "2026-11-30"),  # Monday + 5: the next Monday
        ("2026-12-24", 1, "2026-12-29"),  # Christmas, a weekend and Boxing Day (observed)
        ("2026-12-23", 2, "2026-12-29"),
        ("2027-03-25", 1, "2027-03-30"),  # Good Friday and Easter Monday 2027
        ("2026-08-28", 1, "2026-09-01"),  # the late summer bank holiday
        ("2026-11-23", 0, "2026-11-23"),
    ],
)
def test_working_days_after_skip_weekends_and_bank_holidays(start, count, expected):
    assert working_days_after(date.fromisoformat(start), count) == date.fromisoformat(expected)


def test_substitute_days_are_not_working_days():
    assert not is_working_day(date(2026, 12, 28))  # Boxing Day (observed)
    assert not is_working_day(date(2027, 12, 27))  # Christmas Day (observed)
    assert is_working_day(date(2026, 12, 29))


def test_working_days_between_counts_after_the_start_up_to_the_end():
    assert working_days_between(date(2026, 12, 24), date(2026, 12, 29)) == 1
    assert working_days_between(date(2026, 11, 23), date(2026, 11, 23)) == 0
    assert working_days_between(date(2026, 11, 23), date(2026, 11, 30)) == 5


def test_working_days_between_count_the_end_but_not_the_start_and_nothing_backwards():
    assert working_days_between(date(2027, 6, 11), date(2027, 6, 14)) == 1  # Friday to Monday
    assert working_days_between(date(2027, 6, 10), date(2027, 6, 11)) == 1  # the next day
    assert working_days_between(date(2027, 6, 14), date(2027, 6, 11)) == 0
    assert working_days_between(date(2027, 8, 27), date(2027, 8, 30)) == 0  # to a bank holiday


# --- "N days beginning with the day of X": X is day 1 ---------------------------------------


def test_days_beginning_with_count_the_day_itself_as_day_one():
    assert days_beginning_with(date(2027, 6, 1), 21) == date(2027, 6, 21)
    assert days_beginning_with(date(2027, 6, 1), 21) != date(2027, 6, 22)
    assert days_beginning_with(date(2027, 6, 1), 1) == date(2027, 6, 1)


# --- "N days starting with the day after X": the day after X is day 1 -------------------------


def test_days_starting_day_after_leave_the_day_itself_out():
    assert days_starting_day_after(date(2027, 6, 1), 28) == date(2027, 6, 29)
    assert days_starting_day_after(date(2027, 6, 1), 28) != date(2027, 6, 28)
    assert days_starting_day_after(date(2027, 6, 1), 1) == date(2027, 6, 2)


@pytest.mark.parametrize("count", [0, -1])
@pytest.mark.parametrize("period", [days_beginning_with, days_starting_day_after])
def test_a_period_of_days_has_at_least_one_day(period, count):
    with pytest.raises(ValueError):
        period(date(2027, 6, 1), count)


# --- "N months after X" and "N years after X": the corresponding date ---------------------------


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2027, 5, 31), 3, date(2027, 8, 31)),  # August has a 31st
        (date(2027, 11, 30), 3, date(2028, 2, 29)),  # no 30 February: its last day, leap year
        (date(2026, 11, 30), 3, date(2027, 2, 28)),  # and in a common year
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2027, 2, 28), 3, date(2027, 5, 28)),  # not the end of May: same date
    ],
)
def test_months_after_fall_on_the_corresponding_date_or_the_months_last_day(start, count, expected):
    assert months_after(start, count) == expected


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2024, 2, 29), 6, date(2030, 2, 28)),  # 29 February's anniversary in a common year
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2024, 3, 1), 6, date(2030, 3, 1)),
        (date(2024, 2, 28), 6, date(2030, 2, 28)),
    ],
)
def test_years_after_fall_on_the_anniversary(start, count, expected):
    assert years_after(start, count) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2030, 2, 28), date(2024, 2, 29)),  # 29 February's sixth anniversary is today
        (date(2030, 2, 27), date(2024, 2, 27)),
        (date(2030, 3, 1), date(2024, 3, 1)),
        (date(2032, 2, 29), date(2026, 2, 28)),
        (date(2032, 2, 28), date(2026, 2, 28)),
    ],
)
def test_the_last_day_whose_years_after_has_come_includes_todays_anniversaries(today, expected):
    assert last_day_whose_years_after_has_come(today, 6) == expected


@pytest.mark.parametrize("years", [1, 4, 6])
def test_the_last_day_whose_years_after_has_come_is_exactly_the_edge(years):
    today = date(2027, 1, 1)
    while today < date(2033, 1, 1):
        last = last_day_whose_years_after_has_come(today, years)
        assert years_after(last, years) <= today < years_after(last + timedelta(days=1), years)
        today += timedelta(days=1)


def test_the_first_start_still_open_is_the_day_after_the_last_period_to_have_ended():
    def three_months(start):
        return months_after(start, 3)

    # 28 February's three months ended on 28 May; 1 March's run to 1 June.
    assert first_start_still_open(date(2027, 5, 31), three_months) == date(2027, 3, 1)

    def twenty_one_days(start):
        return days_beginning_with(start, 21)

    # 1 June's 21 days end today, 21 June; 31 May's ended yesterday.
    assert first_start_still_open(date(2027, 6, 21), twenty_one_days) == date(2027, 6, 1)


# --- Working days: England and Wales, and any part of the United Kingdom -----------------------


def test_the_first_business_day_after_skips_weekends_and_bank_holidays():
    # Friday, then the weekend and the late summer bank holiday (Monday 30 August).
    assert first_business_day_after(date(2027, 8, 27)) == date(2027, 8, 31)
    assert first_business_day_after(date(2027, 6, 10)) == date(2027, 6, 11)  # Thursday: Friday
    # Christmas Day (Friday), the weekend and Boxing Day observed on Monday 28 December.
    assert first_business_day_after(date(2026, 12, 24)) == date(2026, 12, 29)


def test_the_first_business_day_after_a_business_day_is_never_that_day():
    assert first_business_day_after(date(2027, 6, 11)) == date(2027, 6, 14)  # Friday: Monday


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 11, 30),  # St Andrew's Day (Scotland)
        date(2027, 3, 17),  # St Patrick's Day (Northern Ireland)
        date(2027, 7, 12),  # Battle of the Boyne (Northern Ireland)
    ],
)
def test_a_bank_holiday_in_any_part_of_the_uk_is_not_a_uk_working_day(day):
    assert is_working_day(day)
    assert not is_uk_working_day(day)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2027, 8, 30), False),  # bank holiday in England and Wales
        (date(2026, 12, 25), False),  # Christmas Day
        (date(2027, 3, 26), False),  # Good Friday
        (date(2027, 6, 12), False),  # Saturday
        (date(2027, 6, 13), False),  # Sunday
        (date(2027, 6, 11), True),  # an ordinary Friday
    ],
)
def test_both_calendars_agree_on_weekends_and_england_and_wales_holidays(day, working):
    assert is_working_day(day) is working
    assert is_uk_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "england_and_wales", "any_part_of_uk"),
    [
        (date(2026, 11, 27), date(2026, 11, 30), date(2026, 12, 1)),  # over St Andrew's Day
        (date(2027, 3, 16), date(2027, 3, 17), date(2027, 3, 18)),  # over St Patrick's Day
        (date(2027, 7, 9), date(2027, 7, 12), date(2027, 7, 13)),  # over 12 July
    ],
)
def test_uk_working_days_after_skip_scottish_and_northern_irish_bank_holidays(
    start, england_and_wales, any_part_of_uk
):
    assert working_days_after(start, 1) == england_and_wales
    assert working_days_after(start, 1, is_working=is_uk_working_day) == any_part_of_uk


def test_the_nth_working_day_following_never_counts_the_day_itself():
    assert working_days_after(date(2027, 6, 7), 1) == date(2027, 6, 8)  # Monday: Tuesday
    assert working_days_after(date(2027, 6, 7), 5) == date(2027, 6, 14)  # and 5: next Monday


# --- "At least N clear days before X" -----------------------------------------------------------


def every_day(day):
    return True


def test_clear_days_before_leave_out_the_day_of_the_act_and_the_day_itself():
    # Clear days 5 to 9 June lie between Friday 4 June and Thursday 10 June.
    assert clear_days_before(date(2027, 6, 10), 5, is_clear=every_day) == date(2027, 6, 4)
    assert clear_days_before(date(2027, 6, 10), 1, is_clear=every_day) == date(2027, 6, 8)


def test_clear_working_days_before_skip_weekends_and_bank_holidays():
    # Thursday 10 June 2027: the clear working days are Thursday 3 to Wednesday 9 June.
    assert clear_days_before(date(2027, 6, 10), 5) == date(2027, 6, 2)
    # Tuesday 31 August: Monday 30 August is a bank holiday, so they run from Monday 23 August.
    assert clear_days_before(date(2027, 8, 31), 5) == date(2027, 8, 22)


@pytest.mark.parametrize("count", [0, -1])
def test_a_period_of_clear_days_has_at_least_one_day(count):
    with pytest.raises(ValueError):
        clear_days_before(date(2027, 6, 10), count)
