"""Access-matrix rows for the scheme's standing records (see tests/test_access_matrix.py): the
scheme manager's pages, for staff and the Chief Executive only."""

from opcc.roles import Role
from tests.custody_visits.factories import CustodySuiteFactory, VisitorFactory
from tests.matrix import Row, only

MANAGERS = [Role.CHIEF_EXECUTIVE, Role.STAFF]


def pk(name):
    return lambda objects: {"pk": objects[name].pk}


ROWS = {
    "custody_visits:suites": Row(only(MANAGERS)),
    "custody_visits:suite_add": Row(only(MANAGERS)),
    "custody_visits:suite_change": Row(only(MANAGERS), kwargs=pk("suite")),
    "custody_visits:visitors": Row(only(MANAGERS)),
    "custody_visits:visitor_add": Row(only(MANAGERS)),
    "custody_visits:visitor_change": Row(only(MANAGERS), kwargs=pk("scheme_visitor")),
}


def make_objects(people):
    return {"suite": CustodySuiteFactory(), "scheme_visitor": VisitorFactory()}
