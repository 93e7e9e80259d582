"""The statutory reports' clocks, each at both edges, through the service and the pages.

LGFA 1988 s.115(1D): 21 days "beginning with the day on which copies of the report are sent";
LGHA 1989 s.5(5)(a)(i): "no later than three months after the body is sent a copy"; the bar
lasts to the end of "the first business day" after consideration (s.115(9), s.5(6)).
"""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import ReportGround, ReportKind, ReportOutcome, StatutoryReport
from governance.services import reports as services
from opcc.roles import Role
from tests.governance.statutory_helpers import at, consider, issue, mo_report, section_114_3

pytestmark = pytest.mark.django_db


def overdue_titles(day: str):
    return set(
        StatutoryReport.objects.overdue(date.fromisoformat(day)).values_list("title", flat=True)
    )


def test_cfo_report_consideration_is_due_21_days_beginning_with_the_sending_day(people):
    report = section_114_3(people)  # Tuesday 1 June 2027: day 1
    assert report.due_on == date(2027, 6, 21)
    assert report.title not in overdue_titles("2027-06-21")  # the last day is still in time
    assert report.title in overdue_titles("2027-06-22")


def test_mo_report_consideration_is_due_three_months_after_the_copy_is_sent(people):
    report = mo_report(people)
    assert report.due_on == date(2027, 9, 1)
    assert report.title not in overdue_titles("2027-09-01")
    assert report.title in overdue_titles("2027-09-02")


def test_a_report_sent_at_a_months_end_is_due_at_the_end_of_the_shorter_month(people):
    """30 November 2026 + three months has no 30 February: the period ends on 28 February."""
    report = mo_report(people, on="2026-11-30")
    assert report.due_on == date(2027, 2, 28)
    assert report.title not in overdue_titles("2027-02-28")
    assert report.title in overdue_titles("2027-03-01")


def test_months_are_counted_forwards_not_back(people):
    """28 February + 3 months is 28 May, so on 29 May it is overdue, though 29 May less three
    months is 28 February itself (a subtraction would say 'not yet')."""
    report = mo_report(people, on="2027-02-28")
    assert report.due_on == date(2027, 5, 28)
    assert report.title in overdue_titles("2027-05-29")


def test_overdue_reminders_go_out_the_day_after_the_last_day_not_on_it(people):
    section_114_3(people)
    assert services.send_overdue_reminders(date(2027, 6, 21)) == 0
    assert services.send_overdue_reminders(date(2027, 6, 22)) == 1


def test_the_panel_copy_gives_the_last_day_and_the_statutes_words(people):
    report = section_114_3(people)
    from opcc.models import OutboundMessage

    copy = OutboundMessage.objects.filter(kind="statutory_report_panel_copy", object_id=report.pk)
    body = copy.first().body_text
    assert "by 21 June 2027" in body
    assert "21 days beginning with the day on which copies of the report are sent" in body


def test_the_report_page_and_the_dashboard_give_the_same_last_day(people, client_for):
    report = mo_report(people)
    with at("2027-06-02"):
        page = client_for(Role.PCC).get(report.get_absolute_url()).content.decode()
        dashboard = client_for(Role.PCC).get(reverse("dashboard")).content.decode()
    assert "1 September 2027" in page
    assert "three months after the body is sent a copy of the report" in page
    assert "due 1 September 2027" in dashboard


def test_prohibition_period_ends_with_the_first_business_day_after_consideration(people):
    report = section_114_3(people)
    report = consider(people, report, on="2027-06-10")  # Thursday
    assert report.bar_ends_on == date(2027, 6, 11)  # Friday
    assert report in StatutoryReport.objects.prohibition_periods(date(2027, 6, 11))
    assert report not in StatutoryReport.objects.prohibition_periods(date(2027, 6, 12))


def test_prohibition_period_skips_the_weekend_and_a_bank_holiday(people):
    report = consider(people, section_114_3(people, on="2027-08-02"), on="2027-08-27")  # a Friday
    assert report.bar_ends_on == date(2027, 8, 31)  # Monday 30 August is a bank holiday
    assert report in StatutoryReport.objects.prohibition_periods(date(2027, 8, 31))
    assert report not in StatutoryReport.objects.prohibition_periods(date(2027, 9, 1))


def test_prohibition_period_begins_with_the_sending_day(people):
    report = section_114_3(people)
    assert report not in StatutoryReport.objects.prohibition_periods(date(2027, 5, 31))
    assert report in StatutoryReport.objects.prohibition_periods(date(2027, 6, 1))


def test_prohibition_period_does_not_end_when_consideration_is_late(people):
    """s.115(9)(b) "(if any)" and s.115(10): missing the 21 days does not end the period."""
    report = section_114_3(people)
    assert report in StatutoryReport.objects.prohibition_periods(date(2027, 12, 1))


