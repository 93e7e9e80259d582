"""Generating and publishing the scheme's reports: who may, when, and that the PDF and the public
pages hold figures only."""

import datetime
from io import BytesIO

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from pypdf import PdfReader

from custody_visits.models import DetaineeOutcome, VisitingReport
from custody_visits.report_periods import ReportingPeriod, ReportKind
from custody_visits.services import reports as services
from opcc.models import DocumentStatus
from opcc.registry import dashboard_panels, report_sections, transparency_sources
from opcc.roles import Role
from opcc.transparency import hub_rows
from tests.custody_visits.factories import (
    CustodySuiteFactory,
    DetaineeRecordFactory,
    FindingFactory,
    ReportedVisitFactory,
    VisitorFactory,
)

Q2 = ReportingPeriod(ReportKind.QUARTERLY, 2026, 2)  # 1 July to 30 September 2026
TODAY = datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC)

pytestmark = pytest.mark.usefixtures("frozen_today")


@pytest.fixture
def frozen_today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def generate(people, django_capture_on_commit_callbacks):
    """Generate a report as the scheme manager (staff), its PDF made on commit."""

    def make(period=Q2, introduction="Visitors kept up their visits.", expected_version=None):
        with django_capture_on_commit_callbacks(execute=True):
            report = services.generate_visiting_report(
                people[Role.STAFF],
                period=period,
                introduction=introduction,
                expected_version=expected_version,
            )
        report.refresh_from_db()
        return report

    return make


def pdf_text(report) -> str:
    with report.document.file.open("rb") as pdf:
        text = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf.read())).pages)
    return " ".join(text.split())


@pytest.fixture
def confidential_visit(db):
    """A reviewed Q2 visit whose report holds what must never reach a published report."""
    visitor = VisitorFactory(user__full_name="Verity Visitorname")
    visit = ReportedVisitFactory(
        suite=CustodySuiteFactory(name="Northgate"),
        visited_on=datetime.date(2026, 8, 5),
        suite_notes="Smell of damp in the corridor by cell 9",
        admission_delayed=True,
        delay_minutes=15,
        delay_authorised_by="Sergeant Hidden",
        visitors=[visitor, VisitorFactory()],
    )
    DetaineeRecordFactory(
        visit=visit,
        custody_number="77/QQQ/9999",
        outcome=DetaineeOutcome.VISITED,
        health_and_wellbeing="Asked for an inhaler twice",
    )
    FindingFactory(visit=visit, description="Blanket in cell 3 was soiled.")
    return visit


def test_scheme_manager_generates_a_pdf_of_figures_and_introduction_only(
    generate, confidential_visit
):
    report = generate(introduction="A quarter of steady visiting.")

    assert report.document.status == DocumentStatus.READY
    assert not report.is_published
    text = pdf_text(report)
    assert "Custody visiting quarterly performance report Q2 2026/27" in text
    assert "A quarter of steady visiting." in text
    assert "Northgate" in text and "Visits per custody suite against target" in text
    for secret in (
        "77/QQQ/9999",
        "Verity Visitorname",
        "Asked for an inhaler",
        "Smell of damp",
        "Sergeant Hidden",
        "Blanket in cell 3",
    ):
        assert secret not in text


def test_the_pdf_draws_each_chart_as_its_table_with_bars(generate, confidential_visit):
    # The page's SVG charts cost WeasyPrint dearly (each label is laid out as text): the PDF
    # draws the same six charts as their tables of figures, a bar to scale in each row.
    report = generate()
    html = render_to_string(
        "pdf/custody_visiting_report.html",
        services.report_document_context(report.document),
    )
    assert "<svg" not in html
    assert html.count('<table class="bar-chart">') == 6
    text = pdf_text(report)
    for title in ("Visits per custody suite against target", "Findings by severity"):
        assert title in text
    assert "Custody suite Visits Target" in " ".join(text.split())


def test_only_the_scheme_manager_generates_and_publishes(people, generate):
    for role in (Role.PCC, Role.CFO, Role.PANEL, Role.VISITOR):
        with pytest.raises(PermissionDenied):
            services.generate_visiting_report(
                people[role], period=Q2, introduction="", expected_version=None
            )
    report = generate()
    with pytest.raises(PermissionDenied):
        services.publish_visiting_report(people[Role.PCC], report)
    assert VisitingReport.objects.get().published_at is None


