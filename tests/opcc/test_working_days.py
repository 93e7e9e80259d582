from datetime import date

import pytest

from opcc.working_days import is_working_day, working_days_after, working_days_between


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
