"""Access-matrix rows for the Chief Executive's personal data pages (see
tests/test_access_matrix.py)."""

from opcc.roles import Role
from tests.complaints.factories import ComplaintReviewFactory
from tests.matrix import Row, only

CE = [Role.CHIEF_EXECUTIVE]

ROWS = {
    "complaints:personal_data_views": Row(only(CE)),
    "complaints:disposals": Row(only(CE)),
    "complaints:subject_access": Row(only(CE)),
    # Sent without a reference: the Chief Executive is told what is missing (400).
    "complaints:subject_access_download": Row(only(CE, allowed=400), method="post"),
    # Staff may see the review (it is assigned to them) but holds are the Chief Executive's.
    "complaints:retention_hold": Row(
        only(CE), kwargs=lambda objects: {"kind": "review", "code": objects["review"].code}
    ),
}


def make_objects(people):
    from guardian.shortcuts import assign_perm

    review = ComplaintReviewFactory(reviewer=people[Role.STAFF])
    assign_perm("complaints.view_complaintreview", people[Role.STAFF], review)
    return {"review": review}
