"""The filed visit reports list ignores a ?suite= that int() refuses ("²" passes isdigit(), and so
does a string of thousands of digits): both gave a 500, found by
tests/test_properties_query_params.py."""

import pytest

from opcc.roles import Role
from tests.custody_visits.factories import ReportedVisitFactory


@pytest.mark.parametrize("suite", ["\u00b2", "9" * 5_000, "9" * 30])
def test_the_visit_reports_list_ignores_a_suite_that_is_no_number(client_for, suite):
    visit = ReportedVisitFactory()
    response = client_for(Role.PCC).get("/custody-visits/visits/", {"suite": suite})
    assert response.status_code == 200
    assert visit.suite.name in response.content.decode()
