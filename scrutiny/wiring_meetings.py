"""What meetings and the actions tracker plug into the portal's registries (opcc.registry): the
overdue-actions panel, the meetings category of the transparency hub, the "Meetings held and
their actions" report section, the agenda pack and minutes PDFs, and the demo meetings."""

from opcc.registry import (
    DashboardPanel,
    DocumentKind,
    ReportSection,
    Seeder,
    TransparencySource,
    dashboard_panels,
    document_kinds,
    report_sections,
    seeders,
    transparency_sources,
)

PANEL_SIZE = 10


def overdue_actions_rows(user):
    """For the office roles: actions past their due date and not done, oldest first."""
    from django.utils import timezone

    from opcc.access import is_office
    from opcc.dashboard import Rows
    from scrutiny.models import Action

    if not is_office(user):
        return None
    overdue = Action.objects.overdue(timezone.localdate())
    return {"overdue": Rows(overdue, ("due_on", "id"), PANEL_SIZE, ("item__meeting__body",))}


def overdue_actions(user, fetched):
    overdue = fetched["overdue"]
    if not overdue.count:
        return None
    return {"rows": overdue.items, "count": overdue.count}


def agendas_to_publish_rows(user):
    """For those who publish agendas: planned meetings in the next four weeks."""
    from datetime import timedelta

    from django.utils import timezone

    from opcc.dashboard import Rows
    from scrutiny.models import Meeting, MeetingStatus

    if not user.has_perm("scrutiny.publish_meeting"):
        return None
    today = timezone.localdate()
    planned = Meeting.objects.filter(
        status=MeetingStatus.PLANNED, held_on__range=(today, today + timedelta(days=28))
    )
    # Four weeks of meetings: all of them, to sort by the day each agenda is due.
    return {"planned": Rows(planned, ("held_on", "pk"), limit=None, related=("body",))}


def agendas_to_publish(user, fetched):
    """The last day to publish each agenda (five clear working days before the meeting), the
    most pressing first."""
    from django.utils import timezone

    today = timezone.localdate()
    planned = fetched["planned"].items
    rows = [(m, m.publish_agenda_by, m.publish_agenda_by < today) for m in planned]
    if not rows:
        return None
    rows.sort(key=lambda row: (row[1], row[0].pk))
    return {"rows": rows[:PANEL_SIZE], "count": len(rows)}


def meetings_changes():
    """The latest agenda publication or minutes approval."""
    from opcc.transparency import Latest
    from scrutiny.models import Meeting

    published = Meeting.objects.published()
    return [Latest(published, "agenda_published_at"), Latest(published, "minutes_approved_at")]


def meetings_report_section(start, end) -> dict:
    """The meetings held from ``start`` to ``end`` (inclusive), by body: how many, the actions
    raised at them and how many are done or still open; and how many actions (from any meeting)
    were overdue at ``end``. Counted in the database, by body, so the section does not grow with
    the number of meetings (two queries, whatever the count)."""
    from django.db.models import Count, Q

    from scrutiny.models import ActionStatus, Meeting, MeetingStatus
    from scrutiny.models.actions import OUTSTANDING_STATUSES

    bodies = list(
        Meeting.objects.filter(
            held_on__range=(start, end),
            status__in=(MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED),
        )
        .values("body__name")
        .annotate(
            meetings_held=Count("id", distinct=True),
            actions_raised=Count("items__actions"),
            actions_done=Count(
                "items__actions", filter=Q(items__actions__status=ActionStatus.DONE)
            ),
            actions_open=Count(
                "items__actions", filter=Q(items__actions__status__in=OUTSTANDING_STATUSES)
            ),
        )
        .order_by("body__name")
    )
    counted = ("meetings_held", "actions_raised", "actions_done", "actions_open")
    return {
        "start": start,
        "end": end,
        "bodies": bodies,
        "totals": {
            **{key: sum(body[key] for body in bodies) for key in counted},
            "actions_overdue_at_end": _actions_overdue_at(end),
        },
    }


def _actions_overdue_at(day) -> int:
    """Actions raised by ``day``, due before it and not yet done on it. The report describes the
    period, so an action done since still counts, and one raised since does not."""
    from django.db.models import Q

    from scrutiny.models import Action, ActionStatus
    from scrutiny.models.actions import OUTSTANDING_STATUSES

    not_done_at_end = Q(status__in=OUTSTANDING_STATUSES) | Q(
        status=ActionStatus.DONE, done_on__gt=day
    )
    return (
        Action.objects.filter(raised_at__date__lte=day, due_on__lt=day)
        .filter(not_done_at_end)
        .count()
    )


def agenda_pack_context(document):
    from scrutiny.selectors import public_actions_brought_forward, public_agenda

    meeting = document.of
    return {
        "meeting": meeting,
        "document": document,
        "agenda": public_agenda(meeting),
        "brought_forward": public_actions_brought_forward(meeting),
    }


def minutes_context(document):
    from scrutiny.selectors import public_agenda

    meeting = document.of
    return {"meeting": meeting, "document": document, "agenda": public_agenda(meeting)}


def register() -> None:
    from scrutiny.seed_meetings import seed_meetings

    dashboard_panels.register(
        "overdue_actions",
        DashboardPanel(
            "overdue_actions",
            "Overdue actions from meetings",
            "scrutiny/actions/_panel.html",
            overdue_actions_rows,
            overdue_actions,
            40,
        ),
    )
    dashboard_panels.register(
        "agendas_to_publish",
        DashboardPanel(
            "agendas_to_publish",
            "Agendas to publish",
            "scrutiny/meetings/_panel.html",
            agendas_to_publish_rows,
            agendas_to_publish,
            41,
        ),
    )
    transparency_sources.register(
        "meetings", TransparencySource("meetings", "public_meetings", meetings_changes)
    )
    report_sections.register(
        "meetings",
        ReportSection(
            "meetings",
            "Meetings held and their actions",
            "scrutiny/meetings/report_section.html",
            meetings_report_section,
            30,
        ),
    )
    # Both PDFs hold only the public parts: whoever may see the published meeting may read them.
    document_kinds.register(
        "scrutiny_agenda_pack",
        DocumentKind(
            "scrutiny_agenda_pack",
            "pdf/agenda_pack.html",
            agenda_pack_context,
            may_view=lambda user, document: document.of is not None and document.of.is_published,
        ),
    )
    document_kinds.register(
        "scrutiny_minutes",
        DocumentKind(
            "scrutiny_minutes",
            "pdf/minutes.html",
            minutes_context,
            may_view=lambda user, document: (
                document.of is not None and document.of.minutes_are_approved
            ),
        ),
    )
    seeders.register("meetings", Seeder("meetings", seed_meetings, order=70))
