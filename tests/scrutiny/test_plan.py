"""The Police and Crime Plan: figures by quarter, the public table and chart, and what stays
private until the plan is published."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from opcc.roles import Role
from scrutiny.charts import Point, bar_chart, line_chart
from scrutiny.models import Direction, MeasureValue
from scrutiny.services import plan as services
from tests.scrutiny.factories_plan import MeasureFactory, MeasureValueFactory, PlanFactory

pytestmark = pytest.mark.django_db


def test_a_figure_is_recorded_once_a_quarter_and_corrected_in_place(people):
    measure = MeasureFactory()
    staff = people[Role.STAFF]
    services.record_value(staff, measure, quarter=datetime.date(2026, 5, 17), value=Decimal("70"))
    services.record_value(
        staff, measure, quarter=datetime.date(2026, 4, 1), value=Decimal("72"), expected_version=1
    )
    value = MeasureValue.objects.get()
    assert value.quarter == datetime.date(2026, 4, 1)
    assert value.value == Decimal("72")
    assert value.quarter_label == "Q1 2026/27"
    assert value.history.count() == 2


def test_a_figure_for_a_quarter_not_yet_begun_is_refused(people):
    with pytest.raises(ValidationError) as error:
        services.record_value(
            people[Role.STAFF], MeasureFactory(), quarter=datetime.date(2099, 1, 1), value=1
        )
    assert "quarter" in error.value.message_dict


def test_whether_a_figure_meets_the_target_depends_on_the_direction():
    higher = MeasureFactory.build(target=Decimal("80"), direction=Direction.HIGHER_IS_BETTER)
    lower = MeasureFactory.build(target=Decimal("80"), direction=Direction.LOWER_IS_BETTER)
    assert higher.meets_target(Decimal("80")) and not higher.meets_target(Decimal("79.99"))
    assert lower.meets_target(Decimal("80")) and not lower.meets_target(Decimal("80.01"))


def test_a_plan_without_measures_cannot_be_published(people):
    with pytest.raises(ValidationError, match="at least one priority with a measure"):
        services.publish_plan(people[Role.STAFF], PlanFactory())


def test_priorities_are_numbered_in_order(people):
    plan = PlanFactory()
    first = services.add_priority(people[Role.STAFF], plan, title="Cutting crime")
    second = services.add_priority(people[Role.STAFF], plan, title="Victims")
    assert (first.number, second.number) == (1, 2)


def test_the_public_page_shows_each_measure_as_a_table_and_a_chart(client):
    value = MeasureValueFactory(
        measure__name="Victims satisfied", value=Decimal("76.5"), quarter=datetime.date(2026, 4, 1)
    )
    plan = value.measure.priority.plan
    plan.published_at = timezone.now()
    plan.save()
    page = client.get(reverse("scrutiny:plan_public")).content.decode()
    assert "Victims satisfied" in page
    assert "76.5 %" in page
    assert "Short of the target" in page
    assert 'role="img"' in page
    assert "Q1 2026/27: 76.5%" in page  # the chart's description, for screen readers


def test_an_unpublished_plan_is_not_public(client):
    MeasureValueFactory(measure__name="Draft measure")
    page = client.get(reverse("scrutiny:plan_public")).content.decode()
    assert "Draft measure" not in page
    assert "has not been published" in page


@pytest.mark.parametrize("count", [2, 12])
def test_the_public_page_takes_the_same_queries_at_any_size(
    count, client, django_assert_max_num_queries
):
    plan = PlanFactory(published_at=timezone.now())
    for n in range(count):
        measure = MeasureFactory(priority__plan=plan)
        MeasureValueFactory(measure=measure, quarter=datetime.date(2026, 1 + n % 4 * 3, 1))
    with django_assert_max_num_queries(6):
        response = client.get(reverse("scrutiny:plan_public"))
    assert response.content.decode().count('role="img"') == count


@pytest.mark.parametrize("count", [3, 30])
def test_the_office_list_takes_the_same_queries_at_any_size(
    count, client_for, django_assert_max_num_queries
):
    client = client_for(Role.STAFF)
    PlanFactory.create_batch(count)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("scrutiny:plans"))
    assert f"{count} plans" in response.content.decode()


def test_a_measure_with_bad_input_says_what_to_fix(client_for):
    measure = MeasureFactory()
    url = reverse("scrutiny:plan_measure_add", args=[measure.priority_id])
    response = client_for(Role.STAFF).post(url, {"name": "", "target": "lots", "direction": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter the measure" in page
    assert "Enter the target as a number" in page
    assert "Choose whether higher or lower is better" in page


def test_a_figure_for_a_quarter_not_offered_is_refused(client_for):
    measure = MeasureFactory()
    url = reverse("scrutiny:plan_value_add", args=[measure.pk])
    response = client_for(Role.STAFF).post(url, {"quarter": "2099-01-01", "value": "3"})
    assert response.status_code == 400
    assert "Choose one of the quarters listed" in response.content.decode()
    assert not MeasureValue.objects.exists()


def test_charts_escape_text_and_describe_the_figures():
    points = [Point("Q1 <b>", Decimal("3")), Point("Q2", Decimal("5.5"))]
    for chart in (line_chart, bar_chart):
        svg = chart("Crime & <script>", points, target=Decimal("4"), unit="%", chart_id="m1")
        assert "<script>" not in svg and "&lt;script&gt;" in svg
        assert "Q1 &lt;b&gt;" in svg
        assert '<title id="m1-title">' in svg
        assert "Q2: 5.5%. Target 4%." in svg
    assert "No figures yet." in line_chart("Empty", [], chart_id="e")


def test_the_exports_hold_the_published_plans_figures_only(client):
    published = MeasureValueFactory(
        measure__name="Victims satisfied", value=Decimal("81"), quarter=datetime.date(2026, 4, 1)
    )
    plan = published.measure.priority.plan
    plan.published_at = timezone.now()
    plan.save()
    MeasureValueFactory(measure__name="A draft plan's measure")  # its own plan, unpublished
    csv = client.get(reverse("scrutiny:plan_public_csv")).content.decode()
    assert "Victims satisfied" in csv and "Q1 2026/27" in csv and "draft" not in csv
    figures = client.get(reverse("scrutiny:plan_public_json")).json()["rows"]
    assert [(row["measure"], row["figure"], row["meets_target"]) for row in figures] == [
        ("Victims satisfied", "81", True)
    ]


def test_the_hub_links_the_plan_and_dates_it_by_the_latest_figure(client):
    from opcc.transparency import hub_rows

    value = MeasureValueFactory()
    plan = value.measure.priority.plan
    plan.published_at = timezone.now()
    plan.save()
    row = next(row for row in hub_rows() if row.category.key == "police-and-crime-plan")
    assert row.url == reverse("scrutiny:plan_public")
    assert row.last_updated == timezone.localdate()
