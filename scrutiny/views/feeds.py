"""Feeds of the public meetings: Atom (agendas as they are published) and iCalendar (the
meetings themselves, for a calendar program). Only published agendas, only public items."""

from datetime import datetime, timedelta

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.views import View
from icalendar import Calendar, Event

from scrutiny.models import Meeting

FEED_SIZE = 50
MEETING_LENGTH = timedelta(hours=2)  # an agenda gives no end time; calendars need one


def public_meetings():
    return Meeting.objects.published().select_related("body").order_by("-held_on", "-starts_at")


class MeetingsFeed(Feed):
    feed_type = Atom1Feed
    title = "Meetings of the Police and Crime Commissioner"
    subtitle = "Public meetings, as their agendas are published."

    def link(self):
        return reverse("public_meetings")

    def items(self):
        return public_meetings().order_by("-agenda_published_at", "-id")[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.body.name}, {item.held_on:%-d %B %Y}"

    def item_description(self, item):
        return f"{item.starts_at:%H:%M} at {item.place}. The agenda is published."

    def item_link(self, item):
        return item.get_public_url()

    def item_pubdate(self, item):
        return item.agenda_published_at

    item_updateddate = item_pubdate


class MeetingsCalendarView(View):
    """Every public meeting from a year ago on, as an .ics file."""

    def get(self, request):
        calendar = Calendar()
        calendar.add("prodid", "-//OPCC governance portal//Public meetings//EN")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", "Police and Crime Commissioner: public meetings")
        since = timezone.localdate() - timedelta(days=365)
        for meeting in public_meetings().filter(held_on__gte=since)[:500]:
            start = timezone.make_aware(datetime.combine(meeting.held_on, meeting.starts_at))
            event = Event()
            event.add("uid", f"{meeting.code}@opcc-portal")
            event.add("summary", meeting.body.name)
            event.add("dtstart", start)
            event.add("dtend", start + MEETING_LENGTH)
            event.add("dtstamp", meeting.agenda_published_at or timezone.now())
            event.add("location", meeting.place)
            event.add("url", request.build_absolute_uri(meeting.get_public_url()))
            calendar.add_component(event)
        response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="public-meetings.ics"'
        return response
