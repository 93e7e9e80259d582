"""The public meetings' feeds and search: Atom and iCalendar hold only published meetings; the
public finds public items' titles and approved minutes, never a confidential item or a draft
minute; alerts go out when an agenda is published."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from scrutiny.models import MeetingStatus
from tests.scrutiny.factories_meetings import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def published(**fields):
    return MeetingFactory(
        status=MeetingStatus.AGENDA_PUBLISHED,
        agenda_published_at=timezone.now(),
        held_on=timezone.localdate() + datetime.timedelta(days=10),
        **fields,
    )


def test_the_calendar_and_the_feed_hold_only_published_meetings():
    shown = published(place="Room A, Police HQ")
    MeetingFactory(status=MeetingStatus.PLANNED, place="Secret room")

    calendar = Calendar.from_ical(Client().get(reverse("public_meetings_calendar")).content)
    feed = Client().get(reverse("public_meetings_feed")).content.decode()

    events = calendar.walk("VEVENT")
    assert [str(event["location"]) for event in events] == ["Room A, Police HQ"]
    assert str(events[0]["uid"]) == f"{shown.code}@opcc-portal"
    assert shown.get_public_url() in feed and "Secret room" not in feed


def search(query):
    page = Client().get(reverse("search"), {"q": query}).content.decode()
    return page.split('aria-live="polite">', 1)[1]


def test_the_public_never_finds_a_confidential_item_or_a_draft_minute():
    meeting = published()
    AgendaItemFactory(meeting=meeting, title="Estates strategy", position=1)
    AgendaItemFactory(meeting=meeting, title="Estates disposal: Acme bid", position=2,
                      is_confidential=True, confidential_reason="Commercial")  # fmt: skip
    draft = AgendaItemFactory(meeting=meeting, title="Budget", position=3)
    draft.minutes = "Draft: the panel criticised the estates plan."
    draft.save()

    assert "Estates strategy" in search("estates")
    assert "Acme" not in search("estates") and "Acme" not in search("Acme")
    assert "Budget" not in search("criticised")
