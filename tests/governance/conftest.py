"""Fixtures shared by several governance test modules: the current and an earlier version of the
Commissioner and Officer Protocol (test_protocol_*.py), and the registers' frozen day and the
gift and contract edge cases the public pages and their CSV files both use
(test_registers_public_*.py)."""

import datetime
from decimal import Decimal

import pytest

from opcc.roles import Role
from tests.governance.factories import ContractFactory, GiftOfferFactory, ProtocolVersionFactory
from tests.governance.protocol_helpers import days_ago
from tests.governance.registers_helpers import with_document

# The Commissioner and Officer Protocol


@pytest.fixture
def current(db):
    return ProtocolVersionFactory(version="2.0", approved_on=days_ago(30))


@pytest.fixture
def earlier(db):
    return ProtocolVersionFactory(version="1.0", approved_on=days_ago(700))


# The public registers


@pytest.fixture
def on_23_november_2026(time_machine):
    """Stop the clock at noon on 23 November 2026, in the 2026 to 2027 financial year."""
    time_machine.move_to(datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC), tick=False)


@pytest.fixture
def year_edges(people):
    for day, description in (
        (datetime.date(2025, 4, 1), "First day of 2025 to 2026"),
        (datetime.date(2026, 3, 31), "Last day of 2025 to 2026"),
        (datetime.date(2026, 4, 1), "First day of 2026 to 2027"),
    ):
        GiftOfferFactory(recipient=people[Role.PCC], offered_on=day, description=description)


@pytest.fixture
def threshold_edges():
    return {
        "exactly": with_document(
            ContractFactory(title="Exactly ten thousand", value=Decimal("10000.00"))
        ),
        "just_over": with_document(
            ContractFactory(title="A penny over ten thousand", value=Decimal("10000.01"))
        ),
    }


# The scheme of delegation


@pytest.fixture
def chief_executive(people):
    return people[Role.CHIEF_EXECUTIVE]
