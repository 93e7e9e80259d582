"""The public list of published custody visiting reports: published only, filtered by kind,
paginated, and exported as CSV and JSON."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from custody_visits.models import VisitingReport
from custody_visits.report_periods import ReportKind
from opcc.roles import Role

PUBLISHED = datetime.datetime(2026, 11, 2, 12, tzinfo=datetime.UTC)


@pytest.fixture
def reports(people):
    def make(kind, start, end, published=True):
        return VisitingReport.objects.create(
            kind=kind,
            period_start=datetime.date.fromisoformat(start),
            period_end=datetime.date.fromisoformat(end),
            created_by=people[Role.STAFF],
            published_at=PUBLISHED if published else None,
        )

    return {
        "quarter": make(ReportKind.QUARTERLY, "2026-07-01", "2026-09-30"),
        "year": make(ReportKind.ANNUAL, "2025-04-01", "2026-03-31"),
        "draft": make(ReportKind.QUARTERLY, "2026-04-01", "2026-06-30", published=False),
    }


def test_public_list_shows_published_reports_only(client, reports):
    page = client.get(reverse("custody_visiting_reports")).content.decode()
    assert "Custody visiting quarterly performance report Q2 2026/27 (PDF)" in page
    assert "Custody visiting annual report 2025/26 (PDF)" in page
    assert "Q1 2026/27" not in page


def test_public_list_filters_by_kind(client, reports):
    page = client.get(reverse("custody_visiting_reports"), {"kind": "annual"}).content.decode()
    assert "annual report 2025/26" in page
    assert "Q2 2026/27" not in page
    assert 'href="/custody-visiting/reports.csv?kind=annual"' in page


def test_a_bad_filter_is_answered_400_with_the_reason(client, reports):
    response = client.get(reverse("custody_visiting_reports"), {"kind": "secret"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose a kind of report from the list" in page
    assert "<title>Error: " in page
    assert client.get(reverse("custody_visiting_reports_csv"), {"kind": "x"}).status_code == 400
    assert client.get(reverse("custody_visiting_reports_json"), {"kind": "x"}).status_code == 400


def test_csv_lists_the_published_reports(client, reports):
    response = client.get(reverse("custody_visiting_reports_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["title", "kind", "period_start", "period_end", "published_on", "pdf_url"]
    assert sorted(row[0] for row in rows[1:]) == [
        "Custody visiting annual report 2025/26",
        "Custody visiting quarterly performance report Q2 2026/27",
    ]
    quarter = next(row for row in rows if row[1] == "quarterly")
    assert quarter[2:5] == ["2026-07-01", "2026-09-30", "2026-11-02"]
    assert quarter[5].endswith(f"/custody-visiting/reports/{reports['quarter'].code}/pdf/")


def test_json_lists_the_published_reports(client, reports):
    response = client.get(reverse("custody_visiting_reports_json"), {"kind": "quarterly"})
    assert response.json()["rows"] == [
        {
            "title": "Custody visiting quarterly performance report Q2 2026/27",
            "kind": "quarterly",
            "period_start": "2026-07-01",
            "period_end": "2026-09-30",
            "published_on": "2026-11-02",
            "pdf_url": f"http://testserver/custody-visiting/reports/{reports['quarter'].code}/pdf/",
        }
    ]


def test_a_draft_pdf_is_not_public(client, reports):
    url = reverse("custody_visiting_report_pdf", args=[reports["draft"].code])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_exports_take_the_same_queries_whatever_their_length(
    client, people, count, django_assert_max_num_queries
):
    for n in range(count):
        VisitingReport.objects.create(
            kind=ReportKind.ANNUAL,
            period_start=datetime.date(1990 + n, 4, 1),
            period_end=datetime.date(1991 + n, 3, 31),
            created_by=people[Role.STAFF],
            published_at=PUBLISHED,
        )
    with django_assert_max_num_queries(2):
        rows = client.get(reverse("custody_visiting_reports_json")).json()["rows"]
    assert len(rows) == count
