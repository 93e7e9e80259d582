"""The registers' staff lists and record pages: filtering by person, category, year and value
band, a bad filter value, who sees the buttons to change an entry, records that are not found,
the landing page's links by role, and list queries that do not grow with the register."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.context_processors import PermWrapper
from django.template.loader import render_to_string
from django.urls import reverse

from opcc.roles import Role
from tests.governance.factories import ContractFactory, GiftOfferFactory, InterestEntryFactory

pytestmark = pytest.mark.django_db


# --- Lists and record pages ------------------------------------------------------------------


def test_lists_filter_by_person_category_year_and_value_band(people, client_for):
    InterestEntryFactory(person=people[Role.PCC], description="Trustee of the youth trust")
    InterestEntryFactory(
        person=people[Role.CFO], category="securities", description="Shares in a bank"
    )
    GiftOfferFactory(offered_on=datetime.date(2026, 3, 31), description="Old dinner")
    GiftOfferFactory(offered_on=datetime.date(2026, 4, 1), description="New lunch")
    ContractFactory(title="Big contract", value=Decimal("10000.01"))
    ContractFactory(title="Small contract", value=Decimal("10000.00"))
    client = client_for(Role.PCC)

    page = client.get(reverse("governance:interests"), {"person": people[Role.CFO].pk})
    assert "Shares in a bank" in page.content.decode()
    assert "youth trust" not in page.content.decode()
    page = client.get(reverse("governance:interests"), {"category": "memberships"})
    assert "youth trust" in page.content.decode()
    assert "Shares in a bank" not in page.content.decode()
    page = client.get(reverse("governance:gift_offers"), {"year": "2025"}).content.decode()
    assert "Old dinner" in page and "New lunch" not in page
    page = client.get(reverse("governance:contracts"), {"band": "other"}).content.decode()
    assert "Small contract" in page and "Big contract" not in page
    page = client.get(reverse("governance:contracts"), {"band": "over"}).content.decode()
    assert "Big contract" in page and "Small contract" not in page


def test_a_bad_filter_value_is_explained_not_an_error_page(client_for):
    response = client_for(Role.STAFF).get(reverse("governance:gift_offers"), {"year": "1066"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_only_register_keepers_see_the_buttons_to_change(people, client_for):
    entry = InterestEntryFactory(person=people[Role.PCC])
    url = reverse("governance:interest", args=[entry.pk])

    assert "Correct this entry" in client_for(Role.STAFF).get(url).content.decode()
    assert "Correct this entry" not in client_for(Role.PCC).get(url).content.decode()


def test_a_record_of_another_kind_or_unknown_id_is_404(client_for):
    client = client_for(Role.STAFF)

    assert client.get(reverse("governance:interest", args=[999])).status_code == 404
    assert client.get(reverse("governance:gift_offer_change", args=[999])).status_code == 404


def test_a_contract_without_a_document_has_nothing_to_download(client_for):
    contract = ContractFactory()

    response = client_for(Role.STAFF).get(
        reverse("governance:contract_document", args=[contract.code])
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "links"),
    [
        (Role.STAFF, ["Register of interests", "Record an interest", "Record a contract"]),
        (Role.CFO, ["Register of interests", "Contracts", "Record a contract"]),
        (Role.PANEL, []),
    ],
)
def test_the_landing_page_links_follow_the_role(people, role, links):
    user = people[role]
    html = render_to_string(
        "governance/registers/_landing_links.html", {"user": user, "perms": PermWrapper(user)}
    )

    for link in links:
        assert f">{link}</a>" in html
    if role == Role.CFO:
        assert "Record an interest" not in html
    if not links:
        assert "<a" not in html


# --- Query counts ----------------------------------------------------------------------------


def make_rows(people, count):
    for n in range(count):
        InterestEntryFactory(person=people[Role.PCC if n % 2 else Role.CFO])
        GiftOfferFactory(recipient=people[Role.DEPUTY if n % 2 else Role.PCC])
        ContractFactory(value=Decimal("500.00") if n % 2 else Decimal("50000.00"))


@pytest.mark.parametrize("count", [3, 40])
@pytest.mark.parametrize("name", ["interests", "gift_offers", "contracts"])
def test_staff_list_queries_do_not_grow_with_the_register(
    people, client_for, django_assert_max_num_queries, count, name
):
    make_rows(people, count)
    client = client_for(Role.STAFF)

    with django_assert_max_num_queries(12):
        response = client.get(reverse(f"governance:{name}"))

    assert response.status_code == 200
