"""Demo meetings: the four bodies, a year of meetings of each (past ones held with approved
minutes, the latest held with draft minutes, a published agenda ahead and planned ones after),
confidential items among the public ones, small PDF papers, and actions in every state. Made
through the services, so they carry the same history and PDFs as real use. Idempotent: a body
that already has meetings is left alone."""

from datetime import time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from opcc.models import User
from scrutiny.models import ActionOwnerSide, ActionStatus, Body, BodyKind, Meeting, MeetingStatus
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
        if scale:
            _bulk_meetings(body, scale)
    log(f"meetings: a year of meetings for {made} bodies added")


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


def _bulk_meetings(body: Body, scale: int) -> None:
    """For the benchmarks: many older meetings with approved minutes, made in bulk (no PDFs)."""
    first = timezone.localdate() - timedelta(days=400)
    Meeting.objects.bulk_create(
        Meeting(
            body=body,
            held_on=first - timedelta(days=7 * number),
            starts_at=time(10, 0),
            place="Committee Room 2",
            status=MeetingStatus.MINUTES_APPROVED,
            agenda_published_at=timezone.now(),
            minutes_approved_at=timezone.now(),
            minutes_approved_by_chair=True,
        )
        for number in range(scale * 50)
    )
