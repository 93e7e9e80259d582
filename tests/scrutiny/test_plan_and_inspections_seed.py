"""The demo data of scrutiny part B: what the issue asks the demo to show, made idempotently."""

import pytest

from opcc.models import DocumentStatus
from opcc.seed import seed_people
from scrutiny.models import (
    ForwardPlanTopic,
    HmicfrsInspection,
    HorizonScanEntry,
    InspectionStatus,
    MeasureValue,
    PanelQuarterlyReport,
    PanelReportStatus,
    PlanMeasure,
    PlanPriority,
    TopicSource,
)
from scrutiny.seed_forward_plan import seed_forward_plan
from scrutiny.seed_inspections import seed_inspections
from scrutiny.seed_panel_reports import seed_panel_reports
from scrutiny.seed_plan import seed_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_all(monkeypatch):
    """Seed as `seed_demo` does, outside any transaction: what waits for a commit (the PDFs
    the reports are generated into) runs at once."""
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda callback, *args, **kwargs: callback())

    def seed(scale=0):
        for each in (seed_people, seed_plan, seed_inspections, seed_forward_plan,
                     seed_panel_reports):  # fmt: skip
            each(scale, lambda line: None)

    return seed


def counts():
    return [
        model.objects.count()
        for model in (
            PlanPriority,
            PlanMeasure,
            MeasureValue,
            HmicfrsInspection,
            ForwardPlanTopic,
            HorizonScanEntry,
            PanelQuarterlyReport,
        )
    ]


def test_the_demo_shows_what_the_issue_asks_and_seeding_twice_adds_nothing(seed_all):
    seed_all()
    assert counts() == [3, 6, 24, 2, 5, 3, 2]
    statuses = dict(HmicfrsInspection.objects.values_list("inspection_type", "status"))
    assert statuses == {"peel": InspectionStatus.PUBLISHED, "thematic": "awaiting_response"}
    assert set(ForwardPlanTopic.objects.values_list("source", flat=True)) == set(TopicSource)
    reports = PanelQuarterlyReport.objects.select_related("document").order_by("quarter")
    assert [r.status for r in reports] == [PanelReportStatus.SENT, PanelReportStatus.GENERATED]
    assert all(r.document.status == DocumentStatus.READY for r in reports)
    seed_all()
    assert counts() == [3, 6, 24, 2, 5, 3, 2]


def test_scale_adds_horizon_scan_entries_for_the_benchmarks(seed_all):
    seed_all(scale=400)
    seed_all(scale=400)
    assert HorizonScanEntry.objects.filter(source="Benchmark").count() == 4  # N/100, once
