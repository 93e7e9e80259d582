"""The Commissioner and Officer Protocol on the dashboard: the panel asking someone who has not
signed the current version to sign it, the Chief Executive's count of those who have not, nobody
outside the office being asked, no panel without a current version, and the panels' cost."""

import pytest
from django.urls import reverse

from governance.services.protocol import sign_protocol
from governance.wiring_protocol import sign_panel, signatures_panel
from opcc.roles import Role
from tests.governance.factories import ProtocolVersionFactory
from tests.governance.protocol_helpers import days_ago

pytestmark = pytest.mark.django_db


def test_dashboard_asks_someone_who_has_not_signed_to_sign(people, current, client_for):
    client = client_for(Role.DEPUTY)
    sign_link = reverse("governance:protocol_sign", args=[current.pk])

    before = client.get(reverse("dashboard")).content.decode()
    sign_protocol(people[Role.DEPUTY], current)
    after = client.get(reverse("dashboard")).content.decode()

    assert "Sign the Commissioner and Officer Protocol" in before
    assert sign_link in before
    assert sign_link not in after


@pytest.mark.parametrize("role", [Role.PANEL, Role.VISITOR])
def test_dashboard_asks_nobody_outside_the_office_to_sign(role, people, current):
    assert sign_panel(people[role]) is None
    assert signatures_panel(people[role]) is None


def test_chief_executive_panel_counts_those_who_have_not_signed(people, current):
    for role in (Role.PCC, Role.DEPUTY):
        sign_protocol(people[role], current)

    assert signatures_panel(people[Role.CHIEF_EXECUTIVE]) == {"version": current, "outstanding": 3}
    assert signatures_panel(people[Role.STAFF]) is None

    for role in (Role.CHIEF_EXECUTIVE, Role.CFO, Role.STAFF):
        sign_protocol(people[role], current)
    assert signatures_panel(people[Role.CHIEF_EXECUTIVE]) is None


def test_chief_executive_dashboard_links_to_who_has_not_signed(people, current, client_for):
    content = client_for(Role.CHIEF_EXECUTIVE).get(reverse("dashboard")).content.decode()

    assert "5 people have not signed the declaration of version 2.0" in content
    assert reverse("governance:protocol_signatures") in content


def test_no_panel_without_a_current_version(people):
    ProtocolVersionFactory(approved_on=days_ago(-5))

    assert sign_panel(people[Role.STAFF]) is None
    assert signatures_panel(people[Role.CHIEF_EXECUTIVE]) is None


def test_panels_are_cheap(people, current, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        sign_panel(people[Role.STAFF])
    with django_assert_max_num_queries(2):
        signatures_panel(people[Role.CHIEF_EXECUTIVE])
