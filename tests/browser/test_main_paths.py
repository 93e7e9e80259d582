import base64
import re

from django_otp.oath import totp
from playwright.sync_api import expect

from opcc.roles import Role
from opcc.transparency import CATEGORIES
from tests.browser.conftest import check_accessibility, sign_in_as, visit
from tests.opcc.factories import PASSWORD, TOTPDeviceFactory, UserFactory


def current_code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_staff_member_signs_in_with_a_totp_code_and_sees_the_dashboard(page):
    user = UserFactory(role=Role.STAFF, email="priya@opcc.example", full_name="Priya Shah")
    device = TOTPDeviceFactory(user=user)

    visit(page, "/")
    page.get_by_role("link", name="Sign in").first.click()
    check_accessibility(page)
    page.get_by_label("Email address").fill("priya@opcc.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Enter your security code")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Security code").fill(current_code(device))
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="My work", level=1)).to_be_visible()
    expect(page.get_by_text("Priya Shah, OPCC staff")).to_be_visible()
    navigation = page.get_by_role("navigation", name="Menu")
    expect(navigation.get_by_role("link", name="Notifications")).to_be_visible()
    expect(navigation.get_by_role("link", name="People")).to_have_count(0)
    check_accessibility(page)

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()


def test_first_sign_in_enrols_an_authenticator_app(page):
    UserFactory(role=Role.CFO, email="cfo@opcc.example")

    visit(page, "/account/sign-in/")
    page.get_by_label("Email address").fill("cfo@opcc.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Set up your security code")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    check_accessibility(page)
    page.get_by_text("I cannot scan the QR code").click()
    secret = page.locator("#totp-secret").inner_text().strip()
    key = base64.b32decode(secret)
    page.get_by_label("Security code").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="My work", level=1)).to_be_visible()


def test_sign_in_errors_are_summarised_and_lead_to_the_field(page):
    visit(page, "/account/sign-in/")
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    check_accessibility(page)
    summary.get_by_role("link", name="Enter your password").click()
    expect(page.get_by_label("Password")).to_be_focused()


def test_the_public_reads_the_transparency_hub(page):
    visit(page, "/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Transparency").click()

    expect(page.get_by_role("heading", name="Transparency", level=1)).to_be_visible()
    table = page.get_by_role("table")
    expect(table.get_by_role("row")).to_have_count(1 + len(CATEGORIES))
    expect(table.get_by_text("Nothing published yet").first).to_be_visible()
    check_accessibility(page)
    table.get_by_role("link", name="Spending over £500").click()
    expect(page.get_by_role("heading", name="Spending over £500", level=1)).to_be_visible()
    check_accessibility(page)
    visit(page, "/accessibility/")
    visit(page, "/privacy/")


def test_chief_executive_prints_a_change_history_and_downloads_it(page, live_server):
    chief_executive = UserFactory(role=Role.CHIEF_EXECUTIVE, full_name="Jo Williams")
    visitor = UserFactory(role=Role.VISITOR, full_name="Dee Clarke")
    visitor.full_name = "Dee Clarke-Jones"
    visitor._history_user = chief_executive
    visitor.save()
    sign_in_as(page, live_server, chief_executive)

    visit(page, "/my-work/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="People").click()
    check_accessibility(page)
    page.get_by_role("link", name="Changes to Dee Clarke-Jones").click()

    expect(page.get_by_role("heading", name="Change history: Dee Clarke-Jones")).to_be_visible()
    expect(page.get_by_role("cell", name="Dee Clarke", exact=True)).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Create a PDF of this history").click()

    expect(page.get_by_role("heading", name="Your document is ready")).to_be_visible()
    check_accessibility(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download the PDF")).click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_a_page_that_is_not_allowed_is_explained(page, live_server):
    sign_in_as(page, live_server, UserFactory(role=Role.VISITOR))
    visit(page, "/complaints/")
    expect(page.get_by_role("heading", name="You do not have permission")).to_be_visible()


def test_the_accessibility_check_catches_a_violation(page):
    # The harness itself: an unlabelled field and an image without text must fail it.
    page.set_content('<html lang="en"><title>t</title><main><input><img src="x.png"></main></html>')
    try:
        check_accessibility(page)
    except AssertionError as failure:
        assert "label" in str(failure) and "image-alt" in str(failure)
    else:
        raise AssertionError("axe-core found nothing wrong with an unlabelled field")
    page.problems.clear()  # the missing x.png is part of this test


def test_document_page_updates_itself_when_the_document_is_ready(page, live_server):
    from opcc.documents import generate_document
    from opcc.models import GeneratedDocument, SecurityMarking

    chief_executive = UserFactory(role=Role.CHIEF_EXECUTIVE)
    visitor = UserFactory(role=Role.VISITOR, full_name="Dee Clarke")
    # Queued but not yet taken by a worker, as when the queue is busy.
    document = GeneratedDocument.objects.create(
        kind="record_history",
        title="Change history: Dee Clarke",
        of=visitor,
        requested_by=chief_executive,
        marking=SecurityMarking.OFFICIAL_SENSITIVE,
    )
    sign_in_as(page, live_server, chief_executive)

    visit(page, f"/documents/{document.code}/")
    expect(page.get_by_role("status")).to_contain_text("Queued")

    generate_document(document.pk)  # the worker finishes while the page is open

    expect(page.get_by_role("heading", name="Your document is ready")).to_be_visible(timeout=15000)
    check_accessibility(page)
    expect(page.get_by_role("link", name=re.compile("Download the PDF"))).to_be_visible()
