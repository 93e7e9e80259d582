"""The s.114(3) spending bar as the office meets it: the CFO issues the report, a decision
committing expenditure is refused its signature with the reason, the CFO authorises it in
writing, the Commissioner signs, then concludes consideration, and the Commissioner's report of
action goes to the CFO, the external auditor and the panel, each delivery shown."""

import re

from django.test import override_settings
from playwright.sync_api import expect

from governance.models import AdviceKind
from governance.services import decisions as decision_services
from opcc.roles import Role
from tests.browser.conftest import check_accessibility, sign_in_as, visit
from tests.opcc.factories import UserFactory

AUDITOR = "auditor@audit.example"


def become(page, live_server, user):
    page.context.clear_cookies()
    sign_in_as(page, live_server, user)


@override_settings(EXTERNAL_AUDITOR_EMAIL=AUDITOR)
def test_a_section_114_3_report_bars_new_spending_until_the_cfo_authorises_it(page, live_server):
    people = {
        role: UserFactory(role=role, full_name=f"Demo {role}")
        for role in (Role.STAFF, Role.CHIEF_EXECUTIVE, Role.CFO, Role.PCC, Role.PANEL)
    }
    title = "Lease of two community engagement vans"
    decision = decision_services.draft_decision(
        people[Role.STAFF], title=title, summary="A three-year lease.",
        commits_expenditure=True, expenditure_amount=5000, significant_public_interest=True,
    )  # fmt: skip
    decision_services.submit_for_advice(people[Role.STAFF], decision)
    for kind, role in ((AdviceKind.LEGAL, Role.CHIEF_EXECUTIVE), (AdviceKind.FINANCIAL, Role.CFO)):
        decision_services.record_advice(people[role], decision, kind=kind, text="Sound.")

    # The CFO issues a s.114(3) report.
    report_title = "Section 114(3) report on the 2027/28 budget"
    become(page, live_server, people[Role.CFO])
    visit(page, "/governance/reports/")
    page.get_by_role("button", name="Draft a section 114 report").click()
    page.get_by_label("Title").fill(report_title)
    page.get_by_label("Proposal or omission").fill("The 2027/28 revenue budget.")
    page.get_by_label("Ground").select_option(
        label="Expenditure likely to exceed the resources available (s.114(3))"
    )
    page.get_by_label("Findings").fill("Spending exceeds resources by £3.4m.")
    page.get_by_label("Recommendations").fill("No new commitments without my authority.")
    page.get_by_role("button", name="Save the draft").click()
    page.get_by_role("button", name="Issue the report").click()
    expect(page.get_by_text("Prohibition period running")).to_be_visible()
    expect(page.get_by_role("table", name="Copies of the report")).to_contain_text(
        "(external auditor)"
    )
    check_accessibility(page)

    # The Commissioner's dashboard says so; signing the decision is refused with the reason.
    become(page, live_server, people[Role.PCC])
    visit(page, "/my-work/")
    expect(page.get_by_text("A section 114(3) prohibition period is running")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("region", name="Awaiting my signature").get_by_role("link", name=title).click()
    expect(page.get_by_text("cannot be signed unless the Chief Finance Officer")).to_be_visible()
    page.get_by_role("link", name="Sign the decision").click()
    page.get_by_label("I confirm that I have considered whether I have any personal").check()
    page.get_by_label("Your interests in this decision").fill("None")
    page.get_by_role("button", name="Sign the decision").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Local Government Finance Act 1988 s.115(6)")
    expect(summary).to_contain_text(report_title)
    expect(page).to_have_title(re.compile(r"^Error: "))
    visit(page, decision.get_absolute_url())
    expect(page.get_by_text("Signed", exact=True)).to_have_count(0)
    check_accessibility(page)

    # The CFO records a written authorisation on the decision.
    become(page, live_server, people[Role.CFO])
    visit(page, decision.get_absolute_url())
    page.get_by_role("link", name="Authorise the new agreement (s.115(6))").click()
    check_accessibility(page)
    page.get_by_label("(a) prevent the situation that led to the report from getting worse").check()
    page.get_by_label("Your reasons for thinking that the ground applies").fill(
        "The lease replaces hired vans at twice the cost."
    )
    page.get_by_role("button", name="Authorise the new agreement").click()
    expect(page.get_by_text("Your authorisation under section 115(6) is recorded")).to_be_visible()
    expect(page.get_by_text("The lease replaces hired vans at twice the cost.")).to_be_visible()

    # Now the Commissioner signs.
    become(page, live_server, people[Role.PCC])
    visit(page, decision.get_absolute_url())
    page.get_by_role("link", name="Sign the decision").click()
    page.get_by_label("I confirm that I have considered whether I have any personal").check()
    page.get_by_label("Your interests in this decision").fill("None")
    page.get_by_role("button", name="Sign the decision").click()
    expect(page.get_by_text(f"You have signed decision {decision.reference}")).to_be_visible()

    # The Commissioner concludes consideration; the report of action goes out.
    visit(page, "/governance/reports/")
    page.get_by_role("link", name=report_title).click()
    page.get_by_role("link", name="Record the consideration").click()
    check_accessibility(page)
    page.get_by_label("The Commissioner's response").fill("I accept the report.")
    page.get_by_label("Agrees with the views in the report", exact=True).check()
    page.get_by_label("(a) What action has the Commissioner taken").fill("Recruitment paused.")
    page.get_by_label("(b) What action does the Commissioner propose").fill("A revised budget.")
    page.get_by_label("(c) The reasons for the action").fill("To balance the budget.")
    page.get_by_role("button", name="Record the consideration").click()
    expect(page.get_by_text("The consideration has been recorded.")).to_be_visible()
    copies = page.get_by_role("table", name="Copies of the Commissioner's report of action")
    for recipient in (people[Role.CFO].full_name, f"{AUDITOR} (external auditor)",
                      people[Role.PANEL].full_name):  # fmt: skip
        row = copies.get_by_role("row").filter(has_text=recipient)
        expect(row.get_by_role("cell").nth(1)).to_have_text("Delivered")
    check_accessibility(page)
