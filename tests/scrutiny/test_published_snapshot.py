"""A published agenda and its minutes name the body's members (and its openness) as they
were when the agenda was published, not as the body stands today."""

import datetime

import pytest
import time_machine
from django.template.loader import render_to_string

from opcc.models import GeneratedDocument
from opcc.roles import Role
from scrutiny.services import meetings as services
from scrutiny.wiring_meetings import agenda_pack_context, minutes_context
from tests.scrutiny.factories_meetings import AgendaItemFactory, BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_november_2026():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


@pytest.fixture
def published_meeting(people):
    body = BodyFactory(members="OLD-CHAIR Alex Morgan (Chair)\nOLD-MEMBER Dana Hughes")
    meeting = MeetingFactory(body=body, held_on=datetime.date(2026, 12, 10))
    AgendaItemFactory(meeting=meeting)
    services.publish_agenda(people[Role.STAFF], meeting)
    services.save_body(
        people[Role.STAFF],
        body,
        name=body.name,
        kind=body.kind,
        members="NEW-CHAIR Sam Patel (Chair)",
        meetings_public=False,
        expected_version=body.version,
    )
    meeting.refresh_from_db()
    return meeting


def test_editing_the_body_does_not_change_a_published_meetings_page(client, published_meeting):
    page = client.get(published_meeting.get_public_url()).content.decode()
    assert "OLD-CHAIR Alex Morgan (Chair)" in page
    assert "OLD-MEMBER Dana Hughes" in page
    assert "NEW-CHAIR" not in page
    assert "No: the body meets in private" not in page


def test_the_agenda_pack_and_minutes_name_the_members_at_publication(published_meeting):
    document = GeneratedDocument(kind=services.AGENDA_PACK, title="pack", of=published_meeting)
    for template, context in (
        ("pdf/agenda_pack.html", agenda_pack_context(document)),
        ("pdf/minutes.html", minutes_context(document)),
    ):
        html = render_to_string(template, context)
        assert "OLD-CHAIR Alex Morgan (Chair)" in html
        assert "NEW-CHAIR" not in html


def test_a_planned_meeting_shows_the_body_as_it_is_today(people):
    meeting = MeetingFactory(body=BodyFactory(members="TODAY Sam Patel (Chair)"))
    assert meeting.member_list == ["TODAY Sam Patel (Chair)"]
    assert meeting.meetings_public is True
