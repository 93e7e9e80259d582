"""The main path of a meeting: staff schedule it, build and publish the agenda, record that it
was held, minute each item, record an action and the chair's approval; the public then read the
approved minutes, with the confidential item shown by its title and reason only."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from opcc.roles import Role
from scrutiny.models import Action, Body, Meeting, MeetingStatus
from scrutiny.seed_meetings import seed_meetings, tiny_pdf
from tests.browser.conftest import check_accessibility, visit
from tests.browser.test_complaint_reviews import become
from tests.opcc.factories import UserFactory
from tests.scrutiny.factories_meetings import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    PaperFactory,
)


def add_item(page, title, presenter, reason=""):
    page.get_by_role("button", name="Add an agenda item").click()
    check_accessibility(page)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Presenter").fill(presenter)
    if reason:
        page.get_by_label("This item is confidential (taken in private)").check()
        page.get_by_label("If it is confidential, why?").fill(reason)
    page.get_by_role("button", name="Add the item").click()


def test_staff_run_a_meeting_and_the_public_read_its_approved_minutes(page, live_server):
    staff = UserFactory(role=Role.STAFF, full_name="Priya Shah")
    BodyFactory(name="Accountability Board")
    today = timezone.localdate()

    # Schedule a meeting for today; a first try without a place is refused.
    become(page, live_server, staff)
    visit(page, "/scrutiny/")
    page.get_by_role("link", name="Schedule a meeting").click()
    check_accessibility(page)
    page.get_by_label("Which body is meeting?").select_option(label="Accountability Board")
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Start time").fill("10:00")
    page.get_by_role("button", name="Schedule the meeting").click()
    expect(page.get_by_role("link", name="Enter where the meeting is held")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Place").fill("Committee Room 1")
    page.get_by_role("button", name="Schedule the meeting").click()
    expect(page.get_by_role("heading", name=f"Meeting of {today:%-d %B %Y}")).to_be_visible()
    check_accessibility(page)

    # Build the agenda: a public item with a paper, and a confidential one.
    add_item(page, "Performance against the plan", "Chief Constable")
    add_item(page, "Sale of a police station", "SECRET-PRESENTER", "Commercially sensitive")
    page.get_by_role("link", name="Add a paper to item 1").click()
    check_accessibility(page)
    page.get_by_label("Title").fill("Performance report")
    page.get_by_label("Paper").set_input_files(
        files=[{"name": "report.pdf", "mimeType": "application/pdf", "buffer": tiny_pdf("Q2")}]
    )
    page.get_by_role("button", name="Add the paper").click()
    expect(page.get_by_text("The paper has been added.")).to_be_visible()
    check_accessibility(page)

    # Publish, then record that the meeting was held.
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.get_by_text("The agenda has been published.")).to_be_visible()
    page.get_by_role("button", name="Record that the meeting was held").click()
    expect(page.get_by_text("The meeting has been recorded as held")).to_be_visible()
    check_accessibility(page)

    # Minute each item and record an action on the first.
    for position, minutes in ((1, "Members noted the report."), (2, "SECRET-MINUTE agreed.")):
        page.get_by_role("link", name=f"Draft the minutes of item {position}").click()
        check_accessibility(page)
        page.get_by_label("Minutes").fill(minutes)
        page.get_by_role("button", name="Save the minutes").click()
        expect(page.get_by_text(f"The minutes of item {position} are saved.")).to_be_visible()
    page.get_by_role("link", name="Record an action on item 1").click()
    check_accessibility(page)
    due = today + timedelta(days=28)
    page.get_by_label("What is to be done?").fill("Report back on 101 answering times.")
    page.get_by_label("Who will do it?").fill("Ch Supt Ravi Desai")
    page.get_by_label("The force").check()
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    page.get_by_role("button", name="Record the action").click()
    expect(page.get_by_text("The action has been recorded.")).to_be_visible()

    # A panel member reads the published agenda: the draft minutes are not there.
    meeting = Meeting.objects.get()
    become(page, live_server, UserFactory(role=Role.PANEL))
    visit(page, f"/meetings/{meeting.code}/")
    expect(page.get_by_text("Members noted the report.")).to_have_count(0)

    # The chair approves the minutes; staff record it.
    become(page, live_server, staff)
    visit(page, meeting.get_absolute_url())
    page.get_by_role("button", name="Record the approval of the minutes").click()
    check_accessibility(page)
    page.get_by_label("The chair, on the body's behalf").check()
    page.get_by_role("button", name="Record the approval").click()
    expect(page.get_by_text("The minutes are approved and published.")).to_be_visible()
    check_accessibility(page)

    # The public find the meeting and read the approved minutes.
    page.context.clear_cookies()
    visit(page, "/meetings/")
    page.get_by_role("link", name=f"{today:%-d %b %Y}").click()
    check_accessibility(page)
    expect(page.get_by_text("Members noted the report.")).to_be_visible()
    expect(page.get_by_text("Report back on 101 answering times.")).to_be_visible()
    expect(page.get_by_text("Confidential: Commercially sensitive")).to_be_visible()
    expect(page.get_by_role("link", name="Performance report")).to_be_visible()
    expect(page.get_by_role("link", name="Minutes (PDF)")).to_be_visible()
    content = page.content()
    assert "SECRET-MINUTE" not in content
    assert "SECRET-PRESENTER" not in content
    assert Meeting.objects.get().status == MeetingStatus.MINUTES_APPROVED
    assert Action.objects.count() == 1


def test_staff_withdraw_a_paper_published_by_mistake(page, live_server):
    staff = UserFactory(role=Role.STAFF)
    meeting = MeetingFactory(
        status=MeetingStatus.AGENDA_PUBLISHED, held_on=timezone.localdate() + timedelta(days=14)
    )
    item = AgendaItemFactory(meeting=meeting, title="Estates strategy")
    PaperFactory(item=item, title="Legal advice")

    become(page, live_server, staff)
    visit(page, meeting.get_absolute_url())
    page.get_by_text("Withdraw the paper Legal advice").click()
    check_accessibility(page)
    page.get_by_label("Why is the paper withdrawn?").fill("Confidential advice attached by mistake")
    page.get_by_role("button", name="Withdraw the paper").click()
    expect(page.get_by_text("The paper Legal advice has been withdrawn.")).to_be_visible()
    expect(page.get_by_text("Confidential advice attached by mistake")).to_be_visible()
    check_accessibility(page)

    page.context.clear_cookies()
    visit(page, meeting.get_public_url())
    expect(page.get_by_text("Estates strategy")).to_be_visible()
    expect(page.get_by_role("link", name="Legal advice")).to_have_count(0)


def test_the_demo_year_of_meetings_reads_well_for_staff_and_the_public(page, live_server):
    staff = UserFactory(role=Role.STAFF, email="staff@opcc.example", full_name="Priya Shah")
    seed_meetings(0, lambda message: None)
    board = Body.objects.get(name="Accountability Board")

    # Staff see the overdue actions on "My work" and bring one up to date.
    become(page, live_server, staff)
    visit(page, "/my-work/")
    panel = page.get_by_role("region", name="Overdue actions from meetings")
    expect(panel.get_by_role("link", name="All overdue actions")).to_be_visible()
    panel.get_by_role("link", name="All overdue actions").click()
    check_accessibility(page)
    page.get_by_role(
        "link", name="Report back on 101 call answering times by district."
    ).first.click()
    check_accessibility(page)
    page.get_by_label("Update").fill("Figures received and circulated.")
    page.get_by_label("Done").check()
    page.get_by_role("button", name="Add the update").click()
    expect(page.get_by_text("The update has been added.")).to_be_visible()
    expect(page.get_by_text("Figures received and circulated.")).to_be_visible()
    check_accessibility(page)

    # The meetings list, a body's meetings and the bodies.
    visit(page, "/scrutiny/meetings/")
    page.get_by_label("Body").select_option(label="Accountability Board")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("7 meetings")).to_be_visible()
    check_accessibility(page)
    visit(page, "/scrutiny/bodies/")
    page.get_by_role("link", name="Ethics Committee", exact=True).click()
    expect(page.get_by_label("Its meetings are open to the public")).not_to_be_checked()
    check_accessibility(page)

    # The public: the published meetings of the board, with minutes and the agenda pack.
    page.context.clear_cookies()
    visit(page, f"/meetings/?body={board.pk}")
    expect(page.get_by_text("6 meetings")).to_be_visible()
    page.get_by_role("link", name="Accountability Board").first.click()
    check_accessibility(page)
    expect(page.get_by_text("Confidential: Commercially sensitive")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Agenda pack (PDF)").click()
    assert download.value.suggested_filename.startswith("agenda-pack-")
