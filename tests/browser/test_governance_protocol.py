import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from opcc.roles import Role
from tests.browser.conftest import check_accessibility, sign_in_as, visit
from tests.governance.factories import ProtocolVersionFactory
from tests.opcc.factories import UserFactory


def test_staff_member_signs_the_protocol_from_my_work_and_the_chief_executive_sees_it(
    page, live_server
):
    ProtocolVersionFactory(
        version="2.0",
        approved_on=timezone.localdate() - datetime.timedelta(days=30),
        declaration_text="I have read version 2.0 of the protocol and will act by it.",
    )
    staff = UserFactory(role=Role.STAFF, full_name="Priya Shah")
    UserFactory(role=Role.STAFF, full_name="Ben Price")
    chief_executive = UserFactory(role=Role.CHIEF_EXECUTIVE, full_name="Jo Williams")
    sign_in_as(page, live_server, staff)

    visit(page, "/my-work/")
    panel = page.get_by_role("region", name="Sign the Commissioner and Officer Protocol")
    panel.get_by_role("link", name=re.compile("Read and sign the declaration")).click()

    expect(page.get_by_role("heading", name=re.compile("Sign the declaration"))).to_be_visible()
    expect(page.get_by_text("I have read version 2.0 of the protocol")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Sign the declaration").click()

    expect(page).to_have_title(re.compile(r"^Error: "))
    check_accessibility(page)
    page.get_by_role("alert").get_by_role("link", name=re.compile("Select the box")).click()
    expect(page.get_by_label("I have read the protocol and make this declaration")).to_be_focused()
    page.get_by_label("I have read the protocol and make this declaration").check()
    page.get_by_role("button", name="Sign the declaration").click()

    expect(page.get_by_text("You signed the declaration of version 2.0")).to_be_visible()
    expect(page.get_by_text(re.compile("You signed this declaration on"))).to_be_visible()
    check_accessibility(page)
    visit(page, "/my-work/")
    expect(
        page.get_by_role("region", name="Sign the Commissioner and Officer Protocol")
    ).to_have_count(0)

    chief = page.context.browser.new_context(base_url=live_server.url)
    try:
        chief_page = chief.new_page()
        sign_in_as(chief_page, live_server, chief_executive)
        visit(chief_page, "/my-work/")
        chief_page.get_by_role("link", name="See who has not signed").click()
        expect(
            chief_page.get_by_role("heading", name="Who has signed the protocol")
        ).to_be_visible()
        check_accessibility(chief_page)
        table = chief_page.get_by_role("table")
        expect(table.get_by_role("row", name=re.compile("Ben Price"))).to_contain_text("Not signed")
        expect(table.get_by_role("row", name=re.compile("Priya Shah"))).to_have_count(0)
        chief_page.get_by_role("link", name="Everyone who must sign").click()
        expect(chief_page.get_by_role("row", name=re.compile("Priya Shah"))).to_contain_text(
            f"Signed {timezone.localdate():%-d %B %Y}"
        )
        check_accessibility(chief_page)
    finally:
        chief.close()
