"""Meetings and actions lists ignore a ?body= or ?year= no database integer can hold (they gave
a 500: found by tests/test_properties_query_params.py)."""

import pytest

from opcc.roles import Role
from scrutiny.models import MeetingStatus
from tests.scrutiny.factories_meetings import MeetingFactory

TOO_LONG = ["9" * 30, "9" * 5_000]


@pytest.mark.parametrize("value", TOO_LONG)
@pytest.mark.parametrize("parameter", ["body", "year"])
def test_the_public_meetings_list_ignores_an_overlong_number(client, db, parameter, value):
    meeting = MeetingFactory(status=MeetingStatus.AGENDA_PUBLISHED)
    response = client.get("/meetings/", {parameter: value})
    assert response.status_code == 200
    assert meeting.body.name in response.content.decode()


@pytest.mark.parametrize("value", TOO_LONG)
@pytest.mark.parametrize("parameter", ["body", "year"])
def test_the_office_meetings_list_ignores_an_overlong_number(client_for, parameter, value):
    meeting = MeetingFactory()
    response = client_for(Role.STAFF).get("/scrutiny/meetings/", {parameter: value})
    assert response.status_code == 200
    assert meeting.body.name in response.content.decode()


@pytest.mark.parametrize("value", TOO_LONG)
def test_the_actions_list_ignores_an_overlong_body(client_for, value):
    response = client_for(Role.STAFF).get("/scrutiny/actions/", {"body": value})
    assert response.status_code == 200
