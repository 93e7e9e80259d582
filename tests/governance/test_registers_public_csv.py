"""The public registers' CSV files: their documented columns (never an email), the page's
filters and the financial year carried into the file, the split at £10,000 for contracts, and
cells that a spreadsheet can never read as formulas."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from opcc.csv_export import cell
from opcc.roles import Role
from tests.governance.factories import GiftOfferFactory, InterestEntryFactory
from tests.governance.registers_helpers import public

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_23_november_2026")]


def rows_of(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return list(csv.reader(io.StringIO(response.content.decode())))


# --- Register of interests -------------------------------------------------------------------


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
