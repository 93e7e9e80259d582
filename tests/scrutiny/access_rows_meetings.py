"""Access-matrix rows for meetings (see tests/test_access_matrix.py).

Who may do what:
- office staff (`staff`) and the Chief Executive schedule meetings, build and publish agendas,
  add papers, record that a meeting was held, draft the minutes and record their approval (at
  a later meeting of the body, or by the chair);
- the Commissioner, the Deputy and the CFO read every meeting, confidential items and papers
  included, and change nothing (403);
- panel members, custody visitors and the public read only what is published, on the public
  pages: a published agenda's public items and papers, confidential items by title and reason,
  and approved minutes. The office pages refuse them (403; the public is sent to sign in).
- staff and the Chief Executive withdraw a paper (with the reason) at any stage; it is kept but
  leaves every public surface.
- A step that cannot be taken in the record's state is refused with the reason (400): these
  rows use such records so that the matrix changes nothing as it runs.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from opcc.models import DocumentStatus, GeneratedDocument
from opcc.roles import Role
from scrutiny.models import MeetingStatus
from scrutiny.seed_meetings import tiny_pdf
from tests.matrix import OFFICE, Row, expect, only
from tests.scrutiny.factories_meetings import (
    AgendaItemFactory,
    ConfidentialItemFactory,
    MeetingFactory,
    PaperFactory,
)

CE, STAFF = Role.CHIEF_EXECUTIVE, Role.STAFF
RUNNERS = [CE, STAFF]


def code(name):
    return lambda objects: {"code": objects[name].code}


def item(name):
    return lambda objects: {"code": objects[name].meeting.code, "pk": objects[name].pk}


ROWS = {
    "scrutiny:meetings": Row(only(OFFICE)),
    "scrutiny:meeting_schedule": Row(only(RUNNERS)),
    "scrutiny:meeting": Row(only(OFFICE), kwargs=code("planned_meeting")),
    # An empty agenda cannot be published: whoever may publish is told why (400).
    "scrutiny:meeting_publish": Row(
        only(RUNNERS, allowed=400), method="post", kwargs=code("empty_meeting")
    ),
    # A meeting cannot be recorded as held before its date (400).
    "scrutiny:meeting_held": Row(
        only(RUNNERS, allowed=400), method="post", kwargs=code("published_meeting")
    ),
    "scrutiny:meeting_reschedule": Row(only(RUNNERS), kwargs=code("planned_meeting")),
    "scrutiny:minutes_approve": Row(only(RUNNERS), kwargs=code("held_meeting")),
    "scrutiny:agenda_item_add": Row(only(RUNNERS), kwargs=code("planned_meeting")),
    # The only item cannot move up (400).
    "scrutiny:agenda_item_move": Row(
        only(RUNNERS, allowed=400), method="post", kwargs=item("planned_item")
    ),
    "scrutiny:paper_add": Row(only(RUNNERS), kwargs=item("planned_item")),
    "scrutiny:minutes_edit": Row(only(RUNNERS), kwargs=item("held_item")),
    # Posted without a reason, so whoever may withdraw is told why (400) and nothing changes.
    "scrutiny:paper_withdraw": Row(
        only(RUNNERS, allowed=400),
        method="post",
        kwargs=lambda objects: {
            "code": objects["approved_meeting"].code,
            "paper": objects["public_paper"].code,
        },
    ),
    "scrutiny:paper": Row(only(OFFICE), kwargs=code("confidential_paper")),
    "scrutiny:bodies": Row(only(OFFICE)),
    "scrutiny:body_add": Row(only(RUNNERS)),
    "scrutiny:body_edit": Row(only(RUNNERS), kwargs=lambda objects: {"pk": objects["body"].pk}),
    "public_meetings": Row(expect(200)),
    "public_meetings_csv": Row(expect(200)),
    "public_meetings_json": Row(expect(200)),
    "public_meetings_feed": Row(expect(200)),
    "public_meetings_calendar": Row(expect(200)),
    "public_meeting": Row(expect(200), kwargs=code("approved_meeting")),
    "public_meeting_agenda_pack": Row(expect(200), kwargs=code("approved_meeting")),
    "public_meeting_minutes": Row(expect(200), kwargs=code("approved_meeting")),
    "public_meeting_paper": Row(expect(200), kwargs=code("public_paper")),
}


def _ready_document(meeting, kind):
    document = GeneratedDocument.objects.create(
        kind=kind, title=kind, of=meeting, status=DocumentStatus.READY, finished_at=timezone.now()
    )
    document.file.save(document.filename, ContentFile(tiny_pdf(kind)))
    return document


def make_objects(people):
    future = timezone.localdate() + datetime.timedelta(days=30)
    planned_item = AgendaItemFactory(meeting__held_on=future)
    held_item = AgendaItemFactory(meeting__status=MeetingStatus.HELD)
    approved_meeting = MeetingFactory(status=MeetingStatus.MINUTES_APPROVED)
    public_item = AgendaItemFactory(meeting=approved_meeting, minutes="Noted.")
    secret_item = ConfidentialItemFactory(meeting=approved_meeting)
    _ready_document(approved_meeting, "scrutiny_agenda_pack")
    _ready_document(approved_meeting, "scrutiny_minutes")
    return {
        "body": planned_item.meeting.body,
        "planned_meeting": planned_item.meeting,
        "planned_item": planned_item,
        "empty_meeting": MeetingFactory(held_on=future),
        "published_meeting": AgendaItemFactory(
            meeting__status=MeetingStatus.AGENDA_PUBLISHED, meeting__held_on=future
        ).meeting,
        "held_meeting": held_item.meeting,
        "held_item": held_item,
        "approved_meeting": approved_meeting,
        "public_paper": PaperFactory(item=public_item),
        "confidential_paper": PaperFactory(item=secret_item),
    }
