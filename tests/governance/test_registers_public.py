"""The public registers: what they show (and what they never show), their CSV files, the
financial-year and £10,000 edges, the transparency hub, and the demo data."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from governance import wiring_registers
from governance.models import Contract, GiftOffer, InterestEntry
from governance.seed_registers import BENCHMARK_REASON, seed_registers
from governance.services import registers as services
from governance.uploads import check_document
from opcc.csv_export import cell
from opcc.roles import Role
from opcc.seed import seed_people
from opcc.transparency import hub_rows
from tests.governance.factories import ContractFactory, GiftOfferFactory, InterestEntryFactory

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.7 a contract"


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC), tick=False)


def public(name, **params):
    return Client().get(reverse(name), params)


def rows_of(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return list(csv.reader(io.StringIO(response.content.decode())))


def with_document(contract):
    contract.document.save(f"{contract.code}.pdf", ContentFile(PDF_BYTES))
    return contract


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


def test_interests_csv_has_documented_columns_and_no_email(people):
    InterestEntryFactory(person=people[Role.DEPUTY], description="Magistrate")

    rows = rows_of(public("registers_interests_csv"))

    assert rows[0] == [
        "person_name",
        "person_role",
        "category",
        "description",
        "registered_on",
        "ended_on",
    ]
    assert rows[1] == [
        people[Role.DEPUTY].full_name,
        "Deputy Police and Crime Commissioner",
        "Memberships of organisations",
        "Magistrate",
        "2026-05-01",
        "",
    ]
    assert "@" not in public("registers_interests_csv").content.decode()
    for column in rows[0]:
        assert f"<code>{column}</code>" in public("registers_interests").content.decode()


def test_interests_csv_takes_the_pages_filters(people):
    InterestEntryFactory(person=people[Role.PCC], description="Kept")
    InterestEntryFactory(person=people[Role.CFO], description="Filtered out")

    rows = rows_of(public("registers_interests_csv", person=people[Role.PCC].pk))

    assert [row[3] for row in rows[1:]] == ["Kept"]


# --- Gifts and hospitality by financial year -------------------------------------------------


@pytest.fixture
def year_edges(people):
    for day, description in (
        (datetime.date(2025, 4, 1), "First day of 2025 to 2026"),
        (datetime.date(2026, 3, 31), "Last day of 2025 to 2026"),
        (datetime.date(2026, 4, 1), "First day of 2026 to 2027"),
    ):
        GiftOfferFactory(recipient=people[Role.PCC], offered_on=day, description=description)


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


def test_gifts_csv_is_one_financial_year_with_its_columns(year_edges):
    rows = rows_of(public("registers_gifts_csv", year=2025))

    assert rows[0] == [
        "offered_on",
        "financial_year",
        "recipient_name",
        "recipient_role",
        "offered_by",
        "description",
        "estimated_value",
        "outcome",
        "reason",
    ]
    assert [row[0] for row in rows[1:]] == ["2026-03-31", "2025-04-01"]
    assert {row[1] for row in rows[1:]} == {"2025 to 2026"}
    assert rows[1][6] == "45.00" and rows[1][7] == "accepted"


def test_csv_cells_cannot_be_read_as_formulas(people):
    GiftOfferFactory(
        recipient=people[Role.PCC],
        offered_by='=HYPERLINK("http://evil.example","click")',
        description="+SUM(1,2)",
        reason="@cmd|' /C calc'!A0",
        offered_on=datetime.date(2026, 5, 1),
    )
    GiftOfferFactory(
        recipient=people[Role.PCC], offered_by="-2+3", offered_on=datetime.date(2026, 5, 2)
    )

    rows = rows_of(public("registers_gifts_csv"))

    by_date = {row[0]: row for row in rows[1:]}
    assert by_date["2026-05-01"][4] == '\'=HYPERLINK("http://evil.example","click")'
    assert by_date["2026-05-01"][5] == "'+SUM(1,2)"
    assert by_date["2026-05-01"][8] == "'@cmd|' /C calc'!A0"
    assert by_date["2026-05-02"][4] == "'-2+3"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+44 1234", "'+44 1234"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("Plain text", "Plain text"),
        ("a=b", "a=b"),
        (Decimal("-5.5"), "-5.50"),  # a number is never a formula
        (datetime.date(2026, 3, 31), "2026-03-31"),
        (None, ""),
        (True, "yes"),
    ],
)
def test_the_csv_helper_makes_formulas_inert(value, written):
    assert cell(value) == written


# --- Contracts and the £10,000 threshold -----------------------------------------------------


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


def test_exactly_10000_is_on_the_other_list_and_a_penny_more_is_listed_in_full(threshold_edges):
    full = public("registers_contracts").content.decode()
    other = public("registers_other_contracts").content.decode()

    assert "A penny over ten thousand" in full and "Exactly ten thousand" not in full
    assert "Exactly ten thousand" in other and "A penny over ten thousand" not in other
    assert "£10,000.01" in full and "£10,000.00" in other


def test_the_csv_files_split_at_the_threshold_too(threshold_edges):
    full = rows_of(public("registers_contracts_csv"))
    other = rows_of(public("registers_other_contracts_csv"))

    assert full[0] == [
        "title",
        "supplier",
        "value",
        "starts_on",
        "ends_on",
        "procurement_route",
        "document_url",
    ]
    assert [row[0] for row in full[1:]] == ["A penny over ten thousand"]
    code = threshold_edges["just_over"].code
    assert full[1][2] == "10000.01"
    assert full[1][6] == f"http://testserver{reverse('registers_contract_document', args=[code])}"
    assert other[0] == ["title", "supplier", "value", "starts_on", "ends_on", "procurement_route"]
    assert [row[0] for row in other[1:]] == ["Exactly ten thousand"]


def test_the_public_downloads_only_documents_of_contracts_over_10000(threshold_edges):
    over = threshold_edges["just_over"]
    at = threshold_edges["exactly"]

    response = Client().get(reverse("registers_contract_document", args=[over.code]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
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


# --- Transparency hub ------------------------------------------------------------------------

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


def test_an_empty_register_is_published_without_a_date():
    rows = {row.category.key: row for row in hub_rows()}

    for key in CATEGORY_PAGES:
        assert rows[key].is_published
        assert rows[key].last_updated is None


def test_a_later_correction_moves_the_last_updated_date(people, time_machine):
    offer = GiftOfferFactory(recipient=people[Role.PCC])
    time_machine.move_to(datetime.datetime(2027, 1, 10, 12, 0, tzinfo=datetime.UTC), tick=False)

    services.update_gift_offer(people[Role.STAFF], offer, reason="Corrected")

    assert wiring_registers.gift_offers_last_updated() == datetime.date(2027, 1, 10)


@pytest.mark.parametrize(
    "last_updated",
    [
        wiring_registers.interests_last_updated,
        wiring_registers.gift_offers_last_updated,
        wiring_registers.contracts_last_updated,
        wiring_registers.other_contracts_last_updated,
    ],
)
def test_each_last_updated_date_is_one_query(django_assert_num_queries, people, last_updated):
    InterestEntryFactory(person=people[Role.PCC])
    GiftOfferFactory(recipient=people[Role.PCC])
    ContractFactory()

    with django_assert_num_queries(1):
        last_updated()


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


# --- Demo data -------------------------------------------------------------------------------


def test_demo_registers_are_loaded_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        seed_people(0, lambda line: None)
    seed_registers(0, lambda line: None)
    counts = (InterestEntry.objects.count(), GiftOffer.objects.count(), Contract.objects.count())

    seed_registers(0, lambda line: None)

    assert counts == (
        InterestEntry.objects.count(),
        GiftOffer.objects.count(),
        Contract.objects.count(),
    )
    assert all(counts)
    assert InterestEntry.objects.filter(ended_on__isnull=False).exists()
    assert Contract.objects.filter(value=Decimal("10000.00")).exists()
    with_document_over = Contract.objects.filter(value__gt=10000).exclude(document="")
    assert with_document_over.exists()
    for contract in with_document_over:
        with contract.document.open("rb") as document:
            content_type = check_document(document, max_bytes=settings.UPLOAD_MAX_BYTES)
            assert content_type == "application/pdf"


def test_demo_scale_bulk_creates_gift_offers_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        seed_people(0, lambda line: None)

    seed_registers(120, lambda line: None)
    seed_registers(120, lambda line: None)

    assert GiftOffer.objects.filter(reason=BENCHMARK_REASON).count() == 120


def test_demo_registers_are_skipped_without_the_demo_people():
    lines = []

    seed_registers(10, lines.append)

    assert not GiftOffer.objects.exists()
    assert "skipped" in lines[0]
