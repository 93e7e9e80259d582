import json

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from governance.models import DecisionMaker, DecisionStatus, SupportingDocument
from governance.services import decisions as services
from opcc.documents import generate_document
from opcc.models import GeneratedDocument
from opcc.roles import Role
from tests.governance.factories import DecisionFactory

pytestmark = pytest.mark.django_db

SECRET = "Bidder prices: Acme Ltd £412,000"


def published(**fields):
    return DecisionFactory(
        status=DecisionStatus.PUBLISHED,
        significant_public_interest=True,
        signed_at=timezone.now(),
        published_at=timezone.now(),
        declared_interests="None",
        **fields,
    )


@pytest.fixture
def confidential(people):
    decision = published(
        title="Victim services contract award",
        confidential_annex=SECRET,
        restriction_reason="Commercially sensitive (FOIA s.43)",
    )
    SupportingDocument.objects.create(
        decision=decision, title="Tender evaluation scores", file="decisions/x.pdf",
        mimetype="application/pdf", size=10, uploaded_by=people[Role.STAFF], is_public=False,
        restriction_reason="Commercial scoring withheld (FOIA s.43)",
    )  # fmt: skip
    SupportingDocument.objects.create(
        decision=decision, title="Service specification", file="decisions/y.pdf",
        mimetype="application/pdf", size=10, uploaded_by=people[Role.STAFF], is_public=True,
    )  # fmt: skip
    return decision


def test_the_confidential_annex_is_never_public(confidential, client, people):
    pages = [
        client.get(reverse("decision_register")),
        client.get(confidential.get_public_url()),
        client.get(reverse("decision_register_csv")),
        client.get(reverse("decision_register_json")),
        client.get(reverse("decision_feed")),
    ]
    for response in pages:
        assert response.status_code == 200
        body = response.content.decode()
        assert SECRET not in body and "Tender evaluation scores" not in body

    detail = pages[1].content.decode()
    assert "Information withheld: confidential annex" in detail
    assert "Commercially sensitive (FOIA s.43)" in detail
    assert "Information withheld: a supporting document." in detail
    assert "Commercial scoring withheld (FOIA s.43)" in detail
    assert "Service specification" in detail

    notice = services.request_decision_notice(people[Role.STAFF], confidential)
    generate_document(notice.pk)
    notice.refresh_from_db()
    with notice.file.open("rb") as pdf:
        text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Victim services contract award" in text
    assert "Bidder prices" not in text
    assert "Commercially sensitive" in text
    assert "Commercial scoring withheld" in text and "Tender evaluation scores" not in text
    assert "Service specification" in text


def test_only_published_decisions_are_public(client, people):
    draft = DecisionFactory(title="A draft nobody may see")
    signed = DecisionFactory(title="Signed, not yet published", status=DecisionStatus.SIGNED)
    register = client.get(reverse("decision_register")).content.decode()
    assert "A draft nobody may see" not in register and "Signed, not yet" not in register
    for decision in (draft, signed):
        assert (
            client.get(
                reverse("decision_public", args=[decision.year, decision.number])
            ).status_code
            == 404
        )


def test_register_searches_filters_and_sorts(client):
    published(title="Grants to partnerships", year=2025, number=7, reference="2025/007")
    published(
        title="Drone unit", summary="Expansion of partnerships' drones", year=2026, number=3,
        reference="2026/003", decision_maker=DecisionMaker.DEPUTY,
    )  # fmt: skip
    published(
        title="Estates strategy",
        summary="Sale of a station.",
        year=2026,
        number=4,
        reference="2026/004",
    )

    def titles(**params):
        page = client.get(reverse("decision_register"), params).content.decode()
        return [
            t for t in ("Grants to partnerships", "Drone unit", "Estates strategy") if t in page
        ]

    assert titles(q="partnership") == ["Grants to partnerships", "Drone unit"]
    assert titles(year="2026") == ["Drone unit", "Estates strategy"]
    assert titles(maker="deputy") == ["Drone unit"]
    assert titles(year="nonsense", maker="<b>", sort="drop table") == [
        "Grants to partnerships", "Drone unit", "Estates strategy",
    ]  # fmt: skip


def test_exports_have_stable_documented_fields(client):
    published(title='Grants =HYPERLINK("x")', year=2026, number=9, reference="2026/009")

    rows = client.get(reverse("decision_register_csv")).content.decode().splitlines()
    data = client.get(reverse("decision_register_json")).json()

    assert rows[0] == "reference,title,summary,decision_maker,signed_on,published_on,url"
    assert data["fields"] == rows[0].split(",")
    assert data["rows"][0]["reference"] == "2026/009"
    assert data["licence"] == "Open Government Licence v3.0"
    assert json.dumps(data)  # plain JSON, nothing else


def test_feed_is_atom_and_lists_published_decisions(client):
    published(title="Grants to partnerships")
    response = client.get(reverse("decision_feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Grants to partnerships" in response.content.decode()


@pytest.mark.parametrize("rows", [3, 60])
def test_register_queries_do_not_grow_with_rows(rows, client, django_assert_max_num_queries):
    for n in range(rows):
        published(year=2026, number=100 + n, reference=f"2026/{100 + n}")
    with django_assert_max_num_queries(6):
        response = client.get(reverse("decision_register"), {"q": "grant", "sort": "oldest"})
    assert response.status_code == 200


def test_public_documents_only_of_published_decisions(confidential, client):
    public, private = (
        confidential.documents.get(is_public=True),
        confidential.documents.get(is_public=False),
    )
    assert client.get(reverse("decision_public_document", args=[private.code])).status_code == 404
    assert GeneratedDocument.objects.count() == 0
    assert public.is_public


@pytest.mark.parametrize(
    "url_name",
    ["decision_register_csv", "decision_register_json", "decision_feed", "reports_published",
     "annual_reports_public", "forward_plan_public"],
)  # fmt: skip
@pytest.mark.parametrize("rows", [3, 40])
def test_public_lists_and_exports_query_counts_do_not_grow(
    url_name, rows, client, people, django_assert_max_num_queries
):
    from tests.governance.factories import ForwardPlanItemFactory, StatutoryReportFactory

    for n in range(rows):
        published(year=2026, number=500 + n, reference=f"2026/{500 + n}")
    StatutoryReportFactory.create_batch(
        rows, drafted_by=people[Role.CHIEF_EXECUTIVE], redacted_title="Published report",
        redacted_text="Text.", redacted_published_at=timezone.now(),
    )  # fmt: skip
    ForwardPlanItemFactory.create_batch(rows, expected_on=timezone.localdate())

    with django_assert_max_num_queries(5):
        response = client.get(reverse(url_name))
        assert response.content  # a streamed export reads its rows as it is sent: count them
    assert response.status_code == 200
