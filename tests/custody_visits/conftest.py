"""Fixtures for the custody visiting tests: a fixed Monday to run on (used by each module that
wants it, so other modules keep their own clocks) and the signed-in visitor's record."""

import datetime

import pytest
import time_machine

from opcc.roles import Role
from tests.custody_visits.factories import VisitorFactory, visitor_for

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def on_23_november_2026():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


@pytest.fixture
def me(people):
    """The signed-in visitor (people["visitor"]) as a scheme visitor."""
    return visitor_for(people[Role.VISITOR])


@pytest.fixture
def partner(db):
    return VisitorFactory()
