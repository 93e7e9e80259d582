"""Access-matrix rows for the actions tracker (see tests/test_access_matrix.py).

Actions are the office's working records: office staff and the Chief Executive raise and update
them; the Commissioner, the Deputy and the CFO read them; panel members and custody visitors are
refused (403) and the public is sent to sign in. The public sees an action only as part of
approved minutes, on the public meeting page.
"""

from opcc.roles import Role
from scrutiny.models import MeetingStatus
from tests.matrix import OFFICE, Row, only
from tests.scrutiny.factories_meetings import ActionFactory, AgendaItemFactory

RUNNERS = [Role.CHIEF_EXECUTIVE, Role.STAFF]

ROWS = {
    "scrutiny:actions": Row(only(OFFICE)),
    "scrutiny:action_raise": Row(
        only(RUNNERS),
        kwargs=lambda objects: {
            "code": objects["action_item"].meeting.code,
            "pk": objects["action_item"].pk,
        },
    ),
    "scrutiny:action": Row(
        only(OFFICE), kwargs=lambda objects: {"code": objects["tracked_action"].code}
    ),
}


def make_objects(people):
    item = AgendaItemFactory(meeting__status=MeetingStatus.HELD)
    return {"action_item": item, "tracked_action": ActionFactory(item=item)}
