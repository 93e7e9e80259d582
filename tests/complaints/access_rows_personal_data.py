"""Access-matrix rows for the Chief Executive's personal data pages (see
tests/test_access_matrix.py)."""

from opcc.roles import Role
from tests.matrix import Row, only

CE = [Role.CHIEF_EXECUTIVE]

ROWS = {
    "complaints:personal_data_views": Row(only(CE)),
    "complaints:disposals": Row(only(CE)),
    "complaints:subject_access": Row(only(CE)),
    # Sent without a reference: the Chief Executive is told what is missing (400).
    "complaints:subject_access_download": Row(only(CE, allowed=400), method="post"),
}


def make_objects(people):
    return {}
