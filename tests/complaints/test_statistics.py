"""Complaints information: quarters of the financial year at their edges, the figures on a small
known data set, the public page and its CSV (no personal data, constant queries), the hub's last
updated date, the annual report's section, and the upheld-themes CSV."""

import csv
import datetime
import io
import itertools
from datetime import date, timedelta

import pytest
import time_machine
from django.template.loader import render_to_string
from django.urls import reverse

from complaints import statistics
from complaints.models import (
    Complaint,
    ComplaintChannel,
    ComplaintStatus,
    ComplaintSubject,
    ReviewFinding,
    ReviewStatus,
)
from complaints.services.reviews import decide_by
from opcc.registry import report_sections, transparency_sources
from opcc.roles import Role
from opcc.transparency import hub_rows
from tests.complaints.factories import ComplainantFactory, ComplaintReviewFactory

pytestmark = pytest.mark.django_db

Q4_2025 = date(2026, 1, 1)  # January to March 2026
Q1_2026 = date(2026, 4, 1)  # April to June 2026
Q2_2026 = date(2026, 7, 1)  # July to September 2026


@pytest.fixture(autouse=True)
def in_august_2026():
    with time_machine.travel(datetime.datetime(2026, 8, 14, 10, 0), tick=False):
        yield


REFERENCES = itertools.count(1)


def complaint(subject, received_on, **changes):
    return Complaint.objects.create(
        reference=f"C-2026-{next(REFERENCES):04d}",
        subject=subject,
        complainant=ComplainantFactory(name="Private Person"),
        channel=ComplaintChannel.ONLINE,
        received_on=received_on,
        details="Private details of the complaint",
        status=ComplaintStatus.RECORDED,
        **changes,
    )


def review(received_on, outcome_given_on=None, **changes):
    return ComplaintReviewFactory(
        request_received_on=received_on,
        outcome_given_on=outcome_given_on or received_on - timedelta(days=3),
        complainant=ComplainantFactory(name="Private Person"),
        **changes,
    )


def decided(received_on, decided_on, finding=ReviewFinding.REASONABLE):
    return review(
        received_on,
        status=ReviewStatus.DECIDED,
        finding=finding,
        decided_on=decided_on,
        theme="Witnesses not contacted" if finding == ReviewFinding.NOT_REASONABLE else "",
    )


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2026, 3, 31), "Q4 2025/26"),
        (date(2026, 4, 1), "Q1 2026/27"),
        (date(2026, 6, 30), "Q1 2026/27"),
        (date(2026, 7, 1), "Q2 2026/27"),
        (date(2026, 12, 31), "Q3 2026/27"),
        (date(2027, 1, 1), "Q4 2026/27"),
    ],
)
def test_quarters_of_the_financial_year_at_their_edges(day, label):
    quarter = statistics.quarter_of(day)
    assert quarter.label == label
    assert quarter.start <= day <= quarter.end


def test_last_eight_quarters_run_back_from_the_current_one():
    quarters = statistics.latest_quarters()
    assert [q.label for q in quarters[:3]] == ["Q2 2026/27", "Q1 2026/27", "Q4 2025/26"]
    assert len(quarters) == 8 and quarters[-1].start == date(2024, 10, 1)


def by_quarter(figures):
    return {row.quarter.start: row for row in figures}


def test_reviews_are_counted_in_the_quarter_they_arrived_at_its_edges():
    review(date(2026, 3, 31))
    review(date(2026, 4, 1))
    review(date(2026, 6, 30))
    review(date(2026, 7, 1))
    review(date(2026, 7, 2))

    figures = by_quarter(statistics.figures_for(statistics.latest_quarters()))

    assert figures[Q4_2025].reviews_received == 1
    assert figures[Q1_2026].reviews_received == 2
    assert figures[Q2_2026].reviews_received == 2


def test_in_time_is_day_28_after_the_outcome_not_day_29():
    outcome = date(2026, 4, 10)
    review(outcome + timedelta(days=28), outcome_given_on=outcome)  # in time
    review(outcome + timedelta(days=29), outcome_given_on=outcome)  # late

    row = by_quarter(statistics.figures_for(statistics.latest_quarters()))[Q1_2026]

    assert (row.reviews_received, row.reviews_in_time) == (2, 1)


def test_decisions_count_in_their_quarter_with_upheld_and_the_target():
    on_target = decided(date(2026, 3, 2), date(2026, 3, 31), ReviewFinding.NOT_REASONABLE)
    assert on_target.decided_on <= decide_by(on_target)
    received = date(2026, 5, 11)
    target = decide_by(review(received, status=ReviewStatus.UNDER_REVIEW))
    assert Q1_2026 <= target <= date(2026, 6, 30)
    decided(received, target)  # on the last day: within
    decided(received, target + timedelta(days=1), ReviewFinding.NOT_REASONABLE)  # late
    decided(date(2026, 6, 1), date(2026, 7, 1), ReviewFinding.NOT_REASONABLE)

    figures = by_quarter(statistics.figures_for(statistics.latest_quarters()))

    q4, q1, q2 = figures[Q4_2025], figures[Q1_2026], figures[Q2_2026]
    assert (q4.reviews_decided, q4.reviews_upheld, q4.reviews_decided_within_target) == (1, 1, 1)
    assert (q1.reviews_decided, q1.reviews_upheld, q1.reviews_decided_within_target) == (2, 1, 1)
    assert (q2.reviews_decided, q2.reviews_upheld, q2.reviews_decided_within_target) == (1, 1, 1)


