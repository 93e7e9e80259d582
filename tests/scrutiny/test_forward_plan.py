"""The scrutiny work programme and the horizon-scanning log."""

import datetime
import re

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from opcc.roles import Role
from scrutiny.models import ForwardPlanTopic, HorizonScanEntry, TopicSource, TopicStatus
from scrutiny.services import forward_plan as services
from tests.scrutiny.factories_meetings import MeetingFactory
from tests.scrutiny.factories_plan import HorizonScanEntryFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_a_topic_is_planned_against_the_start_of_its_quarter(people):
    topic = services.plan_topic(
        people[Role.STAFF],
        title="Call handling",
        source=TopicSource.HMICFRS_FINDING,
        source_reference="PEEL 2026 recommendation 1",
        planned_quarter=datetime.date(2027, 2, 14),
        lead=people[Role.CHIEF_EXECUTIVE],
    )
    assert topic.planned_quarter == datetime.date(2027, 1, 1)
    assert topic.quarter_label == "Q4 2026/27"


def test_a_horizon_scan_entry_becomes_one_topic_only(people):
    entry = HorizonScanEntryFactory()
    topic = services.plan_topic(
        people[Role.STAFF],
        horizon_scan_entry=entry,
        title="New complaints regulations",
        planned_quarter=datetime.date(2027, 1, 1),
        lead=people[Role.STAFF],
    )
    assert topic.source == TopicSource.HORIZON_SCAN
    assert entry.topic == topic
    with pytest.raises(ValidationError, match="already a forward-plan topic"):
        services.plan_topic(
            people[Role.STAFF],
            horizon_scan_entry=entry,
            title="Again",
            planned_quarter=datetime.date(2027, 1, 1),
            lead=people[Role.STAFF],
        )


def test_a_dropped_topic_can_be_planned_again_but_a_scrutinised_one_is_done(people):
    topic = TopicFactory()
    staff = people[Role.STAFF]
    topic = services.update_topic(
        staff, topic, expected_version=topic.version, status=TopicStatus.DROPPED
    )
    topic = services.update_topic(
        staff, topic, expected_version=topic.version, status=TopicStatus.PLANNED
    )
    topic = services.update_topic(
        staff, topic, expected_version=topic.version, status=TopicStatus.SCRUTINISED
    )
    with pytest.raises(ValidationError, match="cannot become planned"):
        services.update_topic(
            staff, topic, expected_version=topic.version, status=TopicStatus.PLANNED
        )


def test_a_horizon_scan_entry_cannot_be_dated_ahead(people):
    with pytest.raises(ValidationError):
        services.note_horizon_scan(
            people[Role.STAFF],
            noted_on=datetime.date(2099, 1, 1),
            source="Home Office",
            summary="x",
            relevance="high",
        )


def test_planning_from_the_log_through_the_pages(client_for, people):
    entry = HorizonScanEntryFactory(summary="Right Care, Right Person guidance")
    client = client_for(Role.STAFF)
    log = client.get(reverse("scrutiny:horizon_scan")).content.decode()
    assert "Make it a topic" in log
    response = client.post(
        reverse("scrutiny:horizon_scan_topic", args=[entry.pk]),
        {
            "title": "Right Care, Right Person",
            "planned_quarter": "2027-01-01",
            "lead": people[Role.STAFF].pk,
        },
    )
    topic = ForwardPlanTopic.objects.get()
    assert response.status_code == 302
    assert topic.horizon_scan_entry == entry
    page = client.get(reverse("scrutiny:forward_plan")).content.decode()
    assert "Right Care, Right Person" in page and "Horizon scan" in page


def test_a_topic_with_bad_input_says_what_to_fix(client_for):
    response = client_for(Role.STAFF).post(
        reverse("scrutiny:forward_plan_topic_add"),
        {"title": "", "source": "gossip", "planned_quarter": "", "lead": ""},
    )
    assert response.status_code == 400
    page = response.content.decode()
    for message in ("Enter the topic", "Choose the quarter", "Choose who leads on the topic"):
        assert message in page
    assert not ForwardPlanTopic.objects.exists()


