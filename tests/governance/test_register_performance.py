"""The public register at scale (issue 8): a constant, small number of queries whatever the
number of decisions, deep pages found by their keys, exports streamed, and the public cache
dropped the moment a decision changes."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from governance.models import DecisionMaker, DecisionStatus
from opcc import public_cache
from opcc.roles import Role
from tests.governance.factories import DecisionFactory

pytestmark = pytest.mark.django_db

REGISTER = reverse("decision_register")


def publish_many(count: int, *, year: int = 2025, start: int = 1):
    """``count`` published decisions, the later numbers published later."""
    now = timezone.now()
    return [
        DecisionFactory(
            status=DecisionStatus.PUBLISHED,
            significant_public_interest=True,
            year=year,
            number=number,
            reference=f"{year}/{number:03d}",
            title=f"Decision number {number}",
            decision_maker=DecisionMaker.DEPUTY if number % 2 else DecisionMaker.PCC,
            signed_at=now,
            published_at=now - timezone.timedelta(minutes=10_000 - number),
        )
        for number in range(start, start + count)
    ]


def references(html: str) -> list[str]:
    return [part.split("<")[0] for part in html.split('<td class="govuk-table__cell">')[1:]][::3]


@pytest.mark.parametrize("rows", [30, 130])
@pytest.mark.parametrize(
    "params",
    [{}, {"year": "2025", "maker": "deputy"}, {"page": "3"}, {"page": "5", "sort": "oldest"}],
)
def test_register_pages_take_at_most_ten_queries_at_any_size(
    rows, params, django_assert_max_num_queries
):
    publish_many(rows)
    client = Client()

    with django_assert_max_num_queries(10):
        first = client.get(REGISTER, params)
    with django_assert_max_num_queries(1):  # the public's second look comes from the cache
        again = client.get(REGISTER, params)

    assert first.status_code == again.status_code == 200
    assert first.content == again.content


@pytest.mark.parametrize("rows", [30, 130])
def test_decision_page_and_exports_take_at_most_ten_queries(rows, django_assert_max_num_queries):
    decisions = publish_many(rows)
    client = Client()

    with django_assert_max_num_queries(10):
        page = client.get(decisions[-1].get_public_url())
    for name in ("decision_register_csv", "decision_register_json"):
        with django_assert_max_num_queries(10):
            body = client.get(reverse(name), {"year": "2025"}).content  # drained: all rows

        assert b"Decision number 1" in body
    assert page.status_code == 200


def test_a_deep_page_shows_the_same_rows_as_counting_through_the_list():
    publish_many(80)
    client = Client()

    pages = [references(client.get(REGISTER, {"page": n}).content.decode()) for n in (1, 2, 3, 4)]

    shown = [reference for page in pages for reference in page]
    assert shown == [f"2025/{number:03d}" for number in range(80, 0, -1)]
    assert [len(page) for page in pages] == [25, 25, 25, 5]


@pytest.mark.parametrize(
    ("page", "expected_first"),
    [("zz", "2025/030"), ("", "2025/030"), ("-3", "2025/005"), ("0", "2025/005"),
     ("99999999999999999999999", "2025/005"), ("2.5", "2025/030"), ("1e3", "2025/030"),
     ("\x00", "2025/030")],
)  # fmt: skip
def test_a_bad_page_number_shows_the_first_or_last_page_never_an_error(page, expected_first):
    publish_many(30)

    response = Client().get(REGISTER, {"page": page})

    assert response.status_code == 200
    assert references(response.content.decode())[0] == expected_first


def test_the_public_sees_a_newly_published_decision_at_once():
    publish_many(3)
    client = Client()
    assert "2025/004" not in client.get(REGISTER).content.decode()  # now kept in the cache

    [new] = publish_many(1, start=4)
    after_publishing = client.get(REGISTER).content.decode()
    new.status = DecisionStatus.WITHDRAWN
    new.save()
    after_withdrawing = client.get(REGISTER).content.decode()

    assert "2025/004" in after_publishing
    assert "4 decisions" in after_publishing
    assert "2025/004" not in after_withdrawing
    assert "3 decisions" in after_withdrawing


def test_a_change_moves_the_cache_on_again_when_it_commits(django_capture_on_commit_callbacks):
    before = public_cache.version()
    with django_capture_on_commit_callbacks(execute=True):
        publish_many(1)
        during = public_cache.version()

    assert before < during < public_cache.version()


def test_the_cached_register_holds_nothing_about_whoever_was_signed_in(client_for):
    publish_many(3)
    staff = client_for(Role.STAFF).get(REGISTER)
    anonymous = Client().get(REGISTER)
    staff_again = client_for(Role.STAFF).get(REGISTER)

    assert "Sign out" in staff.content.decode()
    assert "Sign out" not in anonymous.content.decode()
    assert "Sign out" in staff_again.content.decode()
    assert staff_again["Cache-Control"].startswith("max-age=0")  # signed-in pages never stored


def test_the_csv_export_streams_with_its_headers_and_keeps_formulas_inert():
    [decision] = publish_many(1)
    decision.title = '=HYPERLINK("http://evil.example")'
    decision.save()

    response = Client().get(reverse("decision_register_csv"), {"year": "2025"})

    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="decisions.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "reference", "title", "summary", "decision_maker", "signed_on", "published_on", "url",
    ]  # fmt: skip
    assert rows[1][1] == '\'=HYPERLINK("http://evil.example")'
    assert rows[1][6] == "http://testserver" + decision.get_public_url()


def test_the_json_export_streams_every_row_in_the_documented_shape():
    publish_many(30)

    response = Client().get(reverse("decision_register_json"), {"maker": "pcc"})

    assert response.streaming
    data = response.json()
    assert list(data) == ["licence", "fields", "filters", "rows"]
    assert data["filters"]["maker"] == "pcc"
    assert len(data["rows"]) == 15
    assert data["rows"][0]["decision_maker"] == "Police and Crime Commissioner"
