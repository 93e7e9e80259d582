"""URLs of meetings: the office's pages (namespace "scrutiny") and the public's (site root)."""

from django.urls import path

from scrutiny.views import feeds, meetings, meetings_agenda, meetings_bodies, meetings_public

urlpatterns = [
    path("meetings/", meetings.MeetingListView.as_view(), name="meetings"),
    path("meetings/new/", meetings.ScheduleMeetingView.as_view(), name="meeting_schedule"),
    path("meetings/<uuid:code>/", meetings.MeetingDetailView.as_view(), name="meeting"),
    path(
        "meetings/<uuid:code>/reschedule/",
        meetings.RescheduleMeetingView.as_view(),
        name="meeting_reschedule",
    ),
    path(
        "meetings/<uuid:code>/publish/",
        meetings.PublishAgendaView.as_view(),
        name="meeting_publish",
    ),
    path(
        "meetings/<uuid:code>/held/", meetings.RecordMeetingHeldView.as_view(), name="meeting_held"
    ),
    path(
        "meetings/<uuid:code>/approve-minutes/",
        meetings.ApproveMinutesView.as_view(),
        name="minutes_approve",
    ),
    path(
        "meetings/<uuid:code>/items/new/",
        meetings_agenda.AddAgendaItemView.as_view(),
        name="agenda_item_add",
    ),
    path(
        "meetings/<uuid:code>/items/<int:pk>/move/",
        meetings_agenda.MoveAgendaItemView.as_view(),
        name="agenda_item_move",
    ),
    path(
        "meetings/<uuid:code>/items/<int:pk>/papers/new/",
        meetings_agenda.AddPaperView.as_view(),
        name="paper_add",
    ),
    path(
        "meetings/<uuid:code>/items/<int:pk>/minutes/",
        meetings_agenda.MinutesView.as_view(),
        name="minutes_edit",
    ),
    path(
        "meetings/<uuid:code>/papers/<uuid:paper>/withdraw/",
        meetings_agenda.WithdrawPaperView.as_view(),
        name="paper_withdraw",
    ),
    path("papers/<uuid:code>/", meetings_agenda.OfficePaperView.as_view(), name="paper"),
    path("bodies/", meetings_bodies.BodyListView.as_view(), name="bodies"),
    path("bodies/new/", meetings_bodies.BodyFormView.as_view(), name="body_add"),
    path("bodies/<int:pk>/", meetings_bodies.BodyEditView.as_view(), name="body_edit"),
]

public_urlpatterns = [
    path("meetings/", meetings_public.PublicMeetingListView.as_view(), name="public_meetings"),
    path("meetings/feed/", feeds.MeetingsFeed(), name="public_meetings_feed"),
    path(
        "meetings/calendar.ics",
        feeds.MeetingsCalendarView.as_view(),
        name="public_meetings_calendar",
    ),
    path(
        "meetings/export.csv",
        meetings_public.PublicMeetingCsvView.as_view(),
        name="public_meetings_csv",
    ),
    path(
        "meetings/export.json",
        meetings_public.PublicMeetingJsonView.as_view(),
        name="public_meetings_json",
    ),
    path(
        "meetings/<uuid:code>/",
        meetings_public.PublicMeetingView.as_view(),
        name="public_meeting",
    ),
    path(
        "meetings/<uuid:code>/agenda-pack.pdf",
        meetings_public.AgendaPackView.as_view(),
        name="public_meeting_agenda_pack",
    ),
    path(
        "meetings/<uuid:code>/minutes.pdf",
        meetings_public.MinutesPdfView.as_view(),
        name="public_meeting_minutes",
    ),
    path(
        "meetings/papers/<uuid:code>/",
        meetings_public.PublicPaperView.as_view(),
        name="public_meeting_paper",
    ),
]
