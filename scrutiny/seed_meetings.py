"""Demo meetings: the four bodies, a year of meetings of each (past ones held with approved
minutes, the latest held with draft minutes, a published agenda ahead and planned ones after),
confidential items among the public ones, small PDF papers, and actions in every state. Made
through the services, so they carry the same history and PDFs as real use. Idempotent: a body
that already has meetings is left alone. ``--scale N`` adds N/50 older meetings in bulk."""

from datetime import time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from opcc import seed_bulk
from opcc.models import User
from scrutiny.models import (
    Action,
    ActionOwnerSide,
    ActionStatus,
    AgendaItem,
    Body,
    BodyKind,
    Meeting,
    MeetingStatus,
)
from scrutiny.services import actions as action_services
from scrutiny.services import meetings as services

STAFF_EMAIL = "staff@opcc.example"

BODIES = (
    (
        "Accountability Board",
        BodyKind.ACCOUNTABILITY_BOARD,
        True,
        "Alex Morgan, Police and Crime Commissioner (Chair)\nChief Constable Dana Hughes\n"
        "Jo Williams, Chief Executive\nChris Evans, Chief Finance Officer",
    ),
    (
        "Joint Audit and Standards Committee",
        BodyKind.AUDIT_COMMITTEE,
        True,
        "Helen Price (Chair, independent member)\nMark Owens (independent member)\n"
        "Ruth Adeyemi (independent member)",
    ),
    (
        "Ethics Committee",
        BodyKind.ETHICS_COMMITTEE,
        False,
        "Professor Ian Shaw (Chair)\nRevd Clare Lowe\nAmir Khan\nDetective Supt Lee Grant",
    ),
    (
        "Thematic Scrutiny Panel: Violence against Women and Girls",
        BodyKind.THEMATIC_PANEL,
        True,
        "Sam Patel, Deputy Police and Crime Commissioner (Chair)\nSupt Jane Cole\n"
        "Nadia Brooks, Women's Aid",
    ),
)

# Days from today of each body's meetings over the year; negative is past.
MEETING_DAYS = (-300, -230, -160, -90, -20, 25, 95)
ITEMS = (
    ("Minutes of the last meeting and actions arising", "Chair", ""),
    ("Performance against the Police and Crime Plan", "Chief Constable", ""),
    ("Finance and budget monitoring", "Chief Finance Officer", ""),
    ("Estates strategy: sale of a police station", "Head of Estates", "Commercially sensitive"),
    ("Any other business", "Chair", ""),
)


def tiny_pdf(text: str) -> bytes:
    """A valid one-page PDF showing ``text`` (demo papers only)."""
    safe = text.replace("\\", "").replace("(", "").replace(")", "")[:80]
    stream = f"BT /F1 18 Tf 72 720 Td ({safe}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def seed_meetings(scale: int, log) -> None:
    staff = User.objects.filter(email=STAFF_EMAIL).first()
    if staff is None:
        log("meetings: demo people missing, skipped")
        return
    made = 0
    for name, kind, public, members in BODIES:
        body, _ = Body.objects.get_or_create(
            name=name, defaults={"kind": kind, "meetings_public": public, "members": members}
        )
        if body.meetings.exists():
            continue
        _seed_body(body, staff)
        made += 1
    log(f"meetings: a year of meetings for {made} bodies added")
    if scale:
        _seed_at_scale(scale, log)


def _seed_body(body: Body, staff) -> None:
    today = timezone.localdate()
    meetings = []
    for days in MEETING_DAYS:
        meeting = services.schedule_meeting(
            staff,
            body=body,
            held_on=today + timedelta(days=days),
            starts_at=time(10, 0),
            place="Committee Room 1, Police Headquarters",
        )
        _build_agenda(meeting, staff)
        meetings.append(meeting)
    past = [m for m in meetings if m.held_on <= today]
    future = [m for m in meetings if m.held_on > today]
    for index, meeting in enumerate(past):
        services.publish_agenda(staff, meeting)
        services.record_meeting_held(staff, meeting)
        _minute(meeting, staff)
        _raise_actions(meeting, staff, latest=index == len(past) - 1)
        if index:
            # The previous meeting's minutes are approved at this one; the latest's stay draft.
            services.approve_minutes(staff, past[index - 1], approved_at_meeting=meeting)
    services.publish_agenda(staff, future[0])


def _build_agenda(meeting: Meeting, staff) -> None:
    for title, presenter, reason in ITEMS:
        item = services.add_agenda_item(
            staff,
            meeting,
            title=title,
            presenter=presenter,
            is_confidential=bool(reason),
            confidential_reason=reason or "",
        )
        if presenter != "Chair":
            paper = SimpleUploadedFile(
                "paper.pdf", tiny_pdf(f"{title} - {meeting.held_on:%d %B %Y}"), "application/pdf"
            )
            services.add_paper(staff, item, title=f"Report: {title}", upload=paper)


def _minute(meeting: Meeting, staff) -> None:
    for item in meeting.items.all():
        services.record_minutes(
            staff,
            item,
            minutes=f"{item.presenter} presented the item. Members asked questions, which were "
            "answered, and noted the report.",
            expected_version=item.version,
        )


