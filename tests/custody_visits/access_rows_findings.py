"""Access-matrix rows for findings and their follow-up (see tests/test_access_matrix.py)."""

from custody_visits.models import FindingStatus
from opcc.roles import Role
from tests.custody_visits.factories import (
    FindingFactory,
    ReportedVisitFactory,
    VisitorFactory,
    visitor_for,
)
from tests.matrix import OFFICE, Row, only

MANAGERS = [Role.CHIEF_EXECUTIVE, Role.STAFF]


def code(name):
    return lambda objects: {"code": objects[name].code}


ROWS = {
    "custody_visits:findings": Row(only(OFFICE)),
    # A visitor sees the findings of their own visits; the panel none.
    "custody_visits:finding": Row(only([*OFFICE, Role.VISITOR]), kwargs=code("open_finding")),
    "custody_visits:finding_raise": Row(only(MANAGERS), kwargs=code("open_finding")),
    "custody_visits:finding_response": Row(only(MANAGERS), kwargs=code("raised_finding")),
    # Closing before the force has responded: whoever may close is told why (400).
    "custody_visits:finding_close": Row(
        only(MANAGERS, allowed=400), method="post", kwargs=code("raised_finding")
    ),
}


def make_objects(people):
    me = visitor_for(people[Role.VISITOR])
    visit = ReportedVisitFactory(visitors=[me, VisitorFactory()])
    return {
        "open_finding": FindingFactory(visit=visit),
        "raised_finding": FindingFactory(
            visit=visit,
            status=FindingStatus.RAISED,
            raised_with="Inspector Sam Lee",
            raised_on=visit.visited_on,
            due_on=visit.visited_on,
        ),
    }
