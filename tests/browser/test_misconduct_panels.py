"""The main path of the misconduct hearing panels: a member of staff chooses a panel for a
hearing and sees the three members the rotation gave, the conflicted member skipped."""

from playwright.sync_api import expect

from complaints.models import PanelMemberKind
from opcc.roles import Role
from tests.browser.conftest import check_accessibility, sign_in_as, visit
from tests.complaints.factories import PanelMemberFactory
from tests.opcc.factories import UserFactory


def test_staff_choose_a_panel_for_a_hearing_and_see_its_members(page, live_server):
    staff = UserFactory(role=Role.STAFF, full_name="Priya Shah")
    PanelMemberFactory(name="Margaret Okafor KC", kind=PanelMemberKind.LEGALLY_QUALIFIED_CHAIR)
    PanelMemberFactory(
        name="Gareth Pryce",
        kind=PanelMemberKind.INDEPENDENT_MEMBER,
        conflicts="Inspector Dan Hollis",
    )
    for name in ("Fiona McAllister", "Rashid Begum"):
        PanelMemberFactory(name=name, kind=PanelMemberKind.INDEPENDENT_MEMBER)
    sign_in_as(page, live_server, staff)

    visit(page, "/complaints/panels/")
    expect(page.get_by_role("heading", name="Pool of panel members")).to_be_visible()
    page.get_by_role("link", name="Hearings and their panels").click()
    check_accessibility(page)
    page.get_by_role("button", name="Choose a panel for a hearing").click()
    check_accessibility(page)

    # A date that is not on the calendar is explained, and nothing is chosen.
    page.get_by_label("Misconduct hearing").check()
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2027")
    page.get_by_label("Officer concerned").fill("Inspector Dan Hollis")
    page.get_by_role("button", name="Choose the panel").click()
    expect(page.get_by_text("The date of the hearing must be a real date").first).to_be_visible()
    check_accessibility(page)

    page.get_by_label("Day").fill("10")
    page.get_by_role("button", name="Choose the panel").click()

    expect(
        page.get_by_role("heading", name="Misconduct hearing on 10 February 2027")
    ).to_be_visible()
    check_accessibility(page)
    panel = page.locator(".govuk-summary-list")
    for name in ("Margaret Okafor KC", "Fiona McAllister", "Rashid Begum"):
        expect(panel.get_by_text(name)).to_be_visible()
    expect(panel.get_by_text("Gareth Pryce")).to_have_count(0)
