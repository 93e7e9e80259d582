"""Access-matrix rows for complaints about the Commissioner, the Deputy and the Chief Constable
(see tests/test_access_matrix.py), and the factory the complaints tests share."""

import datetime

import factory
from guardian.shortcuts import assign_perm

from complaints.models import Complaint, ComplaintStatus, ComplaintSubject
from complaints.services.complaints import HANDLER_PERMISSIONS
from opcc.roles import Role
from tests.complaints.factories import ComplainantFactory
from tests.matrix import EVERYONE, OFFICE, REDIRECT, Row, expect, only

CE, STAFF, PCC, DEPUTY, CFO, PANEL, VISITOR = (
    Role.CHIEF_EXECUTIVE,
    Role.STAFF,
    Role.PCC,
    Role.DEPUTY,
    Role.CFO,
    Role.PANEL,
    Role.VISITOR,
)


class ComplaintFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Complaint

    reference = factory.Sequence(lambda n: f"C-2026-{n + 1:04d}")
    subject = ComplaintSubject.CHIEF_CONSTABLE
    complainant = factory.SubFactory(ComplainantFactory)
    channel = "online"
    received_on = datetime.date(2026, 10, 20)
    details = "The Chief Constable did not answer my letters."


def code(name):
    return lambda objects: {"code": objects[name].code}


CASE_ROLES = [*OFFICE, PANEL]
# A complaint about the Chief Constable handled by staff: the Commissioner and the Deputy read it
# (not the complainant's details) but change nothing; the CFO and the panel cannot find it.
READ_HANDLED = only([CE, STAFF, PCC, DEPUTY]) | {CFO: 404, PANEL: 404}
CHANGE_HANDLED = only([CE, STAFF], others=403) | {CFO: 404, PANEL: 404}
# A complaint about the Commissioner: never for the Commissioner (the conflict rule, 404), nor the
# Deputy; only the Chief Executive takes its steps, on the panel's behalf.
CE_STEP = only([CE])

ROWS = {
    "complaints:complaint_cases": Row(only(CASE_ROLES)),
    "complaints:complaint_add": Row(only([CE, STAFF])),
    "complaints:complaint": Row(READ_HANDLED, kwargs=code("handled_complaint")),
    "complaints:complaint_record": Row(
        only([CE], allowed=REDIRECT), method="post", kwargs=code("complaint_about_pcc")
    ),
    "complaints:complaint_decline": Row(CE_STEP, kwargs=code("complaint_about_pcc")),
    "complaints:complaint_pass_to_panel": Row(CE_STEP, kwargs=code("recorded_about_pcc")),
    "complaints:complaint_disapply": Row(CE_STEP, kwargs=code("recorded_about_pcc")),
    "complaints:complaint_assign": Row(CE_STEP, kwargs=code("handled_complaint")),
    "complaints:complaint_refer_to_iopc": Row(CHANGE_HANDLED, kwargs=code("handled_complaint")),
    "complaints:complaint_close": Row(CHANGE_HANDLED, kwargs=code("handled_complaint")),
    "complain": Row(expect(200)),
    # The first question; later ones send the person back to it until it is answered.
    "complain_step": Row(expect(200), kwargs=lambda objects: {"step": "about"}),
    # Without a complaint just sent in this session, back to the form.
    "complain_sent": Row(expect(REDIRECT)),
}
assert set(EVERYONE) == set(ROWS["complain"].outcome)


def make_objects(people):
    staff = people[Role.STAFF]
    handled = ComplaintFactory(status=ComplaintStatus.BEING_HANDLED, handler=staff)
    for permission in HANDLER_PERMISSIONS:
        assign_perm(permission, staff, handled)
    return {
        "handled_complaint": handled,
        "complaint_about_pcc": ComplaintFactory(subject=ComplaintSubject.PCC),
        "recorded_about_pcc": ComplaintFactory(
            subject=ComplaintSubject.PCC,
            status=ComplaintStatus.RECORDED,
            recorded_on=datetime.date(2026, 10, 21),
        ),
    }
