"""Generating a report costs the same queries however many visits the period holds, and the demo
seeder makes last quarter's and last year's reports once."""

import datetime

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType

from custody_visits.models import VisitingReport
from custody_visits.report_periods import ReportingPeriod, ReportKind
from custody_visits.seed_reports import seed_reports
from custody_visits.services import reports as services
from opcc.models import DocumentStatus
from opcc.roles import Role
from tests.custody_visits.factories import (
    CustodySuiteFactory,
    DetaineeRecordFactory,
    FindingFactory,
    ReportedVisitFactory,
)
from tests.opcc.factories import UserFactory

Q2 = ReportingPeriod(ReportKind.QUARTERLY, 2026, 2)

pytestmark = pytest.mark.usefixtures("frozen_today")


@pytest.fixture
def frozen_today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False):
        yield


def make_visits(count):
    suites = [CustodySuiteFactory() for _ in range(4)]
    for n in range(count):
        visit = ReportedVisitFactory(
            suite=suites[n % 4], visited_on=Q2.start + datetime.timedelta(days=n % 91)
        )
        DetaineeRecordFactory(visit=visit)
        FindingFactory(visit=visit, raised_on=visit.visited_on)


@pytest.mark.parametrize("visits", [5, 50])
def test_the_pdf_context_takes_the_same_queries_whatever_the_number_of_visits(
    people, visits, django_assert_num_queries
):
    make_visits(visits)
    report = services.generate_visiting_report(
        people[Role.STAFF], period=Q2, introduction="", expected_version=None
    )
    document = report.document
    document.refresh_from_db()  # the document as the task loads it, with nothing cached
    ContentType.objects.clear_cache()

    with django_assert_num_queries(8):  # the report (2: content type, row) and 6 of figures
        context = services.report_document_context(document)
    assert context["figures"].visits == visits


@pytest.mark.parametrize("visits", [5, 50])
def test_the_period_page_takes_the_same_queries_whatever_the_number_of_visits(
    client_for, visits, django_assert_max_num_queries
):
    make_visits(visits)
    client = client_for(Role.STAFF)
    with django_assert_max_num_queries(20):
        response = client.get(
            "/custody-visits/reports/period/?kind=quarterly&financial_year=2026&quarter=2"
        )
    assert response.status_code == 200
    assert f"{visits} (target 48)" in response.content.decode()  # 4 suites, 4 a month, 3 months


def test_seeder_generates_and_publishes_last_quarter_and_last_year_once(
    people, django_capture_on_commit_callbacks
):
    make_visits(5)
    messages = []
    with django_capture_on_commit_callbacks(execute=True):
        seed_reports(0, messages.append)
    with django_capture_on_commit_callbacks(execute=True):
        seed_reports(0, messages.append)

    reports = {report.period.label: report for report in VisitingReport.objects.all()}
    assert set(reports) == {"Q2 2026/27", "2025/26"}
    assert all(
        r.is_published and r.document.status == DocumentStatus.READY for r in reports.values()
    )
    assert all(r.published_by.email == "staff@opcc.example" for r in reports.values())
    assert messages[-1] == "custody visiting reports: 0 demo reports generated and published"


def test_seeder_skips_without_the_demo_scheme_manager(db):
    UserFactory(role=Role.STAFF, email="someone@opcc.example")
    messages = []
    seed_reports(0, messages.append)
    assert not VisitingReport.objects.exists()
    assert "skipped" in messages[0]
