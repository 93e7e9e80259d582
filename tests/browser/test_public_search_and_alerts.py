"""The public's main paths beyond the hub: search for a decision and open it; subscribe to
e-mail alerts and confirm from the e-mail's link."""

from django.utils import timezone
from playwright.sync_api import expect

from governance.models import DecisionStatus
from opcc.models import AlertSubscription, OutboundMessage
from tests.browser.conftest import check_accessibility, visit
from tests.governance.factories import DecisionFactory


def test_the_public_searches_and_opens_a_decision(page):
    now = timezone.now()
    DecisionFactory(
        title="Street lighting for the riverside path",
        status=DecisionStatus.PUBLISHED,
        published_at=now,
        signed_at=now,
    )

    visit(page, "/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Search").click()
    page.get_by_label("Search", exact=True).fill("riverside lighting")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("1 result")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Street lighting for the riverside path").click()
    expect(
        page.get_by_role("heading", name="Street lighting for the riverside path")
    ).to_be_visible()


def test_the_public_subscribes_to_alerts_and_confirms(page, live_server):
    visit(page, "/transparency/")
    page.get_by_role("link", name="Get an e-mail when something new is published").click()
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("link", name="Choose what you want to hear about")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Decisions").check()
    page.get_by_label("Email address").fill("reader@example.org")
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()

    message = OutboundMessage.objects.get(kind="alert_confirmation")
    link = message.body_text.split("/alerts/confirm/", 1)[1].split()[0]
    visit(page, f"/alerts/confirm/{link}")
    check_accessibility(page)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Alerts confirmed")).to_be_visible()
    assert AlertSubscription.objects.get().confirmed_at is not None