def test_a_horizon_scan_entry_with_bad_input_says_what_to_fix(client_for):
    response = client_for(Role.STAFF).post(reverse("scrutiny:horizon_scan_add"), {"source": ""})
    assert response.status_code == 400
    assert "Enter the source" in response.content.decode()
    assert not HorizonScanEntry.objects.exists()


def test_a_stale_edit_of_a_topic_is_refused_with_409(client_for, people):
    topic = TopicFactory(planned_quarter=datetime.date(2027, 1, 1))
    url = reverse("scrutiny:forward_plan_topic_edit", args=[topic.pk])
    data = {
        "title": "Renamed",
        "source": topic.source,
        "planned_quarter": "2027-01-01",
        "lead": topic.lead_id,
        "status": "planned",
        "version": topic.version,
    }
    assert client_for(Role.CHIEF_EXECUTIVE).post(url, data).status_code == 302
    response = client_for(Role.STAFF).post(url, {**data, "title": "Mine"})
    assert response.status_code == 409
    assert "Someone else saved this topic" in response.content.decode()
    topic.refresh_from_db()
    assert topic.title == "Renamed"


@pytest.mark.parametrize("count", [3, 30])
def test_the_forward_plan_takes_the_same_queries_at_any_size(
    count, client_for, django_assert_max_num_queries
):
    TopicFactory.create_batch(count)
    client = client_for(Role.STAFF)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("scrutiny:forward_plan"))
    assert f"{count} topics" in response.content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_the_log_takes_the_same_queries_at_any_size(
    count, client_for, django_assert_max_num_queries
):
    HorizonScanEntryFactory.create_batch(count)
    client = client_for(Role.STAFF)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("scrutiny:horizon_scan"))
    assert f"{count} entries" in response.content.decode()


@time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False)
def test_a_topic_is_marked_scrutinised_after_its_meeting_keeping_its_meeting_and_quarter(
    client_for,
):
    # By 23 November 2026 the meeting of 1 October is past, and the quarter planned, Q1 2026/27,
    # is no longer among the quarters offered to a new topic.
    meeting = MeetingFactory(held_on=datetime.date(2026, 10, 1), status="held")
    topic = TopicFactory(planned_quarter=datetime.date(2026, 4, 1), planned_meeting=meeting)
    url = reverse("scrutiny:forward_plan_topic_edit", args=[topic.pk])
    client = client_for(Role.STAFF)
    page = client.get(url).content.decode()
    assert 'value="2026-04-01" selected' in page
    assert f'value="{meeting.pk}" selected' in page
    response = client.post(
        url,
        {
            "title": topic.title,
            "source": topic.source,
            "planned_quarter": "2026-04-01",
            "planned_meeting": meeting.pk,
            "lead": topic.lead_id,
            "status": TopicStatus.SCRUTINISED,
            "version": topic.version,
        },
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.status == TopicStatus.SCRUTINISED
    assert (topic.planned_meeting, topic.planned_quarter) == (meeting, datetime.date(2026, 4, 1))


@time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False)
def test_a_topic_cannot_be_moved_to_a_meeting_already_held(people):
    held = MeetingFactory(held_on=datetime.date(2026, 10, 1), status="held")
    topic = TopicFactory(planned_meeting=MeetingFactory(held_on=datetime.date(2026, 12, 1)))
    with pytest.raises(ValidationError, match="not yet been held"):
        services.update_topic(
            people[Role.STAFF], topic, expected_version=topic.version, planned_meeting=held
        )


def test_a_topic_with_a_made_up_choice_says_what_to_fix_without_echoing_it(client_for):
    response = client_for(Role.STAFF).post(
        reverse("scrutiny:forward_plan_topic_add"), {"source": "gossip<b>"}
    )
    page = response.content.decode()
    assert "Choose one of the sources listed" in page
    assert "gossip" not in page


def test_the_title_of_a_form_with_errors_says_error_once(client_for):
    response = client_for(Role.STAFF).post(reverse("scrutiny:forward_plan_topic_add"), {})
    title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)
    assert title.count("Error: ") == 1
    assert title.startswith("Error: Plan a scrutiny topic")
