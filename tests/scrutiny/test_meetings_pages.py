"""The office's meeting pages: forms answering bad input with 400 and saving nothing, the
one-button steps (POST only), the lists' query counts, the landing page and the demo data."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from opcc.roles import Role
from scrutiny.models import Action, ActionStatus, Body, Meeting, MeetingStatus
from scrutiny.seed_meetings import seed_meetings, tiny_pdf
from scrutiny.services import meetings as services
from tests.opcc.factories import UserFactory
from tests.scrutiny.factories_meetings import (
    AgendaItemFactory,
    BodyFactory,
    ConfidentialItemFactory,
    MeetingFactory,
    PaperFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_november_2026():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


def test_scheduling_answers_bad_input_with_400_and_saves_nothing(client_for):
    response = client_for(Role.STAFF).post(
        "/scrutiny/meetings/new/",
        {"body": "999", "held_on_0": "31", "held_on_1": "2", "held_on_2": "2027",
         "starts_at": "25:00", "place": ""},
    )  # fmt: skip
    assert response.status_code == 400
    body = response.content.decode()
    for message in (
        "Choose the body that is meeting",
        "The date of the meeting must be a real date",
        "Enter the start time on the 24-hour clock, like 14:00",
        "Enter where the meeting is held",
    ):
        assert message in body
    assert "<title>Error: " in body
    assert not Meeting.objects.exists()


def test_scheduling_a_meeting_opens_its_page(client_for):
    body = BodyFactory()
    response = client_for(Role.STAFF).post(
        "/scrutiny/meetings/new/",
        {"body": body.pk, "held_on_0": "3", "held_on_1": "12", "held_on_2": "2026",
         "starts_at": "14:30", "place": "Committee Room 1"},
    )  # fmt: skip
    meeting = Meeting.objects.get()
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.starts_at == datetime.time(14, 30)


def test_an_agenda_item_form_needs_the_reason_for_confidentiality(client_for):
    meeting = MeetingFactory()
    response = client_for(Role.STAFF).post(
        f"/scrutiny/meetings/{meeting.code}/items/new/",
        {"title": "Estates", "presenter": "Head of Estates", "is_confidential": "on"},
    )
    assert response.status_code == 400
    assert "Enter why the item is confidential" in response.content.decode()
    assert not meeting.items.exists()


def test_a_private_body_s_items_start_as_confidential(client_for):
    meeting = MeetingFactory(body=BodyFactory(meetings_public=False))
    page = client_for(Role.STAFF).get(f"/scrutiny/meetings/{meeting.code}/items/new/")
    assert 'id="id_is_confidential" checked' in page.content.decode()
    public = MeetingFactory()
    page = client_for(Role.STAFF).get(f"/scrutiny/meetings/{public.code}/items/new/")
    assert 'id="id_is_confidential" checked' not in page.content.decode()


def test_a_paper_that_is_not_a_document_is_refused(client_for):
    item = AgendaItemFactory()
    url = f"/scrutiny/meetings/{item.meeting.code}/items/{item.pk}/papers/new/"
    svg = SimpleUploadedFile("paper.pdf", b"<svg onload=alert(1)>", "application/pdf")
    response = client_for(Role.STAFF).post(url, {"title": "Report", "upload": svg})
    assert response.status_code == 400
    assert "The selected file must be a PDF" in response.content.decode()
    assert not item.papers.exists()
    empty = client_for(Role.STAFF).post(url, {"title": ""})
    assert empty.status_code == 400
    assert "Choose the file to upload" in empty.content.decode()


def test_a_paper_upload_is_kept(client_for):
    item = AgendaItemFactory()
    url = f"/scrutiny/meetings/{item.meeting.code}/items/{item.pk}/papers/new/"
    upload = SimpleUploadedFile("report.pdf", tiny_pdf("Report"), "application/pdf")
    response = client_for(Role.STAFF).post(url, {"title": "Report", "upload": upload})
    assert response.status_code == 302
    assert item.papers.get().title == "Report"


def test_publishing_an_empty_agenda_is_refused_with_the_reason(client_for):
    meeting = MeetingFactory()
    response = client_for(Role.STAFF).post(f"/scrutiny/meetings/{meeting.code}/publish/")
    assert response.status_code == 400
    assert "Add at least one item" in response.content.decode()


@pytest.mark.parametrize("step", ["publish", "held"])
def test_steps_are_post_only(client_for, step):
    meeting = MeetingFactory()
    assert (
        client_for(Role.STAFF).get(f"/scrutiny/meetings/{meeting.code}/{step}/").status_code == 405
    )


def test_the_office_page_shows_confidential_items_and_their_papers(client_for):
    item = ConfidentialItemFactory()
    paper = PaperFactory(item=item, title="Valuation report")
    page = client_for(Role.CFO).get(item.meeting.get_absolute_url()).content.decode()
    assert item.title in page
    assert "Valuation report" in page
    response = client_for(Role.CFO).get(f"/scrutiny/papers/{paper.code}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_non_pdf_paper_downloads_as_an_attachment(client_for):
    paper = PaperFactory(
        mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response = client_for(Role.STAFF).get(f"/scrutiny/papers/{paper.code}/")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Disposition"].endswith('.docx"')


@pytest.mark.parametrize("rows", [3, 30])
def test_the_meetings_list_takes_the_same_queries_whatever_its_length(
    client_for, django_assert_max_num_queries, rows
):
    client = client_for(Role.STAFF)
    for _ in range(rows):
        AgendaItemFactory()
    with django_assert_max_num_queries(12):
        response = client.get("/scrutiny/meetings/")
    assert response.content.decode().count("govuk-tag--grey") == min(rows, 25)


@pytest.mark.parametrize("rows", [3, 30])
def test_a_meeting_page_takes_the_same_queries_whatever_its_agenda(
    client_for, django_assert_max_num_queries, rows
):
    meeting = MeetingFactory(status=MeetingStatus.HELD)
    for _ in range(rows):
        PaperFactory(item=AgendaItemFactory(meeting=meeting))
    client = client_for(Role.STAFF)
    with django_assert_max_num_queries(16):
        response = client.get(meeting.get_absolute_url())
    assert response.content.decode().count("Draft the minutes") == rows


def test_the_landing_page_links_to_meetings_and_actions(client_for):
    page = client_for(Role.STAFF).get("/scrutiny/").content.decode()
    assert "/scrutiny/meetings/" in page
    assert "/scrutiny/actions/" in page
    assert "/scrutiny/meetings/" not in client_for(Role.PANEL).get("/scrutiny/").content.decode()


def test_the_demo_data_has_a_year_of_meetings_of_each_body_and_actions_in_every_state():
    UserFactory(email="staff@opcc.example", role=Role.STAFF)
    messages = []
    seed_meetings(0, messages.append)
    seed_meetings(0, messages.append)  # idempotent

    assert Body.objects.count() == 4
    for body in Body.objects.all():
        statuses = list(body.meetings.order_by("held_on").values_list("status", flat=True))
        assert statuses == [
            *["minutes_approved"] * 4,
            "held",
            "agenda_published",
            "planned",
        ]
    assert set(Action.objects.values_list("status", flat=True)) == set(ActionStatus.values)
    assert Action.objects.overdue().exists()
    assert messages[-1] == "meetings: a year of meetings for 0 bodies added"


def test_setting_up_a_body_answers_bad_input_with_400(client_for):
    BodyFactory(name="Ethics Committee")
    response = client_for(Role.STAFF).post(
        "/scrutiny/bodies/new/", {"name": "ethics committee", "kind": "nonsense", "members": ""}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose what kind of body it is" in body
    assert "Enter the body&#x27;s members" in body
    assert Body.objects.count() == 1


def test_a_body_is_set_up_and_its_members_changed(client_for):
    client = client_for(Role.CHIEF_EXECUTIVE)
    fields = {"name": "Ethics Committee", "kind": "ethics_committee", "members": "Ian Shaw (Chair)"}
    assert client.post("/scrutiny/bodies/new/", fields).status_code == 302
    body = Body.objects.get()
    assert not body.meetings_public
    fields |= {"members": "Ian Shaw (Chair)\n  Clare Lowe ", "meetings_public": "on", "version": 1}
    assert client.post(f"/scrutiny/bodies/{body.pk}/", fields).status_code == 302
    body.refresh_from_db()
    assert body.member_list == ["Ian Shaw (Chair)", "Clare Lowe"]
    assert body.meetings_public
    assert body.history.count() == 2
    duplicate = client.post("/scrutiny/bodies/new/", fields)
    assert duplicate.status_code == 400
    assert "A body with this name already exists" in duplicate.content.decode()


@pytest.mark.parametrize("rows", [3, 30])
def test_the_bodies_list_takes_the_same_queries_whatever_its_length(
    client_for, django_assert_max_num_queries, rows
):
    client = client_for(Role.CFO)
    for _ in range(rows):
        MeetingFactory()
    with django_assert_max_num_queries(10):
        response = client.get("/scrutiny/bodies/")
    assert response.content.decode().count("Accountability Board") == min(rows, 25) * 2


def test_the_office_page_shows_the_state_of_the_meeting_s_pdfs(
    client_for, people, django_capture_on_commit_callbacks
):
    item = AgendaItemFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_agenda(people[Role.STAFF], item.meeting)
    page = client_for(Role.DEPUTY).get(item.meeting.get_absolute_url()).content.decode()
    assert f"Agenda pack: {item.meeting}" in page
    assert 'govuk-tag--green">Ready' in page


def test_rescheduling_a_meeting_keeps_a_second_person_s_typing(client_for):
    meeting = MeetingFactory(held_on=datetime.date(2026, 12, 3))
    url = f"/scrutiny/meetings/{meeting.code}/reschedule/"
    form = {"held_on_0": "10", "held_on_1": "12", "held_on_2": "2026", "starts_at": "14:00"}

    first = client_for(Role.STAFF).post(url, form | {"place": "Room 2", "version": 1})
    second = client_for(Role.CHIEF_EXECUTIVE).post(url, form | {"place": "MY-ROOM", "version": 1})

    assert first.status_code == 302
    assert second.status_code == 409
    assert "Someone else saved this meeting" in second.content.decode()
    assert "MY-ROOM" in second.content.decode()
    meeting.refresh_from_db()
    assert (meeting.held_on, meeting.place) == (datetime.date(2026, 12, 10), "Room 2")


def test_rescheduling_answers_bad_input_with_400(client_for):
    meeting = MeetingFactory()
    response = client_for(Role.STAFF).post(
        f"/scrutiny/meetings/{meeting.code}/reschedule/",
        {"held_on_0": "", "held_on_1": "", "held_on_2": "", "starts_at": "noon", "place": ""},
    )
    assert response.status_code == 400
    assert "Enter the date of the meeting" in response.content.decode()
    assert "Enter where the meeting is held" in response.content.decode()


def test_a_held_meeting_cannot_be_rescheduled(people):
    meeting = MeetingFactory(status=MeetingStatus.HELD)
    with pytest.raises(ValidationError):
        services.reschedule_meeting(
            people[Role.STAFF],
            meeting,
            held_on=datetime.date(2026, 12, 1),
            starts_at=datetime.time(10),
            place="Room",
            expected_version=1,
        )


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("1926", "The date of the meeting must be in 2000 or later"),
        ("2032", "The date of the meeting must be within 5 years from today"),
    ],
)
def test_a_meeting_cannot_be_scheduled_at_an_implausible_date(client_for, year, message):
    body = BodyFactory()
    response = client_for(Role.STAFF).post(
        "/scrutiny/meetings/new/",
        {"body": body.pk, "held_on_0": "3", "held_on_1": "12", "held_on_2": year,
         "starts_at": "14:30", "place": "Committee Room 1"},
    )  # fmt: skip
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_meeting_five_years_ahead_is_scheduled_but_not_a_day_later(people):
    body = BodyFactory()
    services.schedule_meeting(
        people[Role.STAFF], body=body, held_on=datetime.date(2031, 11, 23),
        starts_at=datetime.time(10), place="Room 1",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="on or before 23 November 2031"):
        services.schedule_meeting(
            people[Role.STAFF], body=body, held_on=datetime.date(2031, 11, 24),
            starts_at=datetime.time(10), place="Room 1",
        )  # fmt: skip


def test_a_meeting_cannot_be_rescheduled_to_an_implausible_date(people):
    meeting = MeetingFactory(held_on=datetime.date(2026, 12, 3))
    with pytest.raises(ValidationError, match="in 2000 or later"):
        services.reschedule_meeting(
            people[Role.STAFF], meeting, held_on=datetime.date(1999, 12, 3),
            starts_at=datetime.time(10), place="Room 1", expected_version=meeting.version,
        )  # fmt: skip


def test_the_public_is_sent_to_sign_in_to_edit_a_body_whether_or_not_it_exists(client_for):
    body = BodyFactory()
    client = client_for("anonymous")
    for pk in (body.pk, body.pk + 1000):
        response = client.get(reverse("scrutiny:body_edit", args=[pk]))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_a_body_that_does_not_exist_is_404_to_the_office(client_for):
    assert client_for(Role.STAFF).get(reverse("scrutiny:body_edit", args=[999])).status_code == 404