def test_mo_suspension_lasts_until_the_end_of_the_first_business_day_after_consideration(
    people,
):
    report = consider(people, mo_report(people), on="2027-12-24")  # Friday, Christmas Eve
    # Christmas Day and Boxing Day fall at the weekend: Monday 27 and Tuesday 28 December are
    # the substitute bank holidays, so the first business day after is Wednesday 29th.
    assert report.bar_ends_on == date(2027, 12, 29)
    assert report.bars_on(date(2027, 12, 29))
    assert not report.bars_on(date(2027, 12, 30))


def test_a_section_114_2_report_bars_its_conduct_but_sets_no_spending_bar(people):
    report = issue(
        people, kind=ReportKind.CHIEF_FINANCE_OFFICER, ground=ReportGround.UNLAWFUL_EXPENDITURE
    )
    assert report.section == "Local Government Finance Act 1988 s.114(2)"
    assert report.bars_on(date(2027, 6, 1))
    assert report not in StatutoryReport.objects.prohibition_periods(date(2027, 6, 1))


def test_the_sending_day_is_the_day_in_england_even_late_on_a_summer_evening(people):
    """Issued at 23:30 British Summer Time on 1 June (22:30 UTC): day 1 is 1 June. Issued at
    00:30 BST on 2 June (23:30 UTC on 1 June): day 1 is 2 June. Lists and pages agree."""
    late = section_114_3(people, on="2027-06-01 22:30")
    early = section_114_3(people, on="2027-06-01 23:30")
    assert (late.due_on, early.due_on) == (date(2027, 6, 21), date(2027, 6, 22))
    assert late.title in overdue_titles("2027-06-22")
    assert early.title not in overdue_titles("2027-06-22")
    assert early.title in overdue_titles("2027-06-23")
    assert late not in StatutoryReport.objects.prohibition_periods(date(2027, 5, 31))
    assert early not in StatutoryReport.objects.prohibition_periods(date(2027, 6, 1))
    assert early in StatutoryReport.objects.prohibition_periods(date(2027, 6, 2))


def test_the_lists_and_the_page_agree_on_the_suspensions_edges(people):
    report = consider(people, mo_report(people), on="2027-06-10")
    for day, barred in ((date(2027, 5, 31), False), (date(2027, 6, 1), True),
                        (date(2027, 6, 11), True), (date(2027, 6, 12), False)):  # fmt: skip
        assert report.bars_on(day) is barred
        assert StatutoryReport.objects.barring(day).filter(pk=report.pk).exists() is barred


def test_the_overdue_list_agrees_with_each_reports_last_day_every_day_of_a_year(people):
    reports = [
        issue(people, kind=kind, ground=ground, on=day)
        for kind, ground in (
            (ReportKind.CHIEF_FINANCE_OFFICER, ReportGround.UNBALANCED_BUDGET),
            (ReportKind.MONITORING_OFFICER, ReportGround.UNLAWFUL),
        )
        for day in ("2026-11-30", "2027-01-31", "2027-02-28", "2027-05-31", "2027-08-31")
    ]
    for offset in range(0, 400, 3):
        today = date(2026, 11, 30) + timedelta(days=offset)
        listed = set(StatutoryReport.objects.overdue(today).values_list("pk", flat=True))
        assert listed == {r.pk for r in reports if r.due_on < today}, today


def test_consideration_concluded_on_an_earlier_day_ends_the_bar_from_that_day(people):
    report = section_114_3(people)
    with at("2027-06-14"):  # recorded on Monday, concluded the Thursday before
        report = services.record_consideration(
            people[Role.PCC], report, response="Considered.", outcome=ReportOutcome.ACCEPTS,
            outcome_reasons="Reasons.", action_taken="None.", action_proposed="None.",
            concluded_on=date(2027, 6, 10),
        )  # fmt: skip
    assert report.consideration_concluded_on == date(2027, 6, 10)
    assert report.bar_ends_on == date(2027, 6, 11)


@pytest.mark.parametrize(
    "concluded_on, message",
    [(date(2027, 6, 15), "today or earlier"), (date(2027, 5, 31), "on or after the day")],
)
def test_consideration_cannot_be_concluded_in_the_future_or_before_the_report(
    people, concluded_on, message
):
    report = section_114_3(people)
    with at("2027-06-14"), pytest.raises(ValidationError, match=message):
        services.record_consideration(
            people[Role.PCC], report, response="Considered.", outcome=ReportOutcome.ACCEPTS,
            outcome_reasons="Reasons.", action_taken="None.", action_proposed="None.",
            concluded_on=concluded_on,
        )  # fmt: skip
    report.refresh_from_db()
    assert report.considered_at is None and report.bar_ends_on is None


def test_a_considered_report_with_no_end_day_bars_nothing(people):
    """A report considered before the bar's end was recorded (migration 0011 fills it in) must
    never count as barring for ever."""
    report = consider(people, section_114_3(people), on="2027-06-10")
    StatutoryReport.objects.filter(pk=report.pk).update(bar_ends_on=None)
    report.refresh_from_db()
    assert not report.bars_on(date(2027, 6, 11))
    assert not StatutoryReport.objects.barring(date(2027, 6, 11)).exists()
