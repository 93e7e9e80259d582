"""The actions tracker: raising an action from an item of a held meeting, dated updates and
status changes, concurrent updates refused, overdue actions flagged and reminded once."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from opcc.models import OutboundMessage
from opcc.roles import Role
from scrutiny.models import Action, ActionOwnerSide, ActionStatus, MeetingStatus
from scrutiny.services import actions as services
from scrutiny.tasks import remind_overdue_actions
from tests.scrutiny.factories_meetings import ActionFactory, AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_november_2026():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


def held_item():
    return AgendaItemFactory(
        meeting=MeetingFactory(status=MeetingStatus.HELD, held_on=datetime.date(2026, 11, 2))
    )


def raise_one(actor, item, **changes):
    fields = {
        "description": "Report back on 101 answering times.",
        "owner": "Ch Supt Ravi Desai",
        "owner_side": ActionOwnerSide.FORCE,
        "due_on": datetime.date(2026, 12, 1),
    } | changes
    return services.raise_action(actor, item, **fields)


def test_an_action_arises_from_an_item_of_a_held_meeting(people):
    action = raise_one(people[Role.STAFF], held_item())
    assert action.status == ActionStatus.OPEN
    assert action.history.count() == 1


def test_no_action_before_the_meeting_is_held(people):
    item = AgendaItemFactory(meeting__status=MeetingStatus.AGENDA_PUBLISHED)
    with pytest.raises(ValidationError):
        raise_one(people[Role.STAFF], item)
    assert not Action.objects.exists()


def test_an_action_cannot_be_due_before_its_meeting(people):
    with pytest.raises(ValidationError) as error:
        raise_one(people[Role.STAFF], held_item(), due_on=datetime.date(2026, 11, 1))
    assert "due_on" in error.value.message_dict


@pytest.mark.parametrize("role", [Role.PCC, Role.DEPUTY, Role.CFO, Role.PANEL, Role.VISITOR])
def test_only_office_staff_and_the_chief_executive_raise_actions(people, role):
    with pytest.raises(PermissionDenied):
        raise_one(people[role], held_item())


def test_an_update_is_dated_and_can_mark_the_action_done(people):
    action = ActionFactory(item=held_item())
    services.update_action(
        people[Role.STAFF],
        action,
        text="Figures sent.",
        status=ActionStatus.DONE,
        expected_version=1,
    )
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    assert action.done_on == datetime.date(2026, 11, 23)
    assert [(u.written_on, u.text) for u in action.updates.all()] == [
        (datetime.date(2026, 11, 23), "Figures sent.")
    ]


def test_a_second_update_from_a_stale_page_is_refused(client_for):
    action = ActionFactory(item=held_item())
    url = f"/scrutiny/actions/{action.code}/"
    staff, chief_executive = client_for(Role.STAFF), client_for(Role.CHIEF_EXECUTIVE)

    first = staff.post(url, {"text": "Chased.", "status": "open", "version": 1})
    second = chief_executive.post(url, {"text": "MY-UPDATE done", "status": "done", "version": 1})

    assert first.status_code == 302
    assert second.status_code == 409
    assert "MY-UPDATE done" in second.content.decode()
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    assert action.updates.count() == 1


def test_the_update_form_answers_bad_input_with_400_and_saves_nothing(client_for):
    action = ActionFactory(item=held_item())
    url = f"/scrutiny/actions/{action.code}/"
    response = client_for(Role.STAFF).post(url, {"text": "", "status": "lost", "version": 1})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter the update" in body
    assert "Choose the action&#x27;s status" in body
    assert not action.updates.exists()


def test_raise_action_form_answers_bad_input_with_400(client_for):
    item = held_item()
    url = f"/scrutiny/meetings/{item.meeting.code}/items/{item.pk}/actions/new/"
    response = client_for(Role.STAFF).post(
        url,
        {"description": "", "owner": "", "due_on_0": "31", "due_on_1": "2", "due_on_2": "2027"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter what is to be done" in body
    assert "The due date must be a real date" in body
    assert not Action.objects.exists()


def test_raise_action_form_records_the_action(client_for):
    item = held_item()
    url = f"/scrutiny/meetings/{item.meeting.code}/items/{item.pk}/actions/new/"
    response = client_for(Role.CHIEF_EXECUTIVE).post(
        url,
        {
            "description": "Publish the stop and search data.",
            "owner": "Priya Shah",
            "owner_side": "office",
            "due_on_0": "1",
            "due_on_1": "12",
            "due_on_2": "2026",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.owner_side == ActionOwnerSide.OFFICE
    assert action.due_on == datetime.date(2026, 12, 1)


def test_overdue_actions_are_flagged_on_the_office_dashboard(client_for):
    overdue = ActionFactory(item=held_item(), due_on=datetime.date(2026, 11, 22))
    ActionFactory(item=held_item(), due_on=datetime.date(2026, 11, 23), description="DUE-TODAY")
    ActionFactory(
        item=held_item(),
        due_on=datetime.date(2026, 10, 1),
        status=ActionStatus.DONE,
        description="DONE-LATE",
    )

    page = client_for(Role.PCC).get("/my-work/").content.decode()
    assert "Overdue actions from meetings" in page
    assert overdue.description in page
    assert "DUE-TODAY" not in page  # due today is not yet late
    assert "DONE-LATE" not in page
    assert "Overdue actions" not in client_for(Role.PANEL).get("/my-work/").content.decode()


def test_an_overdue_action_is_reminded_once(people, django_capture_on_commit_callbacks):
    action = ActionFactory(item=held_item(), due_on=datetime.date(2026, 11, 20))
    ActionFactory(item=held_item(), due_on=datetime.date(2026, 11, 30))

    with django_capture_on_commit_callbacks(execute=True):
        assert remind_overdue_actions() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_overdue_actions() == 0

    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["chief_executive@opcc.example", "staff@opcc.example"]
    assert action.description in mail.outbox[0].body
    assert OutboundMessage.objects.filter(kind="scrutiny_action_overdue").count() == 2
    action.refresh_from_db()
    assert action.overdue_reminder_sent_at is not None


def test_the_reminder_runs_daily_from_beat():
    entries = [e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "scrutiny.tasks.remind_overdue_actions" in entries


@pytest.mark.parametrize("rows", [3, 30])
def test_the_actions_list_takes_the_same_queries_whatever_its_length(
    client_for, django_assert_max_num_queries, rows
):
    client = client_for(Role.STAFF)
    for _ in range(rows):
        ActionFactory(item=held_item(), due_on=datetime.date(2026, 11, 1))
    with django_assert_max_num_queries(12):
        response = client.get("/scrutiny/actions/?status=overdue")
    assert response.content.decode().count("govuk-tag--red") == min(rows, 25)
