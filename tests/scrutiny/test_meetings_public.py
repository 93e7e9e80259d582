"""The public meetings pages: what a published agenda shows, what it never shows (a
confidential item's presenter, papers, minutes or actions; a draft or planned meeting), the CSV
export, the agenda pack PDF, the transparency hub row, and the report section."""

import csv
import datetime
import io

import pytest
import time_machine
from django.template.loader import render_to_string
from pypdf import PdfReader

from opcc.registry import report_sections, transparency_sources
from opcc.roles import Role
from scrutiny.models import ActionStatus, MeetingStatus
from scrutiny.services import meetings as services
from tests.scrutiny.factories_meetings import (
    ActionFactory,
    AgendaItemFactory,
    BodyFactory,
    ConfidentialItemFactory,
    MeetingFactory,
    PaperFactory,
)

pytestmark = pytest.mark.django_db

SECRETS = ("SECRET-PAPER", "SECRET-MINUTE", "SECRET-ACTION", "SECRET-PRESENTER")


@pytest.fixture(autouse=True)
def in_november_2026():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


def pdf_text(response) -> str:
    content = b"".join(response.streaming_content)
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def meeting_with_secrets(people, django_capture_on_commit_callbacks):
    """A meeting taken through publication, holding and approval, with a confidential item
    whose every part is marked SECRET-."""
    staff = people[Role.STAFF]
    body = BodyFactory(name="Accountability Board")
    meeting = MeetingFactory(body=body, held_on=datetime.date(2026, 11, 2))
    public = AgendaItemFactory(meeting=meeting, title="Performance report")
    secret = ConfidentialItemFactory(
        meeting=meeting, title="Estates disposal", presenter="SECRET-PRESENTER"
    )
    PaperFactory(item=public, title="Performance paper")
    secret_paper = PaperFactory(item=secret, title="SECRET-PAPER valuation")
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_agenda(staff, meeting)
    services.record_meeting_held(staff, meeting)
    services.record_minutes(staff, public, minutes="Members noted it.", expected_version=1)
    ActionFactory(item=public, description="Publish the figures")
    ActionFactory(item=secret, description="SECRET-ACTION renegotiate")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_minutes(staff, meeting, by_chair=True)
    return meeting, secret, secret_paper


def test_confidential_items_show_only_title_and_reason_on_the_public_page(
    client, meeting_with_secrets
):
    meeting, _, _ = meeting_with_secrets
    page = client.get(meeting.get_public_url()).content.decode()

    assert "Estates disposal" in page
    assert "Confidential: Commercially sensitive" in page
    assert "Performance paper" in page
    assert "Members noted it." in page
    assert "Publish the figures" in page
    for secret_text in SECRETS:
        assert secret_text not in page


