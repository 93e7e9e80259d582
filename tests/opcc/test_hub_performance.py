"""The transparency hub at scale (issue 8): its last-updated dates are public facts kept in the
public cache, so a look at the hub costs no query until something changes, and a change shows
at once."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from opcc.registry import transparency_sources
from opcc.roles import Role
from tests.opcc.test_transparency_publications import published

pytestmark = pytest.mark.django_db

HUB = reverse("transparency")


@pytest.mark.parametrize("rows", [2, 40])
def test_the_hub_is_two_queries_once_then_none(
    people, client_for, rows, django_assert_max_num_queries
):
    for number in range(rows):
        published(people, title=f"Month {number}", day=datetime.date(2026, 1, 1 + number % 28))
    assert len(transparency_sources.entries) > 10
    staff = client_for(Role.STAFF)

    # The first look after a change reads every app's latest change in one query, and what
    # was published by hand in another; the rest ask nobody.
    with django_assert_max_num_queries(2):
        assert Client().get(HUB).status_code == 200
    with django_assert_max_num_queries(0):
        assert Client().get(HUB).status_code == 200
    with django_assert_max_num_queries(10):  # signed in: the session, the user, permissions
        assert staff.get(HUB).status_code == 200


def test_a_document_published_by_hand_shows_on_the_hub_at_once(people):
    published(people, category="spending", day=datetime.date(2026, 1, 31))
    assert "31 January 2026" in Client().get(HUB).content.decode()  # now kept in the cache

    published(people, category="spending", day=datetime.date(2026, 2, 27))

    assert "27 February 2026" in Client().get(HUB).content.decode()
