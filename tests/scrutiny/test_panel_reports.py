"""The quarterly report to the panel: figures checked against a small hand-computed set, a
constant number of queries whatever the data, and one copy to each panel member, sent once."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from governance.models import DecisionMaker, DecisionStatus
from governance.wiring_decisions import PANEL_REPORT_LISTED
from opcc.models import DocumentStatus, GeneratedDocument, OutboundMessage
from opcc.roles import Role
from scrutiny.models import InspectionStatus, ItemKind, MeetingStatus, PanelReportStatus
from scrutiny.services import panel_reports as services
from tests.governance.factories import DecisionFactory
from tests.opcc.factories import UserFactory
from tests.scrutiny.factories_inspections import (
    InspectionFactory,
    InspectionItemFactory,
    PanelReportFactory,
)
from tests.scrutiny.factories_meetings import (
    ActionFactory,
    AgendaItemFactory,
    ConfidentialItemFactory,
    MeetingFactory,
)
from tests.scrutiny.factories_plan import MeasureFactory, MeasureValueFactory, PlanFactory

pytestmark = pytest.mark.django_db

Q2_START, Q2_END = datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)


def at(day: datetime.date):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def make_quarter(extra: int = 0):
    """Q2 2026/27 (July to September 2026), with things just outside it that must not count."""
    DecisionFactory(status=DecisionStatus.PUBLISHED, signed_at=at(datetime.date(2026, 7, 1)),
                    significant_public_interest=True)  # fmt: skip
    DecisionFactory(status=DecisionStatus.SIGNED, signed_at=at(datetime.date(2026, 9, 30)),
                    decision_maker=DecisionMaker.DEPUTY)  # fmt: skip
    DecisionFactory(status=DecisionStatus.PUBLISHED, signed_at=at(datetime.date(2026, 6, 30)))
    DecisionFactory()  # a draft: never signed
    peel = InspectionFactory(title="PEEL", published_on=datetime.date(2026, 8, 3))
    InspectionItemFactory(inspection=peel, number=1)
    InspectionItemFactory(inspection=peel, number=2)
    InspectionItemFactory(inspection=peel, kind=ItemKind.AREA_FOR_IMPROVEMENT, number=1)
    # Published 2 June, due 27 July, answered 20 July: a response in time, in the quarter.
    InspectionFactory(
        title="Answered", published_on=datetime.date(2026, 6, 2),
        status=InspectionStatus.PUBLISHED, response_published_at=at(datetime.date(2026, 7, 20)),
    )  # fmt: skip
    plan = PlanFactory(
        starts_on=datetime.date(2025, 4, 1), published_at=at(datetime.date(2025, 4, 1))
    )
    met = MeasureFactory(priority__plan=plan, priority__number=1, name="Satisfaction",
                         target=Decimal("80"))  # fmt: skip
    short = MeasureFactory(priority__plan=plan, priority__number=2, name="Answer times",
                           target=Decimal("90"))  # fmt: skip
    MeasureValueFactory(measure=met, quarter=Q2_START, value=Decimal("81.5"))
    MeasureValueFactory(measure=short, quarter=Q2_START, value=Decimal("88"))
    MeasureValueFactory(measure=short, quarter=datetime.date(2026, 4, 1), value=Decimal("95"))
    for n in range(extra):
        DecisionFactory(status=DecisionStatus.SIGNED, signed_at=at(datetime.date(2026, 8, 1)))
        report = InspectionFactory(published_on=datetime.date(2026, 8, 1))
        InspectionItemFactory(inspection=report, number=1)
        more = MeasureFactory(priority__plan=plan, priority__number=10 + n)
        MeasureValueFactory(measure=more, quarter=Q2_START)


def sections(start=Q2_START, end=Q2_END) -> dict:
    return {section.key: context for section, context in services.compile_sections(start, end)}


def test_the_report_compiles_the_quarters_figures():
    make_quarter()
    found = sections()
    decisions = found["decisions"]
    assert decisions["totals"] == {
        "signed": 2, "by_pcc": 1, "by_deputy": 1, "significant": 1, "published": 1,
    }  # fmt: skip
    assert [(row["month"], row["signed"]) for row in decisions["months"]] == [
        (datetime.date(2026, 7, 1), 1),
        (datetime.date(2026, 8, 1), 0),
        (datetime.date(2026, 9, 1), 1),
    ]
    # Both signed in the quarter are counted; only the published one is named to the panel.
    assert [d.status for d in decisions["decisions"]] == [DecisionStatus.PUBLISHED]
    hmicfrs = found["hmicfrs"]
    assert hmicfrs["totals"] == {
        "reports_published": 1,
        "responses_published": 1,
        "responses_in_time": 1,
        "responses_awaited": 1,
    }
    peel = hmicfrs["reports"][0]
    assert (peel.recommendations, peel.areas_for_improvement) == (2, 1)
    plan = found["plan"]
    assert plan["totals"] == {"measures": 2, "reported": 2, "meeting_target": 1}
    assert [(row["measure"].name, row["value"], row["meets_target"]) for row in plan["rows"]] == [
        ("Satisfaction", "81.5", True),
        ("Answer times", "88", False),
    ]
    # Every app's section is there: meetings, complaints and custody visiting register theirs.
    assert {"decisions", "hmicfrs", "plan", "complaints", "meetings"} <= set(found)


def test_the_panel_sees_the_published_plan_not_a_draft_begun_since():
    make_quarter()
    draft = PlanFactory(title="DRAFT-PLAN", starts_on=datetime.date(2026, 7, 1))
    MeasureValueFactory(measure__priority__plan=draft, measure__name="DRAFT-MEASURE")
    plan = sections()["plan"]
    assert plan["plan"].title != "DRAFT-PLAN"
    assert [row["measure"].name for row in plan["rows"]] == ["Satisfaction", "Answer times"]


def test_a_confidential_item_never_reaches_the_panel_report(people):
    meeting = MeetingFactory(held_on=datetime.date(2026, 8, 5), status=MeetingStatus.HELD)
    AgendaItemFactory(meeting=meeting, title="Public item", minutes="PUBLIC-DRAFT minute")
    secret = ConfidentialItemFactory(meeting=meeting, title="SECRET-TITLE estates")
    ActionFactory(item=secret, description="SECRET-ACTION renegotiate")
    report = services.start_report(people[Role.STAFF], quarter=Q2_START, introduction="Hello.")
    report = services.generate_report(people[Role.STAFF], report)

    context = services.report_context(report.document)
    html = render_to_string("pdf/panel_quarterly_report.html", context)
    assert "Meetings held and their actions" in html
    meetings = {section.key: found for section, found in context["sections"]}["meetings"]
    assert meetings["totals"]["meetings_held"] == 1
    for secret_text in ("SECRET-TITLE", "SECRET-MINUTE", "SECRET-ACTION", "PUBLIC-DRAFT"):
        assert secret_text not in html
        assert secret_text not in plain_text(context["sections"])


def plain_text(value) -> str:
    """Every string (and every record's own text) in a report's compiled sections."""
    if isinstance(value, dict):
        return " ".join(plain_text(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return " ".join(plain_text(item) for item in value)
    return str(value)


def test_compiling_takes_the_same_queries_whatever_the_data():
    make_quarter()
    with CaptureQueriesContext(connection) as few:
        sections()
    make_quarter(extra=6)
    with CaptureQueriesContext(connection) as many:
        sections()
    assert len(many) == len(few)


@pytest.mark.parametrize("published", [3, 40])
def test_the_report_names_a_bounded_number_of_decisions_and_counts_the_rest(
    published, django_assert_max_num_queries
):
    make_quarter()
    for n in range(published):
        DecisionFactory(status=DecisionStatus.PUBLISHED, signed_at=at(datetime.date(2026, 8, 3)),
                        significant_public_interest=n % 2 == 0)  # fmt: skip
    report = PanelReportFactory(quarter=Q2_START)
    document = GeneratedDocument(kind="panel_quarterly_report", title="Q2")
    document.of = report
    # Every section counted in the database: the same queries for 3 decisions as for 40.
    with django_assert_max_num_queries(20):
        html = render_to_string(
            "pdf/panel_quarterly_report.html", services.report_context(document)
        )
    text = " ".join(strip_tags(html).split())
    total = published + 1  # and the one make_quarter publishes in the quarter
    assert f"{total + 1} decisions signed" in text
    assert f"{total} published" in text
    listed = min(total, PANEL_REPORT_LISTED)
    assert html.count("<li><strong>") == listed
    if total > PANEL_REPORT_LISTED:
        # Those of significant public interest are named first.
        assert html.count("; of significant public interest.</li>") == listed
        assert (
            f"{total - listed} further decisions published in the quarter are in the public "
            "register at http"
        ) in text
    else:
        assert "further decision" not in text


def test_one_report_a_quarter(people):
    services.start_report(people[Role.STAFF], quarter=datetime.date(2026, 8, 15))
    with pytest.raises(ValidationError, match="already a report for Q2 2026/27"):
        services.start_report(people[Role.STAFF], quarter=Q2_START)


def test_a_quarter_not_yet_begun_is_refused(people):
    with pytest.raises(ValidationError):
        services.start_report(people[Role.STAFF], quarter=datetime.date(2099, 1, 1))


def generated(people, django_capture_on_commit_callbacks):
    report = services.start_report(people[Role.STAFF], quarter=Q2_START, introduction="Hello.")
    with django_capture_on_commit_callbacks(execute=True):
        report = services.generate_report(people[Role.STAFF], report)
    report.document.refresh_from_db()
    return report


def test_generating_makes_the_pdf(people, django_capture_on_commit_callbacks):
    make_quarter()
    report = generated(people, django_capture_on_commit_callbacks)
    assert report.status == PanelReportStatus.GENERATED
    assert report.document.status == DocumentStatus.READY, report.document.error
    assert report.document.file.read(5) == b"%PDF-"


def test_sending_copies_each_active_panel_member_once(people, django_capture_on_commit_callbacks):
    second = UserFactory(role=Role.PANEL, email="second.member@council.example")
    UserFactory(role=Role.PANEL, email="former.member@council.example", is_active=False)
    report = generated(people, django_capture_on_commit_callbacks)
    services.send_report(people[Role.PCC], report)
    copies = OutboundMessage.objects.filter(kind=services.DELIVERY_KIND)
    assert sorted(copies.values_list("to", flat=True)) == sorted(
        [people[Role.PANEL].email, second.email]
    )
    assert all(copy.attachments.get().document_id == report.document_id for copy in copies)
    assert list(services.deliveries(report)) == list(copies.order_by("-created_at"))
    with pytest.raises(ValidationError):
        services.send_report(people[Role.PCC], report)
    assert copies.count() == 2


def test_a_report_is_sent_only_once_its_pdf_is_ready(people):
    report = services.start_report(people[Role.STAFF], quarter=Q2_START, introduction="Hi.")
    report = services.generate_report(people[Role.STAFF], report)  # not yet run: still queued
    with pytest.raises(ValidationError, match="Wait until the report's PDF is ready"):
        services.send_report(people[Role.PCC], report)


def test_the_panel_sees_sent_reports_only(client_for):
    sent = PanelReportFactory(
        status=PanelReportStatus.SENT, sent_at=timezone.now(), quarter=datetime.date(2026, 4, 1)
    )
    draft = PanelReportFactory(quarter=datetime.date(2026, 7, 1))
    client = client_for(Role.PANEL)
    page = client.get(reverse("scrutiny:panel_reports")).content.decode()
    assert "Q1 2026/27" in page and "Q2 2026/27" not in page
    assert client.get(sent.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "Quarterly reports to the panel" in dashboard and "Q1 2026/27" in dashboard


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_takes_the_same_queries_at_any_size(
    count, client_for, django_assert_max_num_queries
):
    PanelReportFactory.create_batch(count, status=PanelReportStatus.SENT, sent_at=timezone.now())
    client = client_for(Role.PANEL)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("scrutiny:panel_reports"))
    assert f"{count} reports" in response.content.decode()


def test_a_stale_introduction_is_refused_with_409(client_for):
    report = PanelReportFactory()
    url = reverse("scrutiny:panel_report_introduction", args=[report.code])
    opened = report.version
    client_for(Role.CHIEF_EXECUTIVE).post(url, {"introduction": "First", "version": opened})
    response = client_for(Role.STAFF).post(url, {"introduction": "Mine", "version": opened})
    assert response.status_code == 409
    assert "Someone else saved this report" in response.content.decode()


def test_starting_a_report_with_bad_input_says_what_to_fix(client_for):
    response = client_for(Role.STAFF).post(reverse("scrutiny:panel_report_add"), {"quarter": "x"})
    assert response.status_code == 400
    assert "Choose one of the quarters listed" in response.content.decode()


def test_the_panel_reads_the_pdf_only_once_it_is_sent(
    people, client_for, django_capture_on_commit_callbacks
):
    report = generated(people, django_capture_on_commit_callbacks)
    panel = client_for(Role.PANEL)
    download = reverse("document_download", args=[report.document.code])
    assert panel.get(download).status_code == 404
    services.send_report(people[Role.PCC], report)
    response = panel.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert client_for(Role.VISITOR).get(download).status_code == 404