def test_confidential_items_never_reach_the_csv_export(client, meeting_with_secrets):
    response = client.get("/meetings/export.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))

    assert response["Content-Disposition"] == 'attachment; filename="meetings.csv"'
    assert rows[0]["public_items"] == "Performance report"
    assert rows[0]["confidential_items"] == "1"
    for secret_text in (*SECRETS, "Estates disposal"):
        assert secret_text not in response.content.decode()


def test_confidential_items_never_reach_the_json_export(client, meeting_with_secrets):
    response = client.get("/meetings/export.json")
    meetings = response.json()["rows"]

    assert [(m["public_items"], m["confidential_items"]) for m in meetings] == [
        ("Performance report", 1)
    ]
    for secret_text in (*SECRETS, "Estates disposal"):
        assert secret_text not in response.content.decode()


def test_confidential_items_never_reach_the_pdfs(client, meeting_with_secrets):
    meeting, _, _ = meeting_with_secrets
    pack = client.get(f"/meetings/{meeting.code}/agenda-pack.pdf")
    minutes = client.get(f"/meetings/{meeting.code}/minutes.pdf")

    pack_text, minutes_text = pdf_text(pack), pdf_text(minutes)
    assert "Performance paper" in pack_text  # the public paper follows the agenda
    assert "Confidential: Commercially sensitive" in pack_text
    assert "Members noted it." in minutes_text
    for secret_text in SECRETS:
        assert secret_text not in pack_text
        assert secret_text not in minutes_text


def test_the_next_agenda_shows_public_actions_of_draft_minutes_but_nothing_confidential(
    client, people, django_capture_on_commit_callbacks
):
    staff = people[Role.STAFF]
    body = BodyFactory()
    earlier = MeetingFactory(body=body, held_on=datetime.date(2026, 9, 1), status="held")
    public = AgendaItemFactory(meeting=earlier, minutes="DRAFT-MINUTE members were unsure.")
    ActionFactory(item=public, description="Publish the figures", owner="Supt Jane Cole")
    ActionFactory(item=ConfidentialItemFactory(meeting=earlier), description="SECRET-ACTION")
    meeting = MeetingFactory(body=body, held_on=datetime.date(2026, 12, 1))
    AgendaItemFactory(meeting=meeting, title="Minutes of the last meeting")
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_agenda(staff, meeting)

    page = client.get(meeting.get_public_url()).content.decode()
    pack = pdf_text(client.get(f"/meetings/{meeting.code}/agenda-pack.pdf"))
    for shown in (page, pack):
        assert "Publish the figures" in shown and "Supt Jane Cole" in shown
        for hidden in ("SECRET-ACTION", "SECRET-MINUTE", "DRAFT-MINUTE"):
            assert hidden not in shown


def test_a_confidential_paper_is_never_served_publicly(client, client_for, meeting_with_secrets):
    _, _, secret_paper = meeting_with_secrets
    assert client.get(f"/meetings/papers/{secret_paper.code}/").status_code == 404
    assert client_for(Role.PANEL).get(f"/meetings/papers/{secret_paper.code}/").status_code == 404
    assert client_for(Role.STAFF).get(f"/scrutiny/papers/{secret_paper.code}/").status_code == 200


def test_a_planned_meeting_and_its_papers_are_not_public(client):
    paper = PaperFactory(item__title="PLANNED-ITEM")
    meeting = paper.item.meeting
    assert client.get(meeting.get_public_url()).status_code == 404
    assert client.get(f"/meetings/papers/{paper.code}/").status_code == 404
    assert "PLANNED-ITEM" not in client.get("/meetings/export.csv").content.decode()
    assert client.get(f"/meetings/{meeting.code}/agenda-pack.pdf").status_code == 404


def test_a_public_paper_of_a_published_agenda_is_served_to_anyone(client):
    paper = PaperFactory(item__meeting__status=MeetingStatus.AGENDA_PUBLISHED)
    response = client.get(f"/meetings/papers/{paper.code}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_public_list_filters_by_body_and_year(client):
    board, committee = BodyFactory(name="Board"), BodyFactory(name="Committee")
    MeetingFactory(body=board, status="held", held_on=datetime.date(2025, 6, 1), place="P-2025")
    MeetingFactory(body=board, status="held", held_on=datetime.date(2026, 6, 1), place="P-2026")
    MeetingFactory(body=committee, status="held", held_on=datetime.date(2026, 7, 1))
    MeetingFactory(body=board, held_on=datetime.date(2026, 12, 1))  # planned: not public

    page = client.get(f"/meetings/?body={board.pk}&year=2026").content.decode()
    assert "1 meeting" in page
    assert "1 Jun 2026" in page
    assert "1 Jul 2026" not in page
    export = client.get(f"/meetings/export.csv?body={board.pk}").content.decode()
    assert "P-2025" in export and "P-2026" in export
    assert client.get("/meetings/?body=x&year=nonsense").status_code == 200


@pytest.mark.parametrize("rows", [3, 30])
def test_the_public_list_takes_the_same_queries_whatever_its_length(
    client, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        AgendaItemFactory(meeting__status=MeetingStatus.AGENDA_PUBLISHED)
    with django_assert_max_num_queries(5):
        response = client.get("/meetings/")
    row_link = '<td class="govuk-table__cell"><a class="govuk-link" href="/meetings/'
    assert response.content.decode().count(row_link) == min(rows, 25)


@pytest.mark.parametrize("rows", [3, 30])
def test_the_csv_export_takes_the_same_queries_whatever_its_length(
    client, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        AgendaItemFactory(meeting__status=MeetingStatus.AGENDA_PUBLISHED)
    with django_assert_max_num_queries(3):
        response = client.get("/meetings/export.csv")
        content = response.content.decode()
    assert content.count("\n") == rows + 1


def test_the_transparency_hub_dates_meetings_by_the_latest_publication_or_approval():
    source = transparency_sources.get("meetings")
    assert source.url_name == "public_meetings"
    assert source.last_updated() is None
    MeetingFactory(
        status="held", agenda_published_at=datetime.datetime(2026, 9, 1, 9, tzinfo=datetime.UTC)
    )
    MeetingFactory(
        status="minutes_approved",
        agenda_published_at=datetime.datetime(2026, 8, 1, 9, tzinfo=datetime.UTC),
        minutes_approved_at=datetime.datetime(2026, 10, 5, 9, tzinfo=datetime.UTC),
    )
    assert source.last_updated() == datetime.date(2026, 10, 5)


@pytest.mark.parametrize("rows", [3, 30])
def test_the_report_section_counts_meetings_and_actions_in_two_queries(
    django_assert_max_num_queries, rows
):
    section = report_sections.get("meetings")
    for number in range(rows):
        meeting = MeetingFactory(status="held", held_on=datetime.date(2026, 10, 1 + number % 28))
        item = AgendaItemFactory(meeting=meeting)
        raised_at = datetime.datetime(2026, 10, 20, 9, tzinfo=datetime.UTC)
        ActionFactory(item=item, status=ActionStatus.DONE, raised_at=raised_at)
        ActionFactory(item=item, due_on=datetime.date(2026, 12, 1), raised_at=raised_at)
    MeetingFactory(status="held", held_on=datetime.date(2026, 6, 1))  # outside the period
    with django_assert_max_num_queries(2):
        figures = section.build(datetime.date(2026, 10, 1), datetime.date(2026, 12, 31))
    assert section.title == "Meetings held and their actions"
    assert figures["totals"] == {
        "meetings_held": rows,
        "actions_raised": 2 * rows,
        "actions_done": rows,
        "actions_open": rows,
        "actions_overdue_at_end": rows,  # the open ones, due 1 December, before 31 December
    }


def test_the_report_section_counts_actions_overdue_at_the_end_of_the_period_not_today():
    # Period July to September 2026, looked at on 23 November 2026. Overdue on 30 September:
    # raised by then, due before then, and not done by then.
    item = AgendaItemFactory(meeting__held_on=datetime.date(2026, 7, 15), meeting__status="held")
    in_august = datetime.datetime(2026, 8, 1, 9, tzinfo=datetime.UTC)
    sept_15 = datetime.date(2026, 9, 15)
    rows = [
        (in_august, sept_15, ActionStatus.OPEN, None),  # overdue then and now: counts
        (in_august, sept_15, ActionStatus.DONE, datetime.date(2026, 10, 10)),  # done later: counts
        (in_august, sept_15, ActionStatus.DONE, datetime.date(2026, 9, 20)),  # done in time
        (in_august, datetime.date(2026, 9, 30), ActionStatus.OPEN, None),  # due on the last day
        (in_august, datetime.date(2026, 10, 15), ActionStatus.OPEN, None),  # overdue only now
        (datetime.datetime(2026, 10, 5, 9, tzinfo=datetime.UTC), sept_15, ActionStatus.OPEN, None),
    ]
    for raised_at, due_on, status, done_on in rows:
        ActionFactory(item=item, raised_at=raised_at, due_on=due_on, status=status, done_on=done_on)

    section = report_sections.get("meetings")
    figures = section.build(datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))

    assert figures["totals"]["actions_overdue_at_end"] == 2
    html = render_to_string(section.template_name, {"section": figures})
    assert "On 30 September 2026, 2 actions from all meetings were overdue." in html
