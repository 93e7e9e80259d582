"""The report pages: figures and charts for a period, bad input answered 400, a concurrent
generation 409 with the typing kept, and lists in a constant number of queries."""

import datetime

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.urls import reverse

from custody_visits.models import VisitingReport
from custody_visits.report_periods import ReportingPeriod, ReportKind
from custody_visits.services import reports as services
from opcc.roles import Role
from tests.custody_visits.factories import CustodySuiteFactory, ReportedVisitFactory

Q2 = ReportingPeriod(ReportKind.QUARTERLY, 2026, 2)
Q2_QUERY = {"kind": "quarterly", "financial_year": "2026", "quarter": "2"}
PERIOD_URL = reverse("custody_visits:report_period")

pytestmark = pytest.mark.usefixtures("frozen_today")


@pytest.fixture
def frozen_today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False):
        yield


def period_url(**query):
    return PERIOD_URL + "?" + "&".join(f"{k}={v}" for k, v in {**Q2_QUERY, **query}.items())


def test_period_page_shows_the_figures_and_charts(client_for):
    suite = CustodySuiteFactory(name="Northgate", visits_per_month_target=2)
    ReportedVisitFactory(suite=suite, visited_on=datetime.date(2026, 8, 5))

    response = client_for(Role.STAFF).get(period_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert "Custody visiting quarterly performance report Q2 2026/27" in page
    assert "1 July 2026 to 30 September 2026" in page
    assert '<title id="visits-per-suite-title">Visits per custody suite against target</title>' in (
        page
    )
    assert "1 (target 6)" in page
    assert "Generate PDF" in page


def test_office_holders_see_the_figures_but_cannot_generate(client_for):
    client = client_for(Role.PCC)
    page = client.get(period_url()).content.decode()
    assert "Visits per custody suite against target" in page
    assert "Generate PDF" not in page
    response = client.post(period_url(), {"introduction": "Mine now"})
    assert response.status_code == 403
    assert not VisitingReport.objects.exists()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"kind": "weekly"}, "Choose the quarterly or the annual report"),
        ({"financial_year": "1999"}, "Choose a financial year from the list"),
        ({"financial_year": "abc"}, "Choose a financial year from the list"),
        ({"quarter": ""}, "Choose the quarter"),
        ({"quarter": "7"}, "Choose a quarter from the list"),
        ({"quarter": "4"}, "Q4 2026/27 has not begun yet"),
    ],
)
def test_a_bad_period_is_answered_400_with_the_reason(client_for, query, message):
    response = client_for(Role.STAFF).get(period_url(**query))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "<title>Error: " in page


def test_no_period_chosen_goes_back_to_the_list(client_for):
    response = client_for(Role.STAFF).get(PERIOD_URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("custody_visits:reports")


def test_generate_from_the_page_goes_to_the_document(
    client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(Role.STAFF).post(period_url(), {"introduction": "Steady visiting."})
    report = VisitingReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("document", args=[report.document.code])
    assert report.introduction == "Steady visiting."
    assert report.history.first().history_user.role == Role.STAFF


def test_an_unfinished_quarter_is_refused_next_to_the_field(client_for):
    response = client_for(Role.STAFF).post(period_url(quarter="3"), {"introduction": "Too soon"})
    assert response.status_code == 400
    assert "can be generated once the period ends, from 1 January 2027" in (
        response.content.decode()
    )
    assert not VisitingReport.objects.exists()


def test_too_long_an_introduction_is_refused_and_nothing_saved(client_for):
    response = client_for(Role.STAFF).post(period_url(), {"introduction": "x" * 5001})
    assert response.status_code == 400
    assert "The introduction must be 5,000 characters or fewer" in response.content.decode()
    assert not VisitingReport.objects.exists()


def test_a_concurrent_generation_is_refused_409_and_the_typing_kept(client_for, people):
    staff = client_for(Role.STAFF)
    services.generate_visiting_report(
        people[Role.CHIEF_EXECUTIVE],
        period=Q2,
        introduction="The CE's words.",
        expected_version=None,
    )

    response = staff.post(period_url(), {"introduction": "My own words.", "version": ""})

    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else generated this report while you were writing" in page
    assert "My own words." in page
    assert VisitingReport.objects.get().introduction == "The CE's words."
    # The form now carries the saved version: sending it again is an informed choice.
    report = VisitingReport.objects.get()
    again = staff.post(period_url(), {"introduction": "My own words.", "version": report.version})
    assert again.status_code == 302


def test_publish_from_the_list(client_for, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = services.generate_visiting_report(
            people[Role.STAFF], period=Q2, introduction="", expected_version=None
        )
    staff = client_for(Role.STAFF)
    assert "Publish" in staff.get(reverse("custody_visits:reports")).content.decode()

    response = staff.post(reverse("custody_visits:report_publish", args=[report.code]))

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.published_by == people[Role.STAFF]
    published_at = report.published_at
    again = staff.post(reverse("custody_visits:report_publish", args=[report.code]))
    assert again.status_code == 302  # a second click changes nothing
    report.refresh_from_db()
    assert report.published_at == published_at


def test_publishing_before_the_pdf_is_ready_says_why(client_for, people):
    report = services.generate_visiting_report(
        people[Role.STAFF], period=Q2, introduction="", expected_version=None
    )  # no commit in this test: the PDF stays queued
    response = client_for(Role.STAFF).post(
        reverse("custody_visits:report_publish", args=[report.code])
    )
    assert response.status_code == 400
    assert "wait until its PDF is ready" in response.content.decode()
    report.refresh_from_db()
    assert report.published_at is None


def test_publish_rejects_get(client_for, people):
    report = services.generate_visiting_report(
        people[Role.STAFF], period=Q2, introduction="", expected_version=None
    )
    url = reverse("custody_visits:report_publish", args=[report.code])
    assert client_for(Role.STAFF).get(url).status_code == 405


def make_reports(people, count):
    """``count`` published quarterly reports, one a quarter going back from Q2 2026/27."""
    for n in range(count):
        start = Q2.start - relativedelta(months=3 * n)
        VisitingReport.objects.create(
            kind=ReportKind.QUARTERLY,
            period_start=start,
            period_end=start + relativedelta(months=3, days=-1),
            created_by=people[Role.STAFF],
            published_at=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC),
        )


@pytest.mark.parametrize("count", [3, 30])
def test_lists_take_the_same_queries_whatever_their_length(
    client_for, people, count, django_assert_max_num_queries
):
    make_reports(people, count)
    staff = client_for(Role.STAFF)
    public = client_for("anonymous")
    with django_assert_max_num_queries(12):
        staff_page = staff.get(reverse("custody_visits:reports"))
    with django_assert_max_num_queries(4):
        public_page = public.get(reverse("custody_visiting_reports"))
    assert staff_page.status_code == public_page.status_code == 200
    assert public_page.content.decode().count("(PDF)</a>") == min(count, 25)
