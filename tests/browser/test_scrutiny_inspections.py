"""The main path of an HMICFRS report: staff record it, ask the Chief Constable for comments,
record them and answer each recommendation; the Commissioner publishes the response, which the
public then read on the transparency hub."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from opcc.roles import Role
from scrutiny.models import HmicfrsInspection, InspectionStatus
from tests.browser.conftest import check_accessibility, sign_in_as, visit
from tests.opcc.factories import UserFactory


def become(page, live_server, user):
    page.context.clear_cookies()
    sign_in_as(page, live_server, user)


def test_staff_record_a_response_and_the_commissioner_publishes_it(page, live_server):
    staff = UserFactory(role=Role.STAFF, full_name="Priya Shah")
    pcc = UserFactory(role=Role.PCC, full_name="Alex Morgan")
    published = timezone.localdate() - timedelta(days=10)
    title = "An inspection of vetting and misconduct"

    # Staff record the report from the scrutiny landing page; a first try without a title fails.
    become(page, live_server, staff)
    visit(page, "/scrutiny/")
    page.get_by_role("link", name="Record an HMICFRS report").click()
    check_accessibility(page)
    page.get_by_label("Thematic").check()
    page.get_by_label("Day").fill(str(published.day))
    page.get_by_label("Month").fill(str(published.month))
    page.get_by_label("Year").fill(str(published.year))
    page.get_by_label("Link to the report on the HMICFRS website").fill(
        "https://hmicfrs.example/vetting"
    )
    page.get_by_label("Recommendations (optional)").fill("Vet every officer again by 2027.")
    page.get_by_role("button", name="Record the report").click()
    expect(page.get_by_role("link", name="Enter the title of the report")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Title of the report").fill(title)
    page.get_by_role("button", name="Record the report").click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    due = (published + timedelta(days=55)).strftime("%-d %b %Y")
    expect(page.get_by_text(due)).to_be_visible()
    check_accessibility(page)

    # The Chief Constable's comments: asked for, then recorded.
    page.get_by_role("button", name="Request the Chief Constable's comments").click()
    check_accessibility(page)
    page.get_by_role("button", name="Record the request").click()
    expect(
        page.get_by_text("The request for the Chief Constable's comments has been sent.")
    ).to_be_visible()
    page.get_by_role("button", name="Record the Chief Constable's comments").click()
    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("The Chief Constable's comments").fill("The force accepts the finding.")
    page.get_by_role("button", name="Save the comments").click()
    expect(page.get_by_text("The force accepts the finding.")).to_be_visible()

    # The Commissioner's comments and the answer to the recommendation.
    page.get_by_role("link", name="Write the Commissioner's comments").click()
    check_accessibility(page)
    page.get_by_label("The Commissioner's comments").fill("I will hold the force to account.")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Answer recommendation 1").click()
    check_accessibility(page)
    page.get_by_label("Action proposed").check()
    page.get_by_label("The action, or why there is none").fill("A re-vetting programme in 2026.")
    page.get_by_role("button", name="Save the answer").click()
    expect(page.get_by_text("A re-vetting programme in 2026.")).to_be_visible()
    check_accessibility(page)
    expect(page.get_by_role("button", name="Publish the response")).to_have_count(0)

    # The Commissioner publishes it from the dashboard.
    become(page, live_server, pcc)
    visit(page, "/my-work/")
    page.get_by_role("region", name="HMICFRS responses due").get_by_role("link", name=title).click()
    page.get_by_role("button", name="Publish the response").click()
    expect(
        page.get_by_text("The response has been published on the transparency hub.")
    ).to_be_visible()
    check_accessibility(page)
    assert HmicfrsInspection.objects.get().status == InspectionStatus.PUBLISHED

    # The public find it from the transparency hub.
    page.context.clear_cookies()
    visit(page, "/transparency/")
    page.get_by_role("link", name="HMICFRS reports and responses").click()
    check_accessibility(page)
    page.get_by_role("link", name=title).click()
    expect(page.get_by_text("I will hold the force to account.")).to_be_visible()
    expect(page.get_by_text("The force accepts the finding.")).to_be_visible()
    check_accessibility(page)


def test_the_office_sends_the_quarterly_report_and_the_panel_reads_it(page, live_server):
    from dateutil.relativedelta import relativedelta

    from scrutiny.quarters import quarter_label, quarter_start
    from tests.scrutiny.factories_plan import MeasureValueFactory

    staff = UserFactory(role=Role.STAFF, full_name="Priya Shah")
    pcc = UserFactory(role=Role.PCC, full_name="Alex Morgan")
    member = UserFactory(role=Role.PANEL, full_name="Councillor Reid")
    last_quarter = quarter_start(timezone.localdate()) - relativedelta(months=3)
    label = quarter_label(last_quarter)
    value = MeasureValueFactory(measure__name="Victims satisfied", quarter=last_quarter)
    plan = value.measure.priority.plan
    plan.published_at = timezone.now()
    plan.save()

    # Staff start the report, write the introduction and generate the PDF.
    become(page, live_server, staff)
    visit(page, "/scrutiny/")
    page.get_by_role("link", name="Start a quarterly report").click()
    check_accessibility(page)
    page.get_by_label("Which quarter is the report for?").select_option(label=label)
    page.get_by_label("Introduction (optional)").fill("A quarter of steady progress.")
    page.get_by_role("button", name="Start the report").click()
    expect(page.get_by_role("heading", name=label)).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Generate the report").click()
    expect(page.get_by_role("link", name="PDF (ready)")).to_be_visible()
    check_accessibility(page)

    # The Commissioner sends it to the panel.
    become(page, live_server, pcc)
    visit(page, "/scrutiny/panel-reports/")
    page.get_by_role("link", name=label, exact=True).click()
    page.get_by_role("button", name="Send to every panel member").click()
    expect(page.get_by_text("The report has been sent to every panel member.")).to_be_visible()
    expect(page.get_by_role("cell", name="Councillor Reid")).to_be_visible()
    check_accessibility(page)

    # The panel member finds it on My work.
    become(page, live_server, member)
    visit(page, "/my-work/")
    page.get_by_role("region", name="Quarterly reports to the panel").get_by_role(
        "link", name=label
    ).click()
    expect(page.get_by_text("A quarter of steady progress.")).to_be_visible()
    check_accessibility(page)

    # The public read the Plan's figures as a table and a chart.
    page.context.clear_cookies()
    visit(page, "/scrutiny/police-and-crime-plan/")
    expect(
        page.get_by_role("img", name="Victims satisfied: the force's figure each quarter")
    ).to_be_visible()
    expect(page.get_by_role("row", name=f"{label} 75 % Short of the target")).to_be_visible()


def test_a_horizon_scan_entry_becomes_a_forward_plan_topic(page, live_server):
    staff = UserFactory(role=Role.STAFF, full_name="Priya Shah")
    today = timezone.localdate()
    become(page, live_server, staff)
    visit(page, "/scrutiny/")
    page.get_by_role("link", name="The horizon-scanning log").click()
    check_accessibility(page)
    page.get_by_role("button", name="Add to the log").click()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Source").fill("Home Office")
    page.get_by_label("Summary").fill("New rules on police complaints")
    page.get_by_label("High").check()
    page.get_by_role("button", name="Add to the log").click()
    expect(
        page.get_by_text("The entry has been added to the horizon-scanning log.")
    ).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Make it a topic").click()
    check_accessibility(page)
    page.get_by_label("Quarter it is planned for").select_option(index=3)
    page.get_by_label("Lead").select_option(label="Priya Shah (OPCC staff)")
    page.get_by_role("button", name="Save the topic").click()
    expect(page.get_by_text("From the horizon scan")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="The whole forward plan").click()
    expect(page.get_by_role("link", name="New rules on police complaints")).to_be_visible()
    check_accessibility(page)


def test_the_other_scrutiny_pages_pass_the_accessibility_check(page, live_server):
    from tests.scrutiny.factories_inspections import InspectionItemFactory, PanelReportFactory
    from tests.scrutiny.factories_plan import MeasureValueFactory, TopicFactory

    staff = UserFactory(role=Role.STAFF, full_name="Priya Shah")
    value = MeasureValueFactory(measure__name="Victims satisfied")
    measure, plan = value.measure, value.measure.priority.plan
    item = InspectionItemFactory()
    topic = TopicFactory(lead=staff)
    report = PanelReportFactory()
    become(page, live_server, staff)
    for path in (
        "/scrutiny/inspections/",
        f"/scrutiny/inspections/{item.inspection.code}/",
        f"/scrutiny/inspections/{item.inspection.code}/items/{item.pk}/",
        "/scrutiny/plan/",
        f"/scrutiny/plan/{plan.pk}/",
        f"/scrutiny/plan/measures/{measure.pk}/",
        f"/scrutiny/plan/measures/{measure.pk}/values/new/",
        f"/scrutiny/plan/priorities/{measure.priority_id}/measures/new/",
        "/scrutiny/forward-plan/",
        f"/scrutiny/forward-plan/{topic.pk}/edit/",
        "/scrutiny/panel-reports/",
        f"/scrutiny/panel-reports/{report.code}/",
        f"/scrutiny/panel-reports/{report.code}/introduction/",
    ):
        visit(page, path)
        expect(page.locator("h1")).to_be_visible()
