"""Meetings through the services: scheduling, the agenda, papers, publishing, holding, and who
may do each; the public agenda never carries a confidential item beyond its title and reason."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from opcc.models import DocumentStatus, GeneratedDocument
from opcc.roles import Role
from scrutiny import selectors
from scrutiny.models import ActionStatus, MeetingStatus
from scrutiny.seed_meetings import tiny_pdf
from scrutiny.services import meetings as services
from tests.scrutiny.factories_meetings import (
    ActionFactory,
    AgendaItemFactory,
    BodyFactory,
    ConfidentialItemFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_november_2026():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


def pdf_upload(name="paper.pdf"):
    return SimpleUploadedFile(name, tiny_pdf("A paper"), "application/pdf")


def test_staff_schedule_a_meeting_and_build_its_agenda_in_order(people):
    staff = people[Role.STAFF]
    meeting = services.schedule_meeting(
        staff,
        body=BodyFactory(),
        held_on=datetime.date(2026, 12, 3),
        starts_at=datetime.time(14, 0),
        place="Committee Room 1",
    )
    first = services.add_agenda_item(
        staff, meeting, title="Apologies", presenter="Chair", is_confidential=False
    )
    second = services.add_agenda_item(
        staff,
        meeting,
        title="Estates",
        presenter="Head of Estates",
        is_confidential=True,
        confidential_reason="Commercially sensitive",
    )
    services.move_agenda_item(staff, second, up=True)

    assert meeting.status == MeetingStatus.PLANNED
    assert [i.title for i in meeting.items.order_by("position")] == ["Estates", "Apologies"]
    assert first.history.count() >= 1


def test_a_confidential_item_needs_its_reason(people):
    meeting = MeetingFactory()
    with pytest.raises(ValidationError) as error:
        services.add_agenda_item(
            people[Role.STAFF], meeting, title="Estates", presenter="X", is_confidential=True
        )
    assert "confidential_reason" in error.value.message_dict
    assert not meeting.items.exists()


@pytest.mark.parametrize("role", [Role.PCC, Role.DEPUTY, Role.CFO, Role.PANEL, Role.VISITOR])
def test_only_office_staff_and_the_chief_executive_schedule_meetings(people, role):
    with pytest.raises(PermissionDenied):
        services.schedule_meeting(
            people[role],
            body=BodyFactory(),
            held_on=datetime.date(2026, 12, 3),
            starts_at=datetime.time(14, 0),
            place="Room 1",
        )


def test_papers_are_checked_by_their_content(people):
    item = AgendaItemFactory()
    disguised = SimpleUploadedFile(
        "paper.pdf", b"<html><script>x</script></html>", "application/pdf"
    )
    with pytest.raises(ValidationError) as error:
        services.add_paper(people[Role.STAFF], item, title="Report", upload=disguised)
    assert "upload" in error.value.message_dict
    assert not item.papers.exists()

    paper = services.add_paper(people[Role.STAFF], item, title="Report", upload=pdf_upload())
    assert paper.mimetype == "application/pdf"
    assert paper.file.name.endswith(".pdf")


def test_the_agenda_cannot_change_once_published(people, django_capture_on_commit_callbacks):
    staff = people[Role.STAFF]
    item = AgendaItemFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_agenda(staff, item.meeting)
    with pytest.raises(ValidationError):
        services.add_agenda_item(
            staff, item.meeting, title="Late", presenter="X", is_confidential=False
        )
    with pytest.raises(ValidationError):
        services.add_paper(staff, item, title="Late paper", upload=pdf_upload())


def test_an_empty_agenda_cannot_be_published(people):
    meeting = MeetingFactory()
    with pytest.raises(ValidationError):
        services.publish_agenda(people[Role.STAFF], meeting)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def test_publishing_makes_the_agenda_pack_pdf(people, django_capture_on_commit_callbacks):
    item = AgendaItemFactory()
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.publish_agenda(people[Role.STAFF], item.meeting)

    assert meeting.status == MeetingStatus.AGENDA_PUBLISHED
    assert meeting.agenda_published_at is not None
    pack = GeneratedDocument.objects.get(kind=services.AGENDA_PACK)
    assert pack.status == DocumentStatus.READY
    assert pack.of == meeting


def test_a_meeting_cannot_be_recorded_as_held_before_its_date(people):
    meeting = MeetingFactory(
        held_on=datetime.date(2026, 12, 1), status=MeetingStatus.AGENDA_PUBLISHED
    )
    with pytest.raises(ValidationError):
        services.record_meeting_held(people[Role.STAFF], meeting)


def test_holding_a_meeting_carries_forward_the_body_s_open_actions(people):
    body = BodyFactory()
    earlier = MeetingFactory(body=body, held_on=datetime.date(2026, 9, 1), status="held")
    meeting = MeetingFactory(
        body=body, held_on=datetime.date(2026, 11, 2), status=MeetingStatus.AGENDA_PUBLISHED
    )
    open_action = ActionFactory(item=AgendaItemFactory(meeting=earlier))
    done = ActionFactory(item=AgendaItemFactory(meeting=earlier), status=ActionStatus.DONE)
    other_body = ActionFactory(item=AgendaItemFactory(meeting__held_on=datetime.date(2026, 9, 1)))

    services.record_meeting_held(people[Role.STAFF], meeting)

    open_action.refresh_from_db()
    done.refresh_from_db()
    other_body.refresh_from_db()
    assert open_action.status == ActionStatus.CARRIED_FORWARD
    assert done.status == ActionStatus.DONE
    assert other_body.status == ActionStatus.OPEN


def test_actions_carried_forward_appear_on_the_next_agenda_before_the_minutes_are_approved():
    # The usual cycle: the next meeting approves the earlier minutes, so while its agenda is
    # published those minutes are still a draft, yet the public item's actions are shown.
    body = BodyFactory()
    earlier = MeetingFactory(body=body, held_on=datetime.date(2026, 9, 1), status="held")
    next_meeting = MeetingFactory(body=body, held_on=datetime.date(2026, 12, 1))
    carried = ActionFactory(
        item=AgendaItemFactory(meeting=earlier), status=ActionStatus.CARRIED_FORWARD
    )
    ActionFactory(item=AgendaItemFactory(meeting=earlier), status=ActionStatus.DONE)
    secret = ActionFactory(
        item=ConfidentialItemFactory(meeting=earlier), status=ActionStatus.CARRIED_FORWARD
    )

    assert list(selectors.actions_brought_forward(next_meeting)) == [carried, secret]
    assert selectors.public_actions_brought_forward(next_meeting) == [carried]


def test_the_public_agenda_of_a_confidential_item_is_its_title_and_reason_only():
    meeting = MeetingFactory(status=MeetingStatus.MINUTES_APPROVED)
    public = AgendaItemFactory(meeting=meeting, minutes="Members noted the report.")
    secret = ConfidentialItemFactory(meeting=meeting)
    ActionFactory(item=secret, description="SECRET-ACTION renegotiate")

    agenda = selectors.public_agenda(meeting)

    by_title = {entry["title"]: entry for entry in agenda}
    assert by_title[public.title]["minutes"] == "Members noted the report."
    assert by_title[secret.title] == {
        "position": secret.position,
        "title": secret.title,
        "is_confidential": True,
        "confidential_reason": "Commercially sensitive",
    }


@pytest.mark.parametrize(
    ("meeting_day", "last_day"),
    [
        # Thursday: five clear working days are Thu 3 to Wed 9 December.
        (datetime.date(2026, 12, 10), datetime.date(2026, 12, 2)),
        # Monday: the clear days start on Monday 30 November, so Sunday is the last day.
        (datetime.date(2026, 12, 7), datetime.date(2026, 11, 29)),
        # Christmas, Boxing Day (observed on the 28th) and New Year's Day are not clear days.
        (datetime.date(2027, 1, 5), datetime.date(2026, 12, 23)),
    ],
)
def test_the_agenda_is_due_five_clear_working_days_before_the_meeting(meeting_day, last_day):
    meeting = MeetingFactory(held_on=meeting_day)
    assert meeting.publish_agenda_by == last_day


def test_an_agenda_published_on_the_last_day_is_in_time_and_the_day_after_is_late():
    meeting = MeetingFactory(held_on=datetime.date(2026, 12, 10))
    meeting.agenda_published_at = datetime.datetime(2026, 12, 2, 23, 30, tzinfo=datetime.UTC)
    assert not meeting.agenda_published_late
    meeting.agenda_published_at = datetime.datetime(2026, 12, 3, 0, 30, tzinfo=datetime.UTC)
    assert meeting.agenda_published_late


def test_agendas_to_publish_are_on_the_publishers_dashboard(client_for):
    due = MeetingFactory(held_on=datetime.date(2026, 12, 1))  # publish by 23 November
    MeetingFactory(held_on=datetime.date(2027, 2, 1))  # too far ahead
    page = client_for(Role.STAFF).get("/my-work/").content.decode()
    assert "Agendas to publish" in page
    assert "publish by 23 November 2026" in page
    assert due.get_absolute_url() in page
    assert "Agendas to publish" not in client_for(Role.PCC).get("/my-work/").content.decode()


def test_rescheduling_a_published_meeting_makes_its_agenda_pack_again(
    people, django_capture_on_commit_callbacks
):
    item = AgendaItemFactory(meeting__held_on=datetime.date(2026, 12, 3))
    staff = people[Role.STAFF]
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.publish_agenda(staff, item.meeting)
    with django_capture_on_commit_callbacks(execute=True):
        services.reschedule_meeting(
            staff,
            meeting,
            held_on=datetime.date(2026, 12, 10),
            starts_at=datetime.time(10),
            place="Room 2",
            expected_version=meeting.version,
        )
    packs = GeneratedDocument.objects.filter(kind=services.AGENDA_PACK).order_by(
        "requested_at", "id"
    )
    assert [p.title.endswith("10 December 2026") for p in packs] == [False, True]
