"""Access-matrix rows for protocol concerns and complaints information (see
tests/test_access_matrix.py)."""

import datetime

from complaints.models import ConcernAbout, ConcernRoute, ProtocolConcern
from opcc.roles import Role
from tests.matrix import OFFICE, REDIRECT, Row, expect, only

CE, STAFF = Role.CHIEF_EXECUTIVE, Role.STAFF


def code(name):
    return lambda objects: {"code": objects[name].code}


ROWS = {
    # Only the Monitoring Officer reads concerns; staff and the Chief Executive record them.
    "complaints:concerns": Row(only([CE])),
    "complaints:concern_add": Row(only([CE, STAFF])),
    # Without a concern just recorded in this session, back to the form.
    "complaints:concern_recorded": Row(only([CE, STAFF], allowed=REDIRECT)),
    "complaints:concern": Row(only([CE]), kwargs=code("concern_about_pcc")),
    "complaints:concern_close": Row(only([CE]), kwargs=code("concern_about_pcc")),
    "complaints:complaints_information": Row(expect(200)),
    "complaints:complaints_information_csv": Row(expect(200)),
    "complaints:complaints_information_json": Row(expect(200)),
    "complaints:review_upheld_themes_csv": Row(only(OFFICE)),
}


def make_objects(people):
    common = {"raised_by": "A member of staff", "received_on": datetime.date(2026, 10, 1)}
    # The Chief Executive's 404 on a concern about themselves: tests/complaints/test_concerns.py.
    return {
        "concern_about_pcc": ProtocolConcern.objects.create(
            about=ConcernAbout.PCC,
            description="Asked for a recommendation to be changed.",
            routed_to=ConcernRoute.MONITORING_OFFICER,
            **common,
        ),
        "concern_about_chief_executive": ProtocolConcern.objects.create(
            about=ConcernAbout.CHIEF_EXECUTIVE,
            description="Told staff not to minute an interest.",
            routed_to=ConcernRoute.AUDIT_COMMITTEE_CHAIR,
            **common,
        ),
    }
