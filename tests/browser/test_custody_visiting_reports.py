"""The custody visiting reports' main path: the scheme manager opens last quarter's figures,
sees the chart, generates the PDF and publishes it; the public page then lists it."""

import re
from datetime import time, timedelta

from playwright.sync_api import expect

from custody_visits.models import VisitingReport
from custody_visits.report_periods import last_complete_quarter
from opcc.roles import Role
from tests.browser.conftest import check_accessibility, visit
from tests.browser.conftest import sign_in_as as browser_sign_in
from tests.custody_visits.factories import CustodySuiteFactory, ReportedVisitFactory
from tests.opcc.factories import UserFactory


def test_scheme_manager_generates_and_publishes_the_quarterly_report(page, live_server):
    quarter = last_complete_quarter()
    northgate = CustodySuiteFactory(name="Northgate Police Station", visits_per_month_target=2)
    for n in range(4):
        ReportedVisitFactory(
            suite=northgate,
            visited_on=quarter.start + timedelta(days=10 * n),
            arrived_at=time(8 + 4 * n, 0),
        )
    manager = UserFactory(role=Role.STAFF, full_name="Priya Shah")
    browser_sign_in(page, live_server, manager)

    visit(page, "/custody-visits/reports/")
    # The form offers the last complete quarter already.
    page.get_by_role("button", name="Show the figures").click()
    expect(page.get_by_role("heading", level=1, name=quarter.title)).to_be_visible()
    chart = page.get_by_role("img", name="Visits per custody suite against target")
    expect(chart).to_be_visible()
    expect(page.get_by_role("row", name="Northgate Police Station 4 6")).to_be_visible()
    check_accessibility(page)

    page.get_by_label("Introduction").fill("Visitors kept up their unannounced visits.")
    page.get_by_role("button", name="Generate PDF").click()
    expect(page.get_by_role("heading", name="Your document is ready")).to_be_visible(timeout=15000)
    check_accessibility(page)

    visit(page, "/custody-visits/reports/")
    row = page.get_by_role("row").filter(has_text=quarter.title)
    expect(row.get_by_text("Ready")).to_be_visible()
    row.get_by_role("button", name=re.compile("Publish")).click()
    expect(page.get_by_text(f"The {quarter.label} report is published.")).to_be_visible()
    expect(row.get_by_text("Published")).to_be_visible()
    check_accessibility(page)
    assert VisitingReport.objects.get().published_by == manager

    # The public sees it listed, with its PDF.
    page.context.clear_cookies()
    visit(page, "/custody-visiting/reports/")
    link = page.get_by_role("link", name=f"{quarter.title} (PDF)")
    expect(link).to_be_visible()
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.startswith("custody-visiting-quarterly-")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
