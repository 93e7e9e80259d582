"""The registers' add forms answering bad input: each missing answer of an interest listed, bad
dates explained, an interest of a panel member refused, and a gift offer's or contract's bad
values explained next to the field — with nothing saved."""

import pytest
from django.urls import reverse

from governance.models import Contract, GiftOffer, InterestEntry
from opcc.roles import Role
from tests.governance.registers_helpers import (
    contract_post,
    date_parts,
    errors_of,
    gift_post,
    interest_post,
)

pytestmark = pytest.mark.django_db


# --- Bad input: a clear error next to the field, nothing saved -------------------------------


def test_an_empty_interest_form_lists_each_missing_answer(client_for):
    page = errors_of(client_for(Role.STAFF).post(reverse("governance:interest_add"), {}))

    for message in (
        "Choose whose interest it is",
        "Choose the category of the interest",
        "Describe the interest",
        "Enter the date the interest was registered",
    ):
        assert message in page
    assert 'href="#id_registered_on_0"' in page  # the summary leads to the day box
    assert not InterestEntry.objects.exists()


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ((31, 2, 2026), "The date the interest was registered must be a real date"),
        (("x", 2, 2026), "The date the interest was registered must be a real date"),
        (("", 2, 2026), "The date the interest was registered must include a day"),
        ((1, 2, 26), "Year must include 4 numbers"),
        ((1, 1, 2099), "The date the interest was registered must be today or earlier"),
    ],
)
def test_a_bad_date_is_explained(people, client_for, parts, message):
    response = client_for(Role.STAFF).post(
        reverse("governance:interest_add"),
        interest_post(people[Role.PCC], **date_parts("registered_on", *parts)),
    )

    assert message in errors_of(response)
    assert not InterestEntry.objects.exists()


def test_an_interest_of_a_panel_member_is_refused(people, client_for):
    response = client_for(Role.STAFF).post(
        reverse("governance:interest_add"), interest_post(people[Role.PANEL])
    )

    assert "Choose the Commissioner, the Deputy or a senior member of staff" in errors_of(response)
    assert not InterestEntry.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"estimated_value": "forty pounds"}, "Enter the estimated value as an amount in pounds"),
        ({"estimated_value": "-5"}, "The estimated value must be £0 or more"),
        ({"estimated_value": "45.123"}, "Enter the estimated value to the nearest penny"),
        ({"accepted": ""}, "Select whether the offer was accepted or declined"),
        ({"reason": ""}, "Enter why the offer was accepted or declined"),
        ({"offered_by": ""}, "Enter who offered it"),
        ({"recipient": ""}, "Choose who was offered it"),
        (
            {"offered_on_0": "", "offered_on_1": "", "offered_on_2": ""},
            "Enter the date of the offer",
        ),
    ],
)
def test_a_gift_offer_with_bad_input_is_explained(people, client_for, overrides, message):
    response = client_for(Role.STAFF).post(
        reverse("governance:gift_offer_add"), gift_post(people[Role.PCC], **overrides)
    )

    assert message in errors_of(response)
    assert not GiftOffer.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (date_parts("ends_on", 31, 3, 2026), "The end date must be the same as or after the start"),
        ({"value": "0"}, "The value must be more than £0"),
        ({"value": "lots"}, "Enter the total value as an amount in pounds"),
        ({"title": ""}, "Enter the title of the contract"),
        ({"procurement_route": ""}, "Choose how the contract was procured"),
    ],
)
def test_a_contract_with_bad_input_is_explained(client_for, overrides, message):
    response = client_for(Role.CFO).post(
        reverse("governance:contract_add"), contract_post(**overrides)
    )

    assert message in errors_of(response)
    assert not Contract.objects.exists()
