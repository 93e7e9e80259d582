"""The main path of governance, as people walk it: a decision from draft to the public register,
and a Monitoring Officer report reaching the panel."""

from playwright.sync_api import expect

from opcc.roles import Role
from tests.browser.conftest import check_accessibility, sign_in_as, visit
from tests.opcc.factories import UserFactory


def become(page, live_server, user):
    page.context.clear_cookies()
    sign_in_as(page, live_server, user)


def open_from_dashboard(page, panel_title, decision_title):
    visit(page, "/my-work/")
    panel = page.get_by_role("region", name=panel_title)
    panel.get_by_role("link", name=decision_title).click()


def test_a_decision_goes_from_draft_to_the_public_register_and_a_report_reaches_the_panel(
    page, live_server
):
    people = {
        role: UserFactory(role=role, full_name=f"Demo {role}")
        for role in (Role.STAFF, Role.CHIEF_EXECUTIVE, Role.CFO, Role.PCC, Role.PANEL)
    }
    title = "Rural crime partnership funding"

    # Staff draft it and send it for advice.
    become(page, live_server, people[Role.STAFF])
    visit(page, "/my-work/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Governance").click()
    page.get_by_role("link", name="Draft a decision").click()
    check_accessibility(page)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Summary").fill("Two years' funding for the rural crime partnership.")
    page.get_by_label("The decision", exact=True).fill("To fund the partnership for two years.")
    page.get_by_label("Of significant public interest").check()
    page.get_by_label("Confidential annex").fill("Partner salaries")
    page.get_by_label("Reason the annex is restricted").fill("Personal information (FOIA s.40)")
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Send for advice").click()
    expect(page.get_by_text("Awaiting advice").first).to_be_visible()

    # The Chief Executive and the CFO advise.
    for role, button in (
        (Role.CHIEF_EXECUTIVE, "Record legal and monitoring officer advice"),
        (Role.CFO, "Record financial advice"),
    ):
        become(page, live_server, people[role])
        open_from_dashboard(page, "Awaiting my advice", f"{title}")
        page.get_by_role("link", name=button).click()
        check_accessibility(page)
        page.get_by_label("Advice").fill("Sound, and within budget.")
        page.get_by_role("button", name="Record the advice").click()

    # The Commissioner signs.
    become(page, live_server, people[Role.PCC])
    open_from_dashboard(page, "Awaiting my signature", title)
    page.get_by_role("link", name="Sign the decision").click()
    page.get_by_label("I confirm that I have considered whether I have any personal").check()
    page.get_by_label("Your interests in this decision").fill("None")
    page.get_by_role("button", name="Sign the decision").click()
    expect(page.get_by_text("You have signed decision")).to_be_visible()

    # Staff publish it; the public find it on the register, without the annex.
    become(page, live_server, people[Role.STAFF])
    visit(page, "/governance/decisions/")
    page.get_by_role("link", name=title).click()
    page.get_by_role("button", name="Publish on the register").click()
    expect(page.get_by_text("is now on the public register")).to_be_visible()

    page.context.clear_cookies()
    visit(page, "/transparency/")
    page.get_by_role("link", name="Decisions of significant public interest").click()
    check_accessibility(page)
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.get_by_text("Personal information (FOIA s.40)")).to_be_visible()
    expect(page.get_by_text("Partner salaries")).to_have_count(0)
    check_accessibility(page)

    # The Monitoring Officer issues a report; the panel member reads the copy in the portal.
    report_title = "Report on the rural crime grant conditions"
    become(page, live_server, people[Role.CHIEF_EXECUTIVE])
    visit(page, "/governance/reports/")
    page.get_by_role("button", name="Draft a Monitoring Officer report").click()
    check_accessibility(page)
    page.get_by_label("Title").fill(report_title)
    page.get_by_label("Proposal or omission").fill("The omission to set grant conditions.")
    page.get_by_label("Ground").select_option(label="Maladministration")
    page.get_by_label("Findings").fill("No conditions were attached to the grant.")
    page.get_by_label("Recommendations").fill("Attach conditions before payment.")
    page.get_by_role("button", name="Save the draft").click()
    page.get_by_role("button", name="Issue the report").click()
    expect(page.get_by_text("a copy sent to every member of the panel")).to_be_visible()
    expect(page.get_by_role("table", name="Copies of the report")).to_contain_text("Delivered")
    check_accessibility(page)

    become(page, live_server, people[Role.PANEL])
    visit(page, "/my-work/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Governance").click()
    page.get_by_role("link", name="Monitoring Officer and section 114 reports").click()
    page.get_by_role("link", name=report_title).click()
    expect(page.get_by_text("No conditions were attached to the grant.")).to_be_visible()
    check_accessibility(page)
