"""The scheme of delegation as the Chief Executive keeps it and the public reads it, and the
Deputy refused as maker of a decision the Act reserves to the Commissioner."""

from playwright.sync_api import expect

from opcc.roles import Role
from tests.browser.conftest import check_accessibility, sign_in_as, visit
from tests.opcc.factories import UserFactory


def test_the_chief_executive_adds_a_category_the_public_reads_it_and_the_act_binds(
    page, live_server
):
    chief_executive = UserFactory(role=Role.CHIEF_EXECUTIVE, full_name="Jo Williams")
    staff = UserFactory(role=Role.STAFF, full_name="Priya Shah")

    sign_in_as(page, live_server, chief_executive)
    visit(page, "/my-work/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Governance").click()
    page.get_by_role("link", name="Scheme of delegation").click()
    check_accessibility(page)
    page.get_by_role("button", name="Add a category").click()
    page.get_by_label("Name of the category").fill("Grants and commissioning")
    page.get_by_label("The Commissioner or the Deputy").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("link", name="Grants and commissioning (change)")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Issuing the police and crime plan (change)").click()
    expect(page.get_by_text("issuing a police and crime plan (see section 5)")).to_be_visible()
    check_accessibility(page)

    page.context.clear_cookies()
    visit(page, "/scheme-of-delegation/")
    expect(page.get_by_role("heading", name="Scheme of delegation")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Grants and commissioning")).to_contain_text(
        "Deputy"
    )
    check_accessibility(page)

    sign_in_as(page, live_server, staff)
    visit(page, "/governance/decisions/new/")
    page.get_by_label("Title").fill("Precept proposal for 2027/28")
    page.get_by_label("Summary").fill("The proposed precept.")
    page.get_by_label("Category").select_option(
        label="Calculating the council tax requirement (precept) or budget requirement"
    )
    page.get_by_label("Decision maker").select_option(
        label="Deputy Police and Crime Commissioner (delegated)"
    )
    page.get_by_role("button", name="Save the decision").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Only the Commissioner may make this decision")
    expect(summary).to_contain_text("s.18(7)(f)")
    check_accessibility(page)
