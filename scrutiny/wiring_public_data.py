"""What scrutiny gives the portal's open data page, search and e-mail alerts (opcc.registry):
public meetings (titles of public items and approved public minutes only), HMICFRS responses
and the Police and Crime Plan's figures."""

from opcc.registry import (
    AlertItem,
    AlertSource,
    Dataset,
    SearchSource,
    alert_sources,
    datasets,
    search_sources,
)

MEETING_FIELDS = (
    ("body", "The body that met, e.g. the Joint Audit and Standards Committee"),
    ("date", "The date of the meeting"),
    ("time", "The time it starts, 24-hour clock"),
    ("place", "Where it is held"),
    ("open_to_the_public", "Whether the public may attend (true or false)"),
    ("status", "Agenda published, held, or minutes approved"),
    ("agenda_published_on", "The date the agenda was published"),
    ("minutes_approved_on", "The date the minutes were approved, if they have been"),
    ("public_items", "The titles of the public agenda items, in order, separated by ;"),
    ("confidential_items", "How many items were taken in private (their titles are withheld)"),
    ("url", "The meeting's page, with its papers and approved minutes"),
)
HMICFRS_FIELDS = (
    ("title", "The inspection report's title"),
    ("type", "PEEL, thematic, joint or force-specific"),
    ("report_published_on", "The date HMICFRS published the report"),
    ("report_link", "The report on the HMICFRS website"),
    ("response_due_on", "The last day for the Commissioner's response (Police Act 1996 s.55)"),
    ("response_published_on", "The date the response was published"),
    ("recommendations", "How many recommendations the report makes"),
    ("areas_for_improvement", "How many areas for improvement it names"),
    ("url", "The response's page, with the Chief Constable's comments"),
)
PLAN_FIELDS = (
    ("plan", "The Police and Crime Plan"),
    ("priority", "The priority the measure belongs to"),
    ("measure", "What is measured"),
    ("unit", "The unit of the figure"),
    ("target", "The target"),
    ("direction", "Whether higher or lower is better"),
    ("quarter", "The quarter of the financial year, e.g. Q2 2026/27"),
    ("quarter_starts_on", "The first day of the quarter"),
    ("figure", "The force's figure for the quarter"),
    ("meets_target", "Whether the figure meets the target"),
)


def search_meetings(user, query, date_from, date_to):
    """Agenda items by title, and minutes; for the public only the public items of published
    meetings, and their minutes only once approved; the office everything it may see."""
    from opcc.access import is_office
    from opcc.search import Hit, matching
    from scrutiny.models import AgendaItem, Meeting, MeetingStatus

    office = is_office(user)
    items = AgendaItem.objects.select_related("meeting__body")
    dates = {"date_field": "meeting__held_on", "date_from": date_from, "date_to": date_to}
    if office:
        # Stored documents of exactly these fields: scrutiny migration 0008.
        found = list(
            matching(
                items, query, fields=["title", "minutes"], document="search_document", **dates
            )[:50]
        )
    else:
        public = items.public().filter(meeting__in=Meeting.objects.published())
        approved = public.filter(meeting__status=MeetingStatus.MINUTES_APPROVED)
        by_title = list(
            matching(public, query, fields=["title"], document="search_title", **dates)[:50]
        )
        by_minutes = list(
            matching(approved, query, fields=["minutes"], document="search_minutes", **dates)[:50]
        )
        found = by_title + [item for item in by_minutes if item not in by_title]
    return [
        Hit(
            "Meeting",
            f"{item.title} ({item.meeting.body.name}, {item.meeting.held_on:%-d %B %Y})",
            item.meeting.get_absolute_url() if office else item.meeting.get_public_url(),
            item.meeting.held_on,
            "",
            item.rank,
        )
        for item in found[:50]
    ]


def meetings_published_since(moment):
    from scrutiny.models import Meeting

    meetings = (
        Meeting.objects.published()
        .filter(agenda_published_at__gt=moment)
        .select_related("body")
        .order_by("agenda_published_at", "id")[:200]
    )
    return [
        AlertItem(f"meeting:{m.code}", f"Agenda: {m.body.name}, {m.held_on:%-d %B %Y}",
                  m.get_public_url(), m.agenda_published_at)
        for m in meetings
    ]  # fmt: skip


def hmicfrs_published_since(moment):
    from scrutiny.models import HmicfrsInspection

    responses = (
        HmicfrsInspection.objects.published()
        .filter(response_published_at__gt=moment)
        .order_by("response_published_at", "id")[:200]
    )
    return [
        AlertItem(f"hmicfrs:{r.code}", f"Response to HMICFRS: {r.title}", r.get_public_url(),
                  r.response_published_at)
        for r in responses
    ]  # fmt: skip


def register() -> None:
    datasets.register(
        "meetings",
        Dataset("meetings", "Public meetings", "Meetings whose agendas are published.",
                "public_meetings", "public_meetings_csv", "public_meetings_json",
                MEETING_FIELDS, 30),
    )  # fmt: skip
    datasets.register(
        "hmicfrs",
        Dataset("hmicfrs", "Responses to HMICFRS inspections",
                "The Commissioner's published responses to HMICFRS reports.",
                "scrutiny:hmicfrs_public", "scrutiny:hmicfrs_public_csv",
                "scrutiny:hmicfrs_public_json", HMICFRS_FIELDS, 40),
    )  # fmt: skip
    datasets.register(
        "plan",
        Dataset("plan", "Police and Crime Plan measures",
                "Each measure of the current Plan with the force's figure per quarter.",
                "scrutiny:plan_public", "scrutiny:plan_public_csv",
                "scrutiny:plan_public_json", PLAN_FIELDS, 50),
    )  # fmt: skip
    search_sources.register("meetings", SearchSource("meetings", "Meetings", search_meetings, 40))
    alert_sources.register(
        "meetings", AlertSource("meetings", "Meeting agendas", meetings_published_since, 30)
    )
    alert_sources.register(
        "hmicfrs",
        AlertSource("hmicfrs", "Responses to HMICFRS", hmicfrs_published_since, 40),
    )