def test_complaints_are_counted_by_subject_and_quarter_at_its_edges():
    complaint(ComplaintSubject.PCC, date(2026, 3, 31))
    complaint(ComplaintSubject.PCC, date(2026, 4, 1))
    complaint(ComplaintSubject.DEPUTY, date(2026, 6, 30))
    complaint(ComplaintSubject.DEPUTY, date(2026, 7, 1))
    complaint(ComplaintSubject.CHIEF_CONSTABLE, date(2026, 6, 30))
    complaint(
        ComplaintSubject.CHIEF_CONSTABLE,
        date(2026, 7, 1),
        iopc_referred_on=date(2026, 7, 3),
        serious_complaint=True,
    )
    complaint(ComplaintSubject.PCC, date(2024, 9, 30))  # before the eight quarters

    figures = by_quarter(statistics.figures_for(statistics.latest_quarters()))

    def counts(start):
        row = figures[start]
        return (
            row.complaints_about_pcc,
            row.complaints_about_deputy,
            row.chief_constable_complaints,
            row.chief_constable_referred_to_iopc,
        )

    assert counts(Q4_2025) == (1, 0, 0, 0)
    assert counts(Q1_2026) == (1, 1, 1, 0)
    assert counts(Q2_2026) == (0, 1, 1, 1)
    assert sum(row.complaints_about_pcc for row in figures.values()) == 2


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_csv_has_one_row_a_quarter_with_named_columns_and_no_personal_data(client):
    complaint(ComplaintSubject.PCC, date(2026, 4, 1))
    decided(date(2026, 4, 1), date(2026, 4, 20), ReviewFinding.NOT_REASONABLE)

    response = client.get(reverse("complaints:complaints_information_csv"))

    rows = csv_rows(response)
    assert response["Content-Type"].startswith("text/csv")
    assert rows[0] == list(statistics.CSV_HEADER)
    assert len(rows) == 9
    q1 = dict(zip(rows[0], rows[2], strict=True))
    assert q1["quarter"] == "Q1 2026/27"
    assert (q1["first_day"], q1["last_day"]) == ("2026-04-01", "2026-06-30")
    assert q1["reviews_received"] == "1" and q1["reviews_upheld"] == "1"
    assert q1["complaints_about_the_commissioner"] == "1"
    assert "Private" not in response.content.decode()


@pytest.mark.parametrize("rows", [2, 30])
def test_information_page_queries_do_not_grow(rows, client, django_assert_max_num_queries):
    for n in range(rows):
        day = date(2026, 4, 1) + timedelta(days=n * 3)
        complaint(ComplaintSubject.PCC if n % 2 else ComplaintSubject.CHIEF_CONSTABLE, day)
        decided(day, day + timedelta(days=10))

    with django_assert_max_num_queries(6):
        response = client.get(reverse("complaints:complaints_information"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Complaint reviews by quarter" in html
    assert "Complaints about the Commissioner and the Deputy brought to their attention" in html
    assert "Complaints about the Chief Constable" in html
    assert "Q1 2026/27" in html and "Private" not in html


def test_hub_links_complaints_information_with_the_latest_date():
    assert statistics.last_updated() is None
    complaint(ComplaintSubject.DEPUTY, date(2026, 5, 2))
    assert statistics.last_updated() == date(2026, 5, 2)  # with no reviews at all
    decided(date(2026, 4, 1), date(2026, 6, 3))
    review(date(2026, 5, 20))

    row = next(r for r in hub_rows() if r.category.key == "complaints-information")

    assert transparency_sources.get("complaints-information") is not None
    assert row.url == reverse("complaints:complaints_information")
    assert row.last_updated == date(2026, 6, 3)


def test_last_updated_is_one_query(django_assert_num_queries):
    complaint(ComplaintSubject.PCC, date(2026, 5, 2))
    with django_assert_num_queries(1):
        statistics.last_updated()


def test_annual_report_section_counts_the_financial_year_only():
    review(date(2026, 3, 31))  # the year before
    review(date(2026, 4, 1))
    complaint(ComplaintSubject.PCC, date(2026, 7, 1))

    section = report_sections.get("complaints")
    context = section.build(date(2026, 4, 1), date(2027, 3, 31))

    assert section.title == "Complaints and complaint reviews"
    assert [row.quarter.label for row in context["figures"]] == [
        "Q1 2026/27",
        "Q2 2026/27",
        "Q3 2026/27",
        "Q4 2026/27",
    ]
    assert context["totals"]["reviews_received"] == 1
    assert context["totals"]["complaints_about_pcc"] == 1
    html = render_to_string(section.template_name, {"section": context})
    assert "1 complaint review request received" in html and "Private" not in html


def test_upheld_themes_csv_lists_reference_date_and_theme_only(client_for):
    upheld = decided(date(2026, 4, 1), date(2026, 4, 20), ReviewFinding.NOT_REASONABLE)
    decided(date(2026, 4, 1), date(2026, 4, 21))  # not upheld
    review(date(2026, 4, 2))

    response = client_for(Role.CFO).get(reverse("complaints:review_upheld_themes_csv"))

    assert csv_rows(response) == [
        ["reference", "decided_on", "theme"],
        [upheld.reference, "2026-04-20", "Witnesses not contacted"],
    ]
    assert "Private" not in response.content.decode()
    assert upheld.force_reference not in response.content.decode()
