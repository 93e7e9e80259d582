"""The public register pages: what the register of interests, gifts and hospitality and the
contracts lists show (and never show: emails, the office's pages, where files are stored), the
financial year the gifts page shows, the £10,000 line between the two contracts lists, the
public contract documents, and list queries that do not grow with the registers."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from opcc.roles import Role
from tests.governance.factories import ContractFactory, GiftOfferFactory, InterestEntryFactory
from tests.governance.registers_helpers import CONTRACT_PDF_BYTES, public, with_document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_23_november_2026")]


# --- Register of interests -------------------------------------------------------------------


def test_public_interests_show_name_role_and_dates_but_never_the_email(people):
    InterestEntryFactory(person=people[Role.PCC], description="Trustee of a youth charity")
    InterestEntryFactory(
        person=people[Role.CFO],
        description="Councillor",
        category="employment",
        ended_on=datetime.date(2026, 6, 1),
    )

    page = public("registers_interests").content.decode()

    assert people[Role.PCC].full_name in page
    assert "Police and Crime Commissioner" in page
    assert "Trustee of a youth charity" in page
    assert "1 May 2026" in page and "1 June 2026" in page
    assert "@opcc.example" not in page
    assert "/governance/" not in page  # no way into the office's pages


# --- Gifts and hospitality by financial year -------------------------------------------------


def test_gifts_page_shows_the_current_financial_year_by_default(year_edges):
    page = public("registers_gifts").content.decode()

    assert "Financial year 2026 to 2027" in page
    assert "First day of 2026 to 2027" in page
    assert "Last day of 2025 to 2026" not in page
    assert f'href="{reverse("registers_gifts")}?year=2025"' in page  # a link to the other year


def test_31_march_belongs_to_the_year_before_1_april(year_edges):
    page = public("registers_gifts", year=2025).content.decode()

    assert "First day of 2025 to 2026" in page
    assert "Last day of 2025 to 2026" in page
    assert "First day of 2026 to 2027" not in page


@pytest.mark.parametrize(
    ("moment", "year_label"),
    [
        (datetime.datetime(2027, 3, 31, 12, 0, tzinfo=datetime.UTC), "2026 to 2027"),
        (datetime.datetime(2027, 4, 1, 12, 0, tzinfo=datetime.UTC), "2027 to 2028"),
    ],
)
def test_the_current_year_turns_on_1_april(time_machine, moment, year_label):
    time_machine.move_to(moment, tick=False)

    assert f"Financial year {year_label}" in public("registers_gifts").content.decode()


@pytest.mark.parametrize("year", ["nonsense", "1999", "3000"])
def test_a_bad_year_shows_the_current_one(year):
    response = public("registers_gifts", year=year)

    assert response.status_code == 200
    assert "Financial year 2026 to 2027" in response.content.decode()


def test_gifts_page_shows_accepted_and_declined_offers_without_emails(people):
    GiftOfferFactory(recipient=people[Role.DEPUTY], accepted=True, description="Lunch")
    GiftOfferFactory(
        recipient=people[Role.PCC], accepted=False, description="Match tickets", reason="Bidder"
    )

    page = public("registers_gifts").content.decode()

    assert "Lunch" in page and "Match tickets" in page
    assert "Accepted" in page and "Declined" in page
    assert "Deputy Police and Crime Commissioner" in page
    assert "@opcc.example" not in page


# --- Contracts and the £10,000 threshold -----------------------------------------------------


def test_exactly_10000_is_on_the_other_list_and_a_penny_more_is_listed_in_full(threshold_edges):
    full = public("registers_contracts").content.decode()
    other = public("registers_other_contracts").content.decode()

    assert "A penny over ten thousand" in full and "Exactly ten thousand" not in full
    assert "Exactly ten thousand" in other and "A penny over ten thousand" not in other
    assert "£10,000.01" in full and "£10,000.00" in other


def test_the_public_downloads_only_documents_of_contracts_over_10000(threshold_edges):
    over = threshold_edges["just_over"]
    at = threshold_edges["exactly"]

    response = Client().get(reverse("registers_contract_document", args=[over.code]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTRACT_PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")

    assert Client().get(reverse("registers_contract_document", args=[at.code])).status_code == 404
    page = public("registers_other_contracts").content.decode()
    assert str(at.code) not in page and "/document/" not in page


def test_a_contract_over_10000_without_a_document_has_no_download(people):
    contract = ContractFactory(value=Decimal("50000"))

    page = public("registers_contracts").content.decode()

    assert "Not yet published" in page
    assert (
        Client().get(reverse("registers_contract_document", args=[contract.code])).status_code
        == 404
    )


def test_public_contract_pages_never_show_where_files_are_stored(threshold_edges):
    page = public("registers_contracts").content.decode()

    assert "contracts/2026/" not in page
    assert threshold_edges["just_over"].document.name not in page


# --- Query counts ----------------------------------------------------------------------------


@pytest.mark.parametrize("count", [3, 40])
@pytest.mark.parametrize(
    "name",
    [
        "registers_interests",
        "registers_gifts",
        "registers_contracts",
        "registers_other_contracts",
        "registers_interests_csv",
        "registers_gifts_csv",
        "registers_contracts_csv",
        "registers_other_contracts_csv",
    ],
)
def test_public_list_queries_do_not_grow_with_the_register(
    people, django_assert_max_num_queries, count, name
):
    for n in range(count):
        InterestEntryFactory(person=people[Role.PCC if n % 2 else Role.CFO])
        GiftOfferFactory(recipient=people[Role.DEPUTY if n % 2 else Role.PCC])
        with_document(ContractFactory(value=Decimal("500.00") if n % 2 else Decimal("50000.00")))

    with django_assert_max_num_queries(3):
        response = Client().get(reverse(name))

    assert response.status_code == 200