def _raise_actions(meeting: Meeting, staff, *, latest: bool) -> None:
    performance, finance = meeting.items.filter(position__in=(2, 3)).order_by("position")
    done = action_services.raise_action(
        staff,
        finance,
        description="Circulate the revised overtime forecast to members.",
        owner="Chris Evans, Chief Finance Officer",
        owner_side=ActionOwnerSide.OFFICE,
        due_on=meeting.held_on + timedelta(days=21),
    )
    open_action = action_services.raise_action(
        staff,
        performance,
        description="Report back on 101 call answering times by district.",
        owner="Chief Superintendent Ravi Desai",
        owner_side=ActionOwnerSide.FORCE,
        due_on=meeting.held_on + timedelta(days=(60 if latest else 10)),
    )
    if not latest:
        action_services.update_action(
            staff,
            done,
            text="Forecast circulated to members by e-mail.",
            status=ActionStatus.DONE,
            expected_version=done.version,
        )
    else:
        action_services.update_action(
            staff,
            open_action,
            text="District figures requested from the force's contact centre.",
            status=ActionStatus.OPEN,
            expected_version=open_action.version,
        )


BENCHMARK_ACTIONS = (
    ("Report back on 101 call answering times by district.", "Chief Superintendent Ravi Desai"),
    ("Circulate the revised overtime forecast to members.", "Chris Evans, Chief Finance Officer"),
    ("Share the stop and search scrutiny panel's findings.", "Superintendent Jane Cole"),
    ("Bring the estates disposal timetable to the next meeting.", "Head of Estates"),
)


def _seed_at_scale(scale: int, log) -> None:
    """Benchmark meetings (N/50 of ``--scale N``) of the four bodies over ten years, bulk-created
    without history or papers: each with the five agenda items of the demo (one confidential,
    all of them in a body that meets in private), minutes (approved but for the latest) and two
    actions, done, open or overdue by the meeting's age."""
    wanted = seed_bulk.missing(Meeting, "meeting", seed_bulk.share(scale, "meetings"))
    if not wanted:
        return
    bodies = list(Body.objects.filter(name__in=[name for name, *_ in BODIES]).order_by("name"))
    today = timezone.localdate()
    now = seed_bulk.last_night(today)
    with transaction.atomic():
        meetings = seed_bulk.create(
            Meeting, (_benchmark_meeting(n, bodies[n % len(bodies)], today) for n in wanted)
        )
        items = seed_bulk.create(
            AgendaItem,
            (item for meeting in meetings for item in _benchmark_items(meeting)),
        )
        per_meeting = len(ITEMS)
        seed_bulk.create(
            Action,
            (
                _benchmark_action(n * 2 + k, item, today, now)
                for index, n in enumerate(wanted)
                # performance and finance, as in the demo
                for k, item in enumerate(items[index * per_meeting + 1 : index * per_meeting + 3])
            ),
        )
    log(f"meetings: {len(meetings)} benchmark meetings added, with agendas and actions")


def _benchmark_meeting(n, body, today) -> Meeting:
    held_on = seed_bulk.day_of(n, today)
    published = seed_bulk.moment(held_on - timedelta(days=10), 9)
    approved = (today - held_on).days > 60  # approved at the next meeting; the latest are draft
    return Meeting(
        code=seed_bulk.code_for("meeting", n),
        body=body,
        held_on=held_on,
        starts_at=time(10 if n % 3 else 14, 0),
        place=seed_bulk.pick(n, 50, ("Committee Room 1, Police Headquarters", "Council Chamber")),
        status=MeetingStatus.MINUTES_APPROVED if approved else MeetingStatus.HELD,
        agenda_published_at=published,
        minutes_approved_at=seed_bulk.moment(held_on + timedelta(days=56), 12)
        if approved
        else None,
        minutes_approved_by_chair=approved,  # by the chair: no later meeting is linked
        members_at_publication=body.members,
        meetings_public_at_publication=body.meetings_public,
        created_at=published - timedelta(days=30),
    )


def _benchmark_items(meeting) -> list[AgendaItem]:
    private = not meeting.meetings_public_at_publication
    return [
        AgendaItem(
            meeting=meeting,
            position=position,
            title=title,
            presenter=presenter,
            is_confidential=private or bool(reason),
            confidential_reason=reason or ("The committee meets in private." if private else ""),
            minutes=f"{presenter} presented the item. Members asked questions, which were "
            "answered, and noted the report.",
        )
        for position, (title, presenter, reason) in enumerate(ITEMS, start=1)
    ]


def _benchmark_action(n, item, today, now) -> Action:
    held_on = item.meeting.held_on
    description, owner = seed_bulk.pick(n, 51, BENCHMARK_ACTIONS)
    due_on = held_on + timedelta(days=21 + n % 50)
    age = (today - held_on).days
    action = Action(
        code=seed_bulk.code_for("action", n),
        item=item,
        description=description,
        owner=owner,
        owner_side=ActionOwnerSide.FORCE if "Superintendent" in owner else ActionOwnerSide.OFFICE,
        due_on=due_on,
        raised_at=seed_bulk.moment(held_on, 13),
    )
    done = age > 365 or seed_bulk.mix(n, 52, 10) < (8 if age > 90 else 3)
    if done:
        action.status, action.done_on = ActionStatus.DONE, min(due_on, today)
    elif due_on < today:
        action.overdue_reminder_sent_at = now  # reminded once already, as the task would
    return action
