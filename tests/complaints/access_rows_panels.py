"""Access-matrix rows of the misconduct hearing panels (tests/test_access_matrix.py collects them).

The Chief Executive and staff keep the pool and choose panels; the Commissioner and the Deputy
read them; nobody else sees them."""

import datetime

from complaints.models import HearingKind, PanelMemberKind
from complaints.services.panels import choose_panel
from opcc.roles import Role
from tests.complaints.factories import PanelMemberFactory
from tests.matrix import Row, only

KEEPERS = [Role.CHIEF_EXECUTIVE, Role.STAFF]
READERS = [*KEEPERS, Role.PCC, Role.DEPUTY]


def _member(objects):
    return {"pk": objects["panel_member"].pk}


def _hearing(objects):
    return {"pk": objects["hearing"].pk}


ROWS = {
    "complaints:panel_members": Row(only(READERS)),
    "complaints:panel_member_add": Row(only(KEEPERS)),
    "complaints:panel_member_change": Row(only(KEEPERS), kwargs=_member),
    "complaints:hearings": Row(only(READERS)),
    "complaints:hearing_choose": Row(only(KEEPERS)),
    "complaints:hearing": Row(only(READERS), kwargs=_hearing),
    "complaints:hearing_outcome": Row(only(KEEPERS), kwargs=_hearing),
}


def make_objects(people) -> dict:
    chair = PanelMemberFactory(kind=PanelMemberKind.LEGALLY_QUALIFIED_CHAIR)
    PanelMemberFactory.create_batch(2, kind=PanelMemberKind.INDEPENDENT_MEMBER)
    hearing = choose_panel(
        people[Role.STAFF],
        kind=HearingKind.MISCONDUCT_HEARING,
        held_on=datetime.date(2027, 5, 10),
        officer="PC Jane Doe",
    )
    return {"panel_member": chair, "hearing": hearing}
