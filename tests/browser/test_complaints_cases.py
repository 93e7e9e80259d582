"""The main path of a complaint about the Chief Constable: a member of the public complains
online, the Chief Executive records it and assigns a handler, and the handler sees the
complainant's details."""

from django.core.cache import cache
from playwright.sync_api import expect

from complaints.models import Complaint, ComplaintStatus
from opcc.roles import Role
from tests.browser.conftest import check_accessibility, sign_in_as, visit
from tests.opcc.factories import UserFactory


def become(page, live_server, user):
    page.context.clear_cookies()
    sign_in_as(page, live_server, user)


def test_public_complains_the_chief_executive_records_and_assigns_and_the_handler_sees_details(
    page, live_server
):
    cache.clear()  # the public form's rate limit counts per address
    chief_executive = UserFactory(role=Role.CHIEF_EXECUTIVE, full_name="Jo Williams")
    handler = UserFactory(role=Role.STAFF, full_name="Priya Shah")

    # A member of the public complains about the Chief Constable; a first try without saying
    # whom it is about is refused.
    visit(page, "/complaints/complain/")
    check_accessibility(page)
    page.get_by_role("button", name="Start now").click()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("link", name="Choose who your complaint is about")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("The Chief Constable").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("What happened?").fill("The Chief Constable never answered my letters.")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Your full name").fill("Sam Complainant")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Email address", exact=True).fill("sam@example.org")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Check your answers before sending")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Complaint sent")).to_be_visible()
    reference = Complaint.objects.get().reference
    expect(page.get_by_text(reference)).to_be_visible()
    check_accessibility(page)

    # The Chief Executive finds it on the dashboard, records it and assigns a handler.
    become(page, live_server, chief_executive)
    visit(page, "/my-work/")
    page.get_by_role("region", name="Complaints").get_by_role("link", name=reference).click()
    expect(page.get_by_text("sam@example.org")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Record the complaint").click()
    expect(page.get_by_text(f"Complaint {reference} has been recorded.")).to_be_visible()
    page.get_by_role("button", name="Assign a handler").click()
    check_accessibility(page)
    page.get_by_label("Handler").select_option(label="Priya Shah (OPCC staff)")
    page.get_by_role("button", name="Assign the handler").click()
    expect(page.get_by_text(f"Complaint {reference} has been assigned.")).to_be_visible()
    check_accessibility(page)

    # The handler finds the case in the list and sees the complainant's details.
    become(page, live_server, handler)
    visit(page, "/complaints/cases/")
    check_accessibility(page)
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_text("Sam Complainant")).to_be_visible()
    expect(page.get_by_text("sam@example.org")).to_be_visible()
    check_accessibility(page)
    complaint = Complaint.objects.get()
    assert complaint.status == ComplaintStatus.BEING_HANDLED
    assert complaint.handler == handler
