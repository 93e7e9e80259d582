"""The HMICFRS pages: lists at two sizes, bad input, a refused concurrent edit, and what the
public may see."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from opcc.roles import Role
from scrutiny.models import HmicfrsInspection, InspectionStatus, InspectionType
from tests.scrutiny.factories_inspections import InspectionFactory, InspectionItemFactory

pytestmark = pytest.mark.django_db


def published(**fields):
    return InspectionFactory(
        status=InspectionStatus.PUBLISHED,
        chief_constable_comments="The force accepts the report.",
        response_introduction="The Commissioner welcomes the report.",
        response_published_at=timezone.now(),
        **fields,
    )


@pytest.mark.parametrize("count", [3, 30])
def test_the_office_list_takes_the_same_queries_at_any_size(
    count, client_for, django_assert_max_num_queries
):
    client = client_for(Role.STAFF)
    InspectionFactory.create_batch(count)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("scrutiny:inspections"))
    assert response.status_code == 200
    assert f"{count} reports" in response.content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_the_public_list_takes_the_same_queries_at_any_size(
    count, client, django_assert_max_num_queries
):
    for _ in range(count):
        published()
    with django_assert_max_num_queries(6):
        response = client.get(reverse("scrutiny:hmicfrs_public"))
    assert f"{count} responses published" in response.content.decode()


def test_the_public_sees_published_responses_and_the_latest_peel_report_only(client):
    InspectionFactory(
        title="PEEL 2024",
        inspection_type=InspectionType.PEEL,
        published_on=datetime.date(2024, 5, 1),
    )
    InspectionFactory(
        title="PEEL 2026",
        inspection_type=InspectionType.PEEL,
        published_on=datetime.date(2026, 5, 1),
    )
    awaiting = InspectionFactory(title="Awaited thematic report")
    answered = published(title="Answered thematic report")
    page = client.get(reverse("scrutiny:hmicfrs_public")).content.decode()
    assert "PEEL 2026" in page and "PEEL 2024" not in page
    assert "Answered thematic report" in page
    assert "Awaited thematic report" not in page
    detail = client.get(answered.get_public_url())
    assert "The force accepts the report." in detail.content.decode()
    assert (
        client.get(reverse("scrutiny:hmicfrs_response_public", args=[awaiting.code])).status_code
        == 404
    )


def test_recording_a_report_with_bad_input_says_what_to_fix(client_for):
    response = client_for(Role.STAFF).post(
        reverse("scrutiny:inspection_add"),
        {
            "title": "",
            "inspection_type": "peel",
            "published_on_0": "31",
            "published_on_1": "2",
            "published_on_2": "2026",
            "link": "not a link",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter the title of the report" in page
    assert "must be a real date" in page
    assert "Enter the link in the correct format" in page
    assert not HmicfrsInspection.objects.exists()


def test_recording_a_report_from_the_form(client_for):
    response = client_for(Role.STAFF).post(
        reverse("scrutiny:inspection_add"),
        {
            "title": "Stalking thematic",
            "inspection_type": "thematic",
            "published_on_0": "2",
            "published_on_1": "11",
            "published_on_2": "2026",
            "link": "https://hmicfrs.example/stalking",
            "recommendations": "First\nSecond",
            "areas_for_improvement": "",
        },
    )
    inspection = HmicfrsInspection.objects.get()
    assert response.status_code == 302
    assert inspection.items.count() == 2
    assert inspection.due_on == datetime.date(2026, 12, 27)


def test_a_stale_edit_keeps_the_typing_and_answers_409(client_for):
    inspection = InspectionFactory()
    url = reverse("scrutiny:inspection_response", args=[inspection.code])
    opened = inspection.version
    client_for(Role.CHIEF_EXECUTIVE).post(url, {"introduction": "First", "version": opened})
    response = client_for(Role.STAFF).post(url, {"introduction": "Mine", "version": opened})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved this response" in page
    assert "Mine" in page
    inspection.refresh_from_db()
    assert inspection.response_introduction == "First"


def test_an_answer_needs_a_choice_and_words(client_for):
    item = InspectionItemFactory()
    url = reverse("scrutiny:inspection_item", args=[item.inspection.code, item.pk])
    response = client_for(Role.STAFF).post(url, {"response_kind": "", "response": ""})
    assert response.status_code == 400
    assert "Choose action taken, action proposed or no action" in response.content.decode()
    item.refresh_from_db()
    assert item.response == ""


def test_an_item_of_another_report_is_not_found(client_for):
    item = InspectionItemFactory()
    other = InspectionFactory()
    url = reverse("scrutiny:inspection_item", args=[other.code, item.pk])
    assert client_for(Role.STAFF).get(url).status_code == 404


def test_the_dashboard_marks_responses_due_soon_and_overdue(client_for):
    today = timezone.localdate()
    InspectionFactory(title="Nearly due", published_on=today - datetime.timedelta(days=50))
    InspectionFactory(title="Too late", published_on=today - datetime.timedelta(days=60))
    page = client_for(Role.CHIEF_EXECUTIVE).get(reverse("dashboard")).content.decode()
    assert "HMICFRS responses due" in page
    assert "6 days left" in page
    assert "Overdue" in page


def test_the_exports_hold_published_responses_only_and_follow_the_filter(client):
    published(title="Answered PEEL", inspection_type=InspectionType.PEEL)
    published(title="Answered thematic", inspection_type=InspectionType.THEMATIC)
    InspectionFactory(title="Awaited report")
    csv = client.get(reverse("scrutiny:hmicfrs_public_csv")).content.decode()
    assert "Answered PEEL" in csv and "Answered thematic" in csv and "Awaited" not in csv
    data = client.get(reverse("scrutiny:hmicfrs_public_json"), {"type": "peel"}).json()
    assert [row["title"] for row in data["rows"]] == ["Answered PEEL"]
    assert data["filters"] == {"type": "peel"}
