"""Ending and correcting register entries through the pages: the end form's answers to a bad
date and a good one, the correction forms explaining bad input and saving nothing, and a
correction carrying the record's version so that a stale save is refused."""

import datetime

import pytest
from django.urls import reverse

from governance.models import Contract, GiftOffer, InterestEntry
from governance.services import registers as services
from opcc.roles import Role
from tests.governance.factories import ContractFactory, GiftOfferFactory, InterestEntryFactory
from tests.governance.registers_helpers import date_parts, errors_of, interest_post

pytestmark = pytest.mark.django_db


def test_the_end_form_explains_a_bad_date_and_keeps_the_interest_current(people, client_for):
    entry = InterestEntryFactory(person=people[Role.PCC], registered_on=datetime.date(2026, 5, 1))
    url = reverse("governance:interest_end", args=[entry.pk])

    for parts, message in (
        ((30, 4, 2026), "must be the same as or after the date it was registered, 1 May 2026"),
        ((30, 2, 2026), "The date the interest ended must be a real date"),
        (("", "", ""), "Enter the date the interest ended"),
    ):
        response = client_for(Role.STAFF).post(url, date_parts("ended_on", *parts))
        assert message in errors_of(response)

    entry.refresh_from_db()
    assert entry.ended_on is None


def test_ending_an_interest_through_the_page(people, client_for):
    entry = InterestEntryFactory(person=people[Role.PCC], registered_on=datetime.date(2026, 5, 1))
    client = client_for(Role.CHIEF_EXECUTIVE)

    response = client.post(
        reverse("governance:interest_end", args=[entry.pk]), date_parts("ended_on", 1, 6, 2026)
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.ended_on == datetime.date(2026, 6, 1)
    page = client.get(reverse("governance:interest", args=[entry.pk])).content.decode()
    assert "1 June 2026" in page
    assert "End this interest" not in page


def test_the_correction_forms_explain_bad_input_and_save_nothing(people, client_for):
    entry = InterestEntryFactory(person=people[Role.PCC])
    offer = GiftOfferFactory(recipient=people[Role.PCC])
    contract = ContractFactory()
    client = client_for(Role.STAFF)

    cases = (
        (reverse("governance:interest_change", args=[entry.pk]), {"description": ""}),
        (reverse("governance:gift_offer_change", args=[offer.pk]), {"estimated_value": "x"}),
        (reverse("governance:contract_change", args=[contract.code]), {"supplier": ""}),
    )
    for url, answers in cases:
        errors_of(client.post(url, answers))

    assert InterestEntry.objects.get().history.count() == 1
    assert GiftOffer.objects.get().history.count() == 1
    assert Contract.objects.get().history.count() == 1


def test_a_correction_form_carries_the_version_and_refuses_a_stale_save(people, client_for):
    entry = InterestEntryFactory(person=people[Role.PCC])
    url = reverse("governance:interest_change", args=[entry.pk])
    version = services.version_of(entry)
    assert f'value="{version}"' in client_for(Role.STAFF).get(url).content.decode()
    services.update_interest(people[Role.CHIEF_EXECUTIVE], entry, description="Changed first")

    response = client_for(Role.STAFF).post(
        url, interest_post(people[Role.PCC], description="Changed second", version=version)
    )

    assert "Someone else changed this record after you opened it" in errors_of(response)
    entry.refresh_from_db()
    assert entry.description == "Changed first"


def test_a_correction_saves_with_the_current_version(people, client_for):
    entry = InterestEntryFactory(person=people[Role.PCC])

    response = client_for(Role.STAFF).post(
        reverse("governance:interest_change", args=[entry.pk]),
        interest_post(people[Role.PCC], description="Chair", version=services.version_of(entry)),
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.description == "Chair"
