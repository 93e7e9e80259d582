"""Access-matrix rows of the scheme of delegation (see tests/test_access_matrix.py): the office
reads it, only the Chief Executive changes it, and everyone reads the public scheme."""

from opcc.roles import Role
from tests.matrix import OFFICE, Row, expect, only


def _statutory_category(objects):
    return {"slug": "police-and-crime-plan"}  # made by governance migration 0011


ROWS = {
    "governance:delegation": Row(only(OFFICE)),
    "governance:delegation_add": Row(only([Role.CHIEF_EXECUTIVE])),
    "governance:delegation_edit": Row(only([Role.CHIEF_EXECUTIVE]), kwargs=_statutory_category),
    "scheme_of_delegation": Row(expect(200)),
    "scheme_of_delegation_csv": Row(expect(200)),
    "scheme_of_delegation_json": Row(expect(200)),
}


def make_objects(people) -> dict:
    return {}
