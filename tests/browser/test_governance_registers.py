import re

from django.utils import timezone
from playwright.sync_api import expect

from opcc.roles import Role
from tests.browser.conftest import check_accessibility, sign_in_as, visit
from tests.opcc.factories import UserFactory


def test_staff_record_a_declined_gift_offer_and_the_public_reads_it(page, live_server):
    staff = UserFactory(role=Role.STAFF, full_name="Priya Shah")
    UserFactory(role=Role.PCC, full_name="Alex Morgan", email="alex.morgan@opcc.example")
    today = timezone.localdate()
    sign_in_as(page, live_server, staff)

    visit(page, "/governance/registers/gifts-and-hospitality/")
    page.get_by_role("button", name="Record a gift or hospitality offer").click()
    expect(page.get_by_role("heading", name="Record a gift or hospitality offer")).to_be_visible()
    check_accessibility(page)

    page.get_by_role("button", name="Save offer").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Enter the date of the offer")
    check_accessibility(page)
    summary.get_by_role("link", name="Enter the date of the offer").click()
    expect(page.get_by_label("Day")).to_be_focused()

    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Who was it offered to?").select_option(
        label="Alex Morgan (Police and Crime Commissioner)"
    )
    page.get_by_label("Who offered it?").fill("Westbury Town Football Club")
    page.get_by_label("What was offered?").fill("Two tickets to a home match, with hospitality")
    page.get_by_label("Estimated value, in pounds").fill("£180")
    page.get_by_role("radio", name="Declined").check()
    page.get_by_label("Why was it accepted or declined?").fill(
        "The club is applying for a grant from the Commissioner."
    )
    page.get_by_role("button", name="Save offer").click()

    expect(page.get_by_text("The offer has been added to the register.")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Offer to Alex Morgan"))).to_be_visible()
    check_accessibility(page)

    page.context.clear_cookies()  # now the public
    visit(page, "/transparency/")
    page.get_by_role("link", name="Gifts and hospitality").click()
    expect(page.get_by_role("heading", name="Gifts and hospitality", level=1)).to_be_visible()
    row = page.get_by_role("row", name=re.compile("Westbury Town Football Club"))
    expect(row).to_contain_text("Alex Morgan")
    expect(row).to_contain_text("£180.00")
    expect(row).to_contain_text("Declined")
    expect(page.get_by_text("alex.morgan@opcc.example")).to_have_count(0)
    check_accessibility(page)
