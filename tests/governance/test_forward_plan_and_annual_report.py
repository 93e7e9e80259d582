import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from governance.models import AnnualReport, DecisionStatus, ForwardPlanItem
from governance.services import annual
from governance.services.forward_plan import save_forward_plan_item
from opcc.roles import Role
from tests.governance.factories import DecisionFactory, ForwardPlanItemFactory

pytestmark = pytest.mark.django_db


def test_staff_plan_a_decision_and_link_it_once_made(people, client_for):
    client = client_for(Role.STAFF)
    response = client.post(
        reverse("governance:forward_plan_add"),
        {"title": "Estates strategy", "expected_on": "2099-03-01", "decision_maker": "pcc",
         "is_public": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    item = ForwardPlanItem.objects.get()
    decision = DecisionFactory(status=DecisionStatus.PUBLISHED, published_at=timezone.now())
    save_forward_plan_item(people[Role.STAFF], item, decision=decision)

    public = client_for("anonymous").get(reverse("forward_plan_public")).content.decode()
    assert "Estates strategy" in public and decision.get_public_url() in public


def test_private_and_past_items_stay_off_the_public_plan(client):
    ForwardPlanItemFactory(title="Confidential restructure", is_public=False,
                           expected_on=datetime.date(2099, 1, 1))  # fmt: skip
    ForwardPlanItemFactory(title="Long past", expected_on=datetime.date(2000, 1, 1))
    page = client.get(reverse("forward_plan_public")).content.decode()
    assert "Confidential restructure" not in page and "Long past" not in page


@pytest.mark.parametrize(
    "form, message",
    [
        ({"title": "", "expected_on": "2099-01-01", "decision_maker": "pcc"}, "Enter the title"),
        ({"title": "X", "expected_on": "31/02/2099", "decision_maker": "pcc"}, "Enter a real date"),
        ({"title": "X", "expected_on": "", "decision_maker": "pcc"}, "Enter when the decision"),
    ],
)
def test_forward_plan_form_answers_bad_input(client_for, form, message):
    response = client_for(Role.STAFF).post(reverse("governance:forward_plan_add"), form)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert ForwardPlanItem.objects.count() == 0


def test_only_the_office_keeps_the_forward_plan(people):
    with pytest.raises(PermissionDenied):
        save_forward_plan_item(people[Role.PANEL], title="x", expected_on=datetime.date(2099, 1, 1))


@pytest.mark.parametrize("rows", [3, 40])
def test_forward_plan_queries_do_not_grow(rows, client_for, django_assert_max_num_queries):
    ForwardPlanItemFactory.create_batch(rows, decision=None, expected_on=datetime.date(2099, 1, 1))
    client = client_for(Role.STAFF)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("governance:forward_plan")).status_code == 200
    with django_assert_max_num_queries(4):
        assert client_for("anonymous").get(reverse("forward_plan_public")).status_code == 200


@pytest.mark.parametrize(
    "today, year", [("2026-03-31", 2025), ("2026-04-01", 2026), ("2027-01-15", 2026)]
)
def test_financial_year_runs_from_april_to_march(today, year):
    assert annual.current_financial_year(datetime.date.fromisoformat(today)) == year


def test_annual_report_counts_the_years_decisions_and_is_published(
    people, client, django_capture_on_commit_callbacks
):
    inside = timezone.make_aware(datetime.datetime(2025, 6, 1, 12))
    outside = timezone.make_aware(datetime.datetime(2025, 3, 31, 12))
    DecisionFactory(title="Inside the year", status=DecisionStatus.PUBLISHED, signed_at=inside,
                    published_at=inside)  # fmt: skip
    DecisionFactory(title="Before the year", status=DecisionStatus.PUBLISHED, signed_at=outside,
                    published_at=outside)  # fmt: skip
    chief_executive = people[Role.CHIEF_EXECUTIVE]

    with (
        time_machine.travel("2026-05-01 09:00 +0000", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        report = annual.generate_annual_report(chief_executive, financial_year=2025)
    report.refresh_from_db()
    with report.document.file.open("rb") as pdf:
        text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Annual report 2025/26" in text
    assert "Inside the year" in text and "Before the year" not in text

    assert client.get(reverse("annual_report_pdf", args=[2025])).status_code == 404
    annual.publish_annual_report(chief_executive, report)
    assert client.get(reverse("annual_report_pdf", args=[2025])).status_code == 200
    assert "Annual report 2025/26" in client.get(reverse("annual_reports_public")).content.decode()


def test_annual_report_rules(people):
    with pytest.raises(PermissionDenied):
        annual.generate_annual_report(people[Role.STAFF], financial_year=2025)
    with pytest.raises(ValidationError):
        annual.generate_annual_report(people[Role.CHIEF_EXECUTIVE], financial_year=2099)
    pending = AnnualReport.objects.create(financial_year=2024, created_by=people[Role.STAFF])
    with pytest.raises(ValidationError, match="wait until its PDF is ready"):
        annual.publish_annual_report(people[Role.CHIEF_EXECUTIVE], pending)


def test_annual_report_form_refuses_an_unknown_year(client_for):
    response = client_for(Role.CHIEF_EXECUTIVE).post(
        reverse("governance:annual_reports"), {"financial_year": "1066"}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert AnnualReport.objects.count() == 0
