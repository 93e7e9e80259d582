"""The main path of a complaint review: a member of the public asks for one online, the Chief
Executive assigns it, and the reviewer decides it."""

from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from complaints.models import ComplaintReview, ReviewStatus
from opcc.roles import Role
from tests.browser.conftest import check_accessibility, sign_in_as, visit
from tests.opcc.factories import UserFactory


def become(page, live_server, user):
    page.context.clear_cookies()
    sign_in_as(page, live_server, user)


def test_public_asks_for_a_review_the_chief_executive_assigns_it_and_staff_decide_it(
    page, live_server
):
    cache.clear()  # the public form's rate limit counts per address
    chief_executive = UserFactory(role=Role.CHIEF_EXECUTIVE, full_name="Jo Williams")
    reviewer = UserFactory(role=Role.STAFF, full_name="Priya Shah")
    outcome = timezone.localdate() - timedelta(days=10)

    # A member of the public asks for a review; a first try with no name is refused.
    visit(page, "/complaints/review/")
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("The police's reference for your complaint").fill("CO/2026/555")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Day").fill(str(outcome.day))
    page.get_by_label("Month").fill(str(outcome.month))
    page.get_by_label("Year").fill(str(outcome.year))
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("The Police and Crime Commissioner").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Why do you think the outcome was wrong?").fill(
        "They never spoke to my witness."
    )
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("link", name="Enter your full name")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Your full name").fill("Sam Complainant")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Email address", exact=True).fill("sam@example.org")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("They never spoke to my witness.")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Request sent")).to_be_visible()
    reference = ComplaintReview.objects.get().reference
    expect(page.get_by_text(reference)).to_be_visible()
    check_accessibility(page)

    # The Chief Executive finds it among the unassigned requests and assigns it.
    become(page, live_server, chief_executive)
    visit(page, "/my-work/")
    page.get_by_role("region", name="Complaint reviews").get_by_role("link", name=reference).click()
    expect(page.get_by_text("sam@example.org")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Assign a reviewer").click()
    check_accessibility(page)
    page.get_by_label("Reviewer").select_option(label="Priya Shah (OPCC staff)")
    page.get_by_role("button", name="Assign the reviewer").click()
    expect(page.get_by_text(f"Review {reference} has been assigned.")).to_be_visible()

    # The reviewer decides it: the outcome was reasonable and proportionate.
    become(page, live_server, reviewer)
    visit(page, "/complaints/reviews/")
    page.get_by_role("link", name=reference).click()
    check_accessibility(page)
    page.get_by_role("button", name="Decide the review").click()
    check_accessibility(page)
    page.get_by_label("The outcome was reasonable and proportionate", exact=True).check()
    page.get_by_label("Reasons for the finding").fill(
        "The force tried twice to reach the witness and explained why it could not."
    )
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text(f"Review {reference} has been decided.")).to_be_visible()
    expect(page.locator(".govuk-tag", has_text="Decided")).to_be_visible()
    check_accessibility(page)
    assert ComplaintReview.objects.get().status == ReviewStatus.DECIDED
