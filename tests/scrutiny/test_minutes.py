"""Minutes: drafted per item after the meeting, approved at a later meeting of the body (or by
the chair), never public while in draft, and published once approved."""

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from pypdf import PdfReader

from opcc.roles import Role
from scrutiny.models import MeetingStatus
from scrutiny.services import meetings as services
from tests.scrutiny.factories_meetings import AgendaItemFactory, BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_november_2026():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


def pdf_text(response) -> str:
    content = b"".join(response.streaming_content)
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def held_meeting(**kwargs):
    return MeetingFactory(
        status=MeetingStatus.HELD, agenda_published_at="2026-09-20T10:00Z", **kwargs
    )


def test_draft_minutes_are_never_public(client, people, django_capture_on_commit_callbacks):
    meeting = held_meeting()
    item = AgendaItemFactory(meeting=meeting)
    services.record_minutes(
        people[Role.STAFF], item, minutes="DRAFT-MINUTE members asked", expected_version=1
    )

    page = client.get(meeting.get_public_url()).content.decode()
    export = client.get("/meetings/export.csv").content.decode()

    assert item.title in page
    assert "DRAFT-MINUTE" not in page
    assert "DRAFT-MINUTE" not in export
    assert client.get(f"/meetings/{meeting.code}/minutes.pdf").status_code == 404


def test_approved_public_minutes_are_published_on_the_page_and_as_a_pdf(
    client, people, django_capture_on_commit_callbacks
):
    meeting = held_meeting()
    item = AgendaItemFactory(meeting=meeting, minutes="Members noted the performance report.")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_minutes(people[Role.STAFF], meeting, by_chair=True)

    page = client.get(meeting.get_public_url()).content.decode()
    assert "Members noted the performance report." in page
    response = client.get(f"/meetings/{meeting.code}/minutes.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    assert "Members noted the performance report." in text
    assert item.title in text


def test_minutes_are_approved_at_a_later_held_meeting_of_the_same_body(people):
    body = BodyFactory()
    meeting = held_meeting(body=body, held_on=datetime.date(2026, 9, 1))
    AgendaItemFactory(meeting=meeting, minutes="Noted.")
    planned_next = MeetingFactory(body=body, held_on=datetime.date(2026, 12, 1))
    other_body = held_meeting(held_on=datetime.date(2026, 10, 1))
    earlier = held_meeting(body=body, held_on=datetime.date(2026, 8, 1))
    staff = people[Role.STAFF]

    for wrong in (planned_next, other_body, earlier):
        with pytest.raises(ValidationError) as error:
            services.approve_minutes(staff, meeting, approved_at_meeting=wrong)
        assert "approved_at_meeting" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.approve_minutes(staff, meeting)  # neither a meeting nor the chair

    next_meeting = held_meeting(body=body, held_on=datetime.date(2026, 10, 15))
    approved = services.approve_minutes(staff, meeting, approved_at_meeting=next_meeting)
    assert approved.status == MeetingStatus.MINUTES_APPROVED
    assert approved.minutes_approved_at_meeting == next_meeting
    assert not approved.minutes_approved_by_chair


def test_minutes_cannot_be_approved_until_every_item_is_minuted(people):
    meeting = held_meeting()
    AgendaItemFactory(meeting=meeting, minutes="Noted.")
    missing = AgendaItemFactory(meeting=meeting, title="Finance")
    with pytest.raises(ValidationError) as error:
        services.approve_minutes(people[Role.STAFF], meeting, by_chair=True)
    assert "Finance" in str(error.value)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert missing.minutes == ""


def test_approved_minutes_cannot_be_changed(people):
    meeting = MeetingFactory(status=MeetingStatus.MINUTES_APPROVED)
    item = AgendaItemFactory(meeting=meeting, minutes="Approved text.")
    with pytest.raises(ValidationError):
        services.record_minutes(people[Role.STAFF], item, minutes="Rewritten", expected_version=1)
    item.refresh_from_db()
    assert item.minutes == "Approved text."


@pytest.mark.parametrize("role", [Role.PCC, Role.CFO, Role.PANEL])
def test_only_the_office_staff_record_an_approval(people, role):
    meeting = held_meeting()
    AgendaItemFactory(meeting=meeting, minutes="Noted.")
    with pytest.raises(PermissionDenied):
        services.approve_minutes(people[role], meeting, by_chair=True)


def test_a_second_person_s_minutes_are_refused_with_their_typing_kept(client_for):
    meeting = held_meeting()
    item = AgendaItemFactory(meeting=meeting)
    url = f"/scrutiny/meetings/{meeting.code}/items/{item.pk}/minutes/"
    staff, chief_executive = client_for(Role.STAFF), client_for(Role.CHIEF_EXECUTIVE)

    assert staff.post(url, {"minutes": "First version", "version": 1}).status_code == 302
    response = chief_executive.post(url, {"minutes": "MY-TYPING second version", "version": 1})

    assert response.status_code == 409
    assert "Someone else saved these minutes" in response.content.decode()
    assert "MY-TYPING second version" in response.content.decode()
    item.refresh_from_db()
    assert item.minutes == "First version"
    assert item.version == 2


def test_minutes_form_refuses_empty_minutes(client_for):
    meeting = held_meeting()
    item = AgendaItemFactory(meeting=meeting)
    response = client_for(Role.STAFF).post(
        f"/scrutiny/meetings/{meeting.code}/items/{item.pk}/minutes/",
        {"minutes": " ", "version": 1},
    )
    assert response.status_code == 400
    assert "Enter the minutes of the item" in response.content.decode()


def test_approve_minutes_page_offers_later_held_meetings_and_the_chair(client_for):
    body = BodyFactory()
    meeting = held_meeting(body=body, held_on=datetime.date(2026, 9, 1))
    AgendaItemFactory(meeting=meeting, minutes="Noted.")
    next_meeting = held_meeting(body=body, held_on=datetime.date(2026, 10, 15))
    client = client_for(Role.STAFF)
    url = f"/scrutiny/meetings/{meeting.code}/approve-minutes/"

    assert client.post(url, {}).status_code == 400
    assert client.post(url, {"approved_by": "not-a-meeting"}).status_code == 400
    response = client.post(url, {"approved_by": str(next_meeting.code)})

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_approved_at_meeting == next_meeting