def test_chief_executive_is_a_scheme_manager_too(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = services.generate_visiting_report(
            people[Role.CHIEF_EXECUTIVE], period=Q2, introduction="", expected_version=None
        )
    services.publish_visiting_report(people[Role.CHIEF_EXECUTIVE], report)
    assert VisitingReport.objects.get().is_published


@pytest.mark.parametrize(
    ("period", "allowed"),
    [
        (ReportingPeriod(ReportKind.QUARTERLY, 2026, 2), True),  # ended 30 September
        (ReportingPeriod(ReportKind.QUARTERLY, 2026, 3), False),  # ends 31 December
        (ReportingPeriod(ReportKind.ANNUAL, 2025), True),  # ended 31 March 2026
        (ReportingPeriod(ReportKind.ANNUAL, 2026), False),
    ],
)
def test_a_report_waits_for_its_period_to_end(people, period, allowed):
    def attempt():
        return services.generate_visiting_report(
            people[Role.STAFF], period=period, introduction="", expected_version=None
        )

    if allowed:
        assert attempt().period == period
    else:
        with pytest.raises(ValidationError, match="once the period ends"):
            attempt()
        assert not VisitingReport.objects.exists()


def test_the_last_day_of_the_period_is_too_soon_and_the_next_day_is_not(people):
    def attempt():
        return services.generate_visiting_report(
            people[Role.STAFF], period=Q2, introduction="", expected_version=None
        )

    last_day = datetime.datetime(2026, 9, 30, 12, tzinfo=datetime.UTC)
    with (
        time_machine.travel(last_day),
        pytest.raises(ValidationError, match="from 1 October 2026"),
    ):
        attempt()
    with time_machine.travel(datetime.datetime(2026, 10, 1, 12, tzinfo=datetime.UTC)):
        assert attempt().period == Q2


def test_generating_again_with_a_stale_version_is_refused(generate):
    first = generate(introduction="First words.")
    with pytest.raises(services.ReportChanged):
        generate(introduction="Typed over an old page.", expected_version=None)
    with pytest.raises(services.ReportChanged):
        generate(introduction="Typed over an old page.", expected_version=first.version - 1)
    assert VisitingReport.objects.get().introduction == "First words."


def test_generating_again_replaces_the_pdf_and_takes_the_report_down(people, generate):
    report = generate()
    services.publish_visiting_report(people[Role.STAFF], report)
    report.refresh_from_db()
    old_document = report.document

    again = generate(introduction="Corrected.", expected_version=report.version)

    assert again.pk == report.pk and again.document != old_document
    assert again.published_at is None
    assert again.history.count() >= 3  # generated, published, generated again


def test_publishing_needs_a_ready_pdf(people):
    report = services.generate_visiting_report(
        people[Role.STAFF], period=Q2, introduction="", expected_version=None
    )  # its PDF is still queued: no commit has run
    with pytest.raises(ValidationError, match="wait until its PDF is ready"):
        services.publish_visiting_report(people[Role.STAFF], report)


def test_published_report_reaches_the_public_page_and_the_hub(client, people, generate):
    report = generate()
    pdf_url = reverse("custody_visiting_report_pdf", args=[report.code])
    assert client.get(pdf_url).status_code == 404
    assert Q2.title not in client.get(reverse("custody_visiting_reports")).content.decode()

    services.publish_visiting_report(people[Role.STAFF], report)

    page = client.get(reverse("custody_visiting_reports")).content.decode()
    assert Q2.title in page and pdf_url in page
    response = client.get(pdf_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    row = next(row for row in hub_rows() if row.category.key == "custody-visiting")
    assert row.url == reverse("custody_visiting_reports")
    assert row.last_updated == datetime.date(2026, 11, 23)
    assert transparency_sources.get("custody-visiting").last_updated() == row.last_updated


def test_panel_and_public_read_the_published_pdf_through_the_document_page_only_once_published(
    client_for, people, generate
):
    report = generate()
    url = reverse("document_download", args=[report.document.code])
    assert client_for(Role.PANEL).get(url).status_code == 404
    assert client_for(Role.PCC).get(url).status_code == 200  # office roles read drafts
    services.publish_visiting_report(people[Role.STAFF], report)
    assert client_for(Role.PANEL).get(url).status_code == 200


def test_report_section_gives_the_period_figures(confidential_visit):
    section = report_sections.get("custody_visiting")
    context = section.build(datetime.date(2026, 4, 1), datetime.date(2027, 3, 31))
    assert section.title == "Custody visiting"
    assert context["figures"].visits == 1
    html = render_to_string(section.template_name, {"section": context})
    assert "made 1 visit (target" in html and "Northgate" in html
    assert "77/QQQ/9999" not in html and "Blanket" not in html


def test_dashboard_reminds_the_scheme_manager_until_both_reports_are_published(people, generate):
    panel = dashboard_panels.get("custody_visiting_reports")
    assert panel.build(people[Role.PCC]) is None
    waiting = panel.build(people[Role.STAFF])["periods"]
    assert [p.label for p in waiting] == ["Q2 2026/27", "2025/26"]

    services.publish_visiting_report(people[Role.STAFF], generate())
    year = generate(period=ReportingPeriod(ReportKind.ANNUAL, 2025))
    services.publish_visiting_report(people[Role.STAFF], year)
    assert panel.build(people[Role.STAFF]) is None
