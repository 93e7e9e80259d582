"""Access-matrix rows for the rota, visits and their reports (see tests/test_access_matrix.py).

The rota stays a surprise: only the scheme manager (staff, Chief Executive) and each visit's
visitors see a planned visit; the office holders see filed reports; the panel nothing.
"""

from opcc.roles import Role
from tests.custody_visits.factories import (
    CustodyVisitFactory,
    DetaineeRecordFactory,
    FindingFactory,
    ReportedVisitFactory,
    VisitorFactory,
    visitor_for,
)
from tests.matrix import OFFICE, REDIRECT, Row, only

CE, STAFF, PCC, DEPUTY, CFO, VISITOR = (
    Role.CHIEF_EXECUTIVE,
    Role.STAFF,
    Role.PCC,
    Role.DEPUTY,
    Role.CFO,
    Role.VISITOR,
)
MANAGERS = [CE, STAFF]
HOLDERS = [PCC, DEPUTY, CFO]


def code(name):
    return lambda objects: {"code": objects[name].code}


def item(visit, name):
    return lambda objects: {"code": objects[visit].code, "pk": objects[name].pk}


# A visit still being filled in: its own visitor only; the scheme manager may look but not
# file; the office holders cannot see that it exists.
FILING = only([VISITOR], others=403) | dict.fromkeys(HOLDERS, 404)
FILING_POST = FILING | {VISITOR: REDIRECT}

ROWS = {
    "custody_visits:rota": Row(only(MANAGERS)),
    "custody_visits:visit_plan": Row(only(MANAGERS)),
    "custody_visits:my_visits": Row(only([VISITOR])),
    "custody_visits:visit_reports": Row(only(OFFICE)),
    "custody_visits:visit": Row(only([*OFFICE, VISITOR]), kwargs=code("submitted_visit")),
    "custody_visits:visit_cancel": Row(only(MANAGERS), kwargs=code("planned_visit")),
    "custody_visits:visit_change": Row(only(MANAGERS), kwargs=code("planned_visit")),
    # The way out of a report the other visitor cannot confirm: the scheme manager only.
    "custody_visits:visit_return": Row(only(MANAGERS), kwargs=code("submitted_visit")),
    # Only the second visitor confirms: the scheme manager and the office holders are refused.
    "custody_visits:visit_confirm": Row(
        only([VISITOR], allowed=REDIRECT), method="post", kwargs=code("submitted_visit")
    ),
    "custody_visits:visit_send_back": Row(only([VISITOR]), kwargs=code("submitted_visit")),
    "custody_visits:visit_review": Row(only(MANAGERS), kwargs=code("confirmed_visit")),
    "custody_visits:report_details": Row(FILING, kwargs=code("planned_visit")),
    "custody_visits:report_delay": Row(FILING, kwargs=code("planned_visit")),
    "custody_visits:report_conditions": Row(FILING, kwargs=code("planned_visit")),
    "custody_visits:report_detainees": Row(FILING, kwargs=code("planned_visit")),
    "custody_visits:report_detainee_add": Row(FILING, kwargs=code("planned_visit")),
    "custody_visits:report_detainee_change": Row(
        FILING, kwargs=item("planned_visit", "draft_detainee")
    ),
    "custody_visits:report_detainee_remove": Row(
        FILING_POST, method="post", kwargs=item("planned_visit", "draft_detainee")
    ),
    "custody_visits:report_findings": Row(FILING, kwargs=code("planned_visit")),
    "custody_visits:report_finding_add": Row(FILING, kwargs=code("planned_visit")),
    "custody_visits:report_finding_change": Row(
        FILING, kwargs=item("planned_visit", "draft_finding")
    ),
    "custody_visits:report_finding_remove": Row(
        FILING_POST, method="post", kwargs=item("planned_visit", "draft_finding")
    ),
    "custody_visits:report_check": Row(FILING, kwargs=code("planned_visit")),
}


def make_objects(people):
    me = visitor_for(people[VISITOR])
    other = VisitorFactory()
    planned = CustodyVisitFactory(visitors=[me, other])
    submitted = ReportedVisitFactory(
        status="submitted", submitted_by=other.user, visitors=[me, other]
    )
    confirmed = ReportedVisitFactory(status="confirmed", visitors=[me, other])
    return {
        "planned_visit": planned,
        "submitted_visit": submitted,
        "confirmed_visit": confirmed,
        "draft_detainee": DetaineeRecordFactory(visit=planned),
        "draft_finding": FindingFactory(visit=planned),
    }
