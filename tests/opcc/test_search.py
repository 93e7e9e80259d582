"""Search: one box across what each person may see. The public finds only what is published
(never a draft, an annex or an unredacted report); the office also finds its own records, but
never a complaint about themselves; filters by kind and date; bad input refused; constant
queries."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from governance.models import DecisionStatus
from opcc.roles import Role
from tests.complaints.access_rows_complaints import ComplaintFactory
from tests.governance.factories import DecisionFactory, StatutoryReportFactory

pytestmark = pytest.mark.django_db

URL = reverse("search")


def results(client, **params):
    """The results part of the page (the query itself is echoed in the box and the title)."""
    response = client.get(URL, params)
    assert response.status_code == 200, response.content.decode()[:500]
    return response.content.decode().split('aria-live="polite">', 1)[1].split("</main>", 1)[0]


def published_decision(**fields):
    return DecisionFactory(
        status=DecisionStatus.PUBLISHED,
        published_at=timezone.make_aware(datetime.datetime(2026, 6, 1, 12)),
        **fields,
    )


def test_the_public_finds_published_decisions_but_not_drafts_or_annexes():
    published_decision(title="Lighting for the riverside path")
    DecisionFactory(title="Lighting for the car park (draft)")
    published_decision(title="Grant", confidential_annex="lighting supplier bank details",
                       restriction_reason="Commercially sensitive")  # fmt: skip

    page = results(Client(), q="lighting")

    assert "Lighting for the riverside path" in page
    assert "car park" not in page
    assert "bank details" not in page and "2026/003 Grant" not in page


def test_the_office_also_finds_its_drafts(client_for):
    DecisionFactory(title="Lighting for the car park (draft)")

    assert "car park" in results(client_for(Role.STAFF), q="lighting")
    assert "car park" not in results(client_for(Role.PANEL), q="lighting")


def test_the_public_finds_only_the_redacted_version_of_a_statutory_report():
    StatutoryReportFactory(
        title="Unlawful award to Acme Ltd",
        redacted_title="Report on a proposed contract award",
        redacted_text="The proposal would have breached the procurement rules.",
        redacted_published_at=timezone.now(),
    )
    StatutoryReportFactory(title="Unpublished report on Acme Ltd")

    page = results(Client(), q="procurement")
    assert "Report on a proposed contract award" in page
    assert "Acme" not in results(Client(), q="Acme")


@pytest.mark.parametrize(
    ("role", "finds"),
    # The Deputy does not see complaints about the Commissioner either; staff only their cases.
    [(Role.CHIEF_EXECUTIVE, True), (Role.PCC, False), (Role.DEPUTY, False), (Role.STAFF, False)],
)
def test_a_complaint_is_never_found_by_the_person_it_is_about(client_for, role, finds):
    ComplaintFactory(reference="C-2026-0042", subject="pcc")
    ComplaintFactory(reference="C-2026-0043", subject="chief_constable")

    page = results(client_for(role), q="C-2026-004")

    assert ("C-2026-0042" in page) is finds
    assert ("C-2026-0043" in page) is (role != Role.STAFF)


def test_the_public_never_finds_complaints():
    ComplaintFactory(reference="C-2026-0042")

    assert "C-2026-0042" not in results(Client(), q="C-2026-0042")


def test_filters_by_kind_and_date():
    published_decision(title="Lighting grant")
    old = published_decision(title="Lighting survey")
    old.published_at = timezone.make_aware(datetime.datetime(2025, 1, 10, 12))
    old.save()

    in_2026 = results(
        Client(), q="lighting", kind="decisions",
        date_from_0="1", date_from_1="1", date_from_2="2026",
    )  # fmt: skip
    other_kind = results(Client(), q="lighting", kind="contracts")

    assert "Lighting grant" in in_2026 and "Lighting survey" not in in_2026
    assert "Lighting grant" not in other_kind


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "x" * 201}, "Search for 200 characters or fewer"),
        ({"q": "grant", "kind": "secrets"}, "Choose kinds of record from the list"),
        ({"q": "grant", "date_from_0": "31", "date_from_1": "2", "date_from_2": "2026"},
         "must be a real date"),
        ({"q": "grant", "date_from_0": "2", "date_from_1": "2", "date_from_2": "2026",
          "date_to_0": "1", "date_to_1": "2", "date_to_2": "2026"},
         "The last date must be the same as or after the first date"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_with_a_message(params, message):
    response = Client().get(URL, params)

    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_search_queries_do_not_grow(client_for, count, django_assert_max_num_queries):
    for number in range(count):
        published_decision(title=f"Lighting grant {number}")
    client = client_for(Role.CHIEF_EXECUTIVE)

    # The office searches every source it may see (a query each) besides its session's own.
    with django_assert_max_num_queries(14):
        assert client.get(URL, {"q": "lighting"}).status_code == 200
    with django_assert_max_num_queries(10):  # issue 8: the public's search, at most ten
        assert Client().get(URL, {"q": "lighting"}).status_code == 200
