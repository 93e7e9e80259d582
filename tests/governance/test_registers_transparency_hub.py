"""The registers on the public transparency hub: each register listed as published with a link
to its page and the date it was last updated (none while it is empty), a later correction moving
that date, and each date costing one query."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from governance.services import registers as services
from opcc.registry import transparency_sources
from opcc.roles import Role
from opcc.transparency import hub_rows
from tests.governance.factories import ContractFactory, GiftOfferFactory, InterestEntryFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_23_november_2026")]


CATEGORY_PAGES = {
    "registers-of-interests": "registers_interests",
    "gifts-and-hospitality": "registers_gifts",
    "contracts": "registers_contracts",
    "other-contracts": "registers_other_contracts",
}


def test_the_hub_shows_the_registers_as_published_with_their_last_update(people):
    services.record_interest(
        people[Role.STAFF],
        person=people[Role.PCC],
        category="memberships",
        description="Trustee",
        registered_on=datetime.date(2026, 5, 1),
    )
    GiftOfferFactory(recipient=people[Role.PCC])
    ContractFactory(value=Decimal("10000.01"))
    ContractFactory(value=Decimal("10000.00"))

    rows = {row.category.key: row for row in hub_rows()}
    page = Client().get(reverse("transparency")).content.decode()

    for key, url_name in CATEGORY_PAGES.items():
        assert rows[key].url == reverse(url_name)
        assert rows[key].last_updated == datetime.date(2026, 11, 23)
        assert not rows[key].is_overdue
        assert f'href="{reverse(url_name)}"' in page
    assert "23 November 2026" in page


def test_an_empty_register_links_its_page_without_a_date():
    rows = {row.category.key: row for row in hub_rows()}

    for key, url_name in CATEGORY_PAGES.items():
        assert rows[key].url == reverse(url_name)
        assert rows[key].last_updated is None
        assert not rows[key].is_published  # "Nothing published yet" until the first entry


def test_a_later_correction_moves_the_last_updated_date(people, time_machine):
    offer = GiftOfferFactory(recipient=people[Role.PCC])
    time_machine.move_to(datetime.datetime(2027, 1, 10, 12, 0, tzinfo=datetime.UTC), tick=False)

    services.update_gift_offer(people[Role.STAFF], offer, reason="Corrected")

    assert transparency_sources.get("gifts-and-hospitality").last_updated() == datetime.date(
        2027, 1, 10
    )


@pytest.mark.parametrize(
    "category",
    ["registers-of-interests", "gifts-and-hospitality", "contracts", "other-contracts"],
)
def test_each_last_updated_date_is_one_query(django_assert_num_queries, people, category):
    InterestEntryFactory(person=people[Role.PCC])
    GiftOfferFactory(recipient=people[Role.PCC])
    ContractFactory()

    with django_assert_num_queries(1):
        transparency_sources.get(category).last_updated()
