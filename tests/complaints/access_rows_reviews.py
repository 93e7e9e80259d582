"""Access-matrix rows for complaint reviews (see tests/test_access_matrix.py)."""

from guardian.shortcuts import assign_perm

from complaints.models import Recommendation, ReviewFinding, ReviewStatus
from complaints.services.reviews import REVIEWER_PERMISSIONS
from opcc.roles import Role
from tests.complaints.factories import ComplaintReviewFactory
from tests.matrix import OFFICE, REDIRECT, Row, expect, only

CE, STAFF, PCC, DEPUTY, CFO = (
    Role.CHIEF_EXECUTIVE,
    Role.STAFF,
    Role.PCC,
    Role.DEPUTY,
    Role.CFO,
)


def code(name):
    return lambda objects: {"code": objects[name].code}


# The Commissioner and Deputy read every case (not the complainant's details) but change none;
# staff see only the cases assigned to them, the CFO none: an outsider's guess is a 404.
READ_CASE = only([CE, STAFF, PCC, DEPUTY]) | {CFO: 404}
CHANGE_ASSIGNED = only([CE, STAFF], others=403) | {CFO: 404}
CHANGE_UNASSIGNED = only([CE]) | {STAFF: 404, CFO: 404}

ROWS = {
    "complaints:reviews": Row(only(OFFICE)),
    "complaints:review_add": Row(only([CE, STAFF])),
    "complaints:review_upheld_themes": Row(only(OFFICE)),
    "complaints:review": Row(READ_CASE, kwargs=code("assigned_review")),
    "complaints:review_route_to_iopc": Row(CHANGE_UNASSIGNED, kwargs=code("received_review")),
    "complaints:review_accept_late": Row(CHANGE_UNASSIGNED, kwargs=code("received_review")),
    "complaints:review_assign": Row(only([CE]), kwargs=code("received_review")),
    "complaints:review_decide": Row(CHANGE_ASSIGNED, kwargs=code("assigned_review")),
    "complaints:review_force_response": Row(
        CHANGE_ASSIGNED,
        kwargs=lambda objects: {
            "code": objects["decided_review"].code,
            "pk": objects["recommendation"].pk,
        },
    ),
    # Closing while the force has not answered: whoever may close is told why (400).
    "complaints:review_close": Row(
        only([CE, STAFF], allowed=400) | {CFO: 404}, method="post", kwargs=code("decided_review")
    ),
    "complaint_review_request": Row(expect(200)),
    "complaint_review_request_step": Row(expect(200), kwargs=lambda objects: {"step": "reference"}),
    # Without a request just sent in this session, back to the form.
    "complaint_review_request_sent": Row(expect(REDIRECT)),
}


def make_objects(people):
    staff = people[Role.STAFF]
    assigned_review = ComplaintReviewFactory(status=ReviewStatus.UNDER_REVIEW, reviewer=staff)
    decided_review = ComplaintReviewFactory(
        status=ReviewStatus.DECIDED,
        reviewer=staff,
        finding=ReviewFinding.NOT_REASONABLE,
        finding_reasons="Not proportionate.",
        theme="Witnesses not contacted",
    )
    for review in (assigned_review, decided_review):
        for permission in REVIEWER_PERMISSIONS:
            assign_perm(f"complaints.{permission}", staff, review)
    return {
        "received_review": ComplaintReviewFactory(),
        "assigned_review": assigned_review,
        "decided_review": decided_review,
        "recommendation": Recommendation.objects.create(
            review=decided_review, text="Speak to the witness."
        ),
    }
