"""The main path of custody visiting: a visitor files a visit report step by step on a phone,
the second visitor confirms it, and the scheme manager reviews it and follows a finding up to
closure (raised with the custody inspector, the force's response, closed)."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from custody_visits.models import CustodyVisit, DetaineeRecord, Finding, FindingStatus, VisitStatus
from custody_visits.services import rota
from opcc.roles import Role
from tests.browser.conftest import check_accessibility, sign_in_as, visit
from tests.custody_visits.factories import CustodySuiteFactory, VisitorFactory
from tests.opcc.factories import UserFactory

PHONE = {"width": 390, "height": 844}


def become(page, live_server, user):
    page.context.clear_cookies()
    sign_in_as(page, live_server, user)


def save_and_continue(page):
    page.get_by_role("button", name="Save and continue").click()


def test_a_visitor_files_a_report_on_a_phone_and_the_scheme_manager_closes_a_finding(
    page, live_server
):
    manager = UserFactory(role=Role.STAFF, full_name="Priya Shah")
    me = VisitorFactory(user=UserFactory(role=Role.VISITOR, full_name="Dee Clarke"))
    partner = VisitorFactory(user=UserFactory(role=Role.VISITOR, full_name="Aled Rhys"))
    suite = CustodySuiteFactory(name="Central Police Station")
    last_week = rota.monday_of(timezone.localdate()) - timedelta(weeks=1)
    rota.plan_visit(manager, suite=suite, week_starting=last_week, visitors=[me, partner])
    day = last_week + timedelta(days=2)

    # The visitor, on a phone, finds the visit and fills in the report one page at a time.
    page.set_viewport_size(PHONE)
    become(page, live_server, me.user)
    visit(page, "/custody-visits/my-visits/")
    page.get_by_role("link", name=f"{last_week:%-d %b %Y}").click()
    check_accessibility(page)
    page.get_by_role("button", name="Fill in the report").click()

    expect(page.get_by_role("heading", name="Visit details")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Time you arrived").fill("19:30")
    # The same time twice is refused (an earlier one is a visit that ran past midnight).
    page.get_by_label("Time you left").fill("19:30")
    page.get_by_label("How many detainees were in custody when you arrived?").fill("3")
    save_and_continue(page)
    expect(
        page.get_by_role("link", name="must be different from the time of arrival")
    ).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Time you left").fill("21:05")
    save_and_continue(page)

    expect(page.get_by_role("heading", name="Getting in")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("group", name="Were you kept waiting to be let in?").get_by_label("No").check()
    save_and_continue(page)

    expect(page.get_by_role("heading", name="Conditions of the suite")).to_be_visible()
    check_accessibility(page)
    for legend, answer in (("Cleanliness", "Good"), ("Temperature", "Poor"), ("Equipment", "Good")):
        page.get_by_role("group", name=legend).get_by_label(answer).check()
    save_and_continue(page)

    # Detainees one at a time, by custody number: a name is refused.
    expect(page.get_by_role("heading", name="Detainees")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Add a detainee").click()
    check_accessibility(page)
    page.get_by_label("Custody number").fill("John Smith")
    page.get_by_label("Visited", exact=True).check()
    page.get_by_role("group", name="Were rights and entitlements offered?").get_by_label(
        "Yes"
    ).check()
    page.get_by_role("button", name="Save the detainee").click()
    expect(page.get_by_role("link", name="Do not enter a name")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Custody number").fill("11/ABC/1234")
    page.get_by_role("button", name="Save the detainee").click()
    expect(page.get_by_role("cell", name="11/ABC/1234", exact=True)).to_be_visible()
    page.get_by_role("button", name="Add another detainee").click()
    page.get_by_label("Custody number").fill("11/ABC/1235")
    page.get_by_label("Not offered a visit", exact=True).check()
    page.get_by_label("If not offered a visit: why not?").select_option(label="Asleep")
    page.get_by_label("Not known").check()
    page.get_by_role("button", name="Save the detainee").click()
    expect(page.get_by_text("Not offered a visit: asleep")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Findings")).to_be_visible()
    page.get_by_role("button", name="Add a finding").click()
    check_accessibility(page)
    page.get_by_label("Category").select_option(label="Cell conditions")
    page.get_by_label("High").check()
    page.get_by_label("What did you find?").fill("The call bell in cell 4 did not work.")
    page.get_by_role("button", name="Save the finding").click()
    check_accessibility(page)
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Submit the report").click()
    expect(page.get_by_text("You have submitted the report.")).to_be_visible()
    check_accessibility(page)
    assert DetaineeRecord.objects.count() == 2
    assert CustodyVisit.objects.get().status == VisitStatus.SUBMITTED

    # The second visitor confirms it.
    become(page, live_server, partner.user)
    visit(page, "/my-work/")
    page.get_by_role("region", name="My custody visits").get_by_role(
        "link", name="Central Police Station"
    ).click()
    check_accessibility(page)
    page.get_by_role("button", name="Confirm the report").click()
    expect(page.get_by_text("You have confirmed the report.")).to_be_visible()

    # The scheme manager, at a desk, reviews it and follows the finding up to closure.
    page.set_viewport_size({"width": 1280, "height": 900})
    become(page, live_server, manager)
    visit(page, "/my-work/")
    panel = page.get_by_role("region", name="Custody visit reports and findings")
    panel.get_by_role("link", name="Central Police Station").click()
    check_accessibility(page)
    page.get_by_role("button", name="Review the report").click()
    check_accessibility(page)
    page.get_by_label("Review notes (optional)").fill("A clear report, thank you.")
    page.get_by_role("button", name="Mark as reviewed").click()
    expect(page.get_by_text("The report has been reviewed.")).to_be_visible()

    page.get_by_role("link", name="finding 1").click()
    check_accessibility(page)
    page.get_by_role("button", name="Raise with the custody inspector").click()
    check_accessibility(page)
    page.get_by_label("Custody inspector it was raised with").fill("Inspector Sam Lee")
    page.get_by_role("button", name="Record that it was raised").click()
    expect(page.get_by_text("Response due by")).to_be_visible()
    page.get_by_role("button", name="Record the force's response").click()
    page.get_by_label("The force's response").fill("The bell was repaired the next morning.")
    page.get_by_role("button", name="Record the response").click()
    check_accessibility(page)
    page.get_by_role("button", name="Close the finding").click()
    expect(page.get_by_text("The finding has been closed.")).to_be_visible()
    check_accessibility(page)
    finding = Finding.objects.get()
    assert finding.status == FindingStatus.CLOSED and finding.raised_with == "Inspector Sam Lee"
