"""The public decisions register and its exports ignore a ?year= of thousands of digits (int()
refused it: a 500, found by tests/test_properties_query_params.py)."""

import pytest

from governance.models import DecisionStatus
from tests.governance.factories import DecisionFactory


@pytest.mark.parametrize("path", ["/decisions/", "/decisions.csv", "/decisions.json"])
def test_the_decisions_register_ignores_a_year_of_thousands_of_digits(client, db, path):
    response = client.get(path, {"year": "2" * 5_000})
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/decisions/", "/decisions.csv", "/decisions.json"])
def test_the_decisions_register_search_ignores_nul_bytes(client, db, path):
    """PostgreSQL refuses a NUL byte in a query (it gave a 500 there): it is dropped."""
    decision = DecisionFactory(status=DecisionStatus.PUBLISHED, title="Grant to the food bank")
    response = client.get(path, {"q": "food\x00 bank"})
    assert response.status_code == 200
    assert decision.title in response.content.decode()
