"""HMICFRS reports and the Commissioner's response (Police Act 1996 s.55): the 56-day clock at
its edges, the reminders (each sent once), and publishing only a complete response."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from opcc.models import DocumentStatus, OutboundMessage
from opcc.roles import Role
from opcc.transparency import hub_rows
from scrutiny.models import InspectionStatus, InspectionType, ItemKind, ResponseKind
from scrutiny.models.inspections import response_due_on
from scrutiny.services import inspections as services
from tests.scrutiny.factories_inspections import InspectionFactory, InspectionItemFactory

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2026, 1, 1)


def day(offset: int) -> datetime.date:
    return PUBLISHED + datetime.timedelta(days=offset)


def test_response_is_due_on_day_56_counting_publication_day_as_day_1():
    # "56 days beginning with the day on which the report is published": 1 Jan is day 1.
    assert response_due_on(PUBLISHED) == datetime.date(2026, 2, 25)


def test_last_day_is_in_time_and_the_next_is_late():
    inspection = InspectionFactory(published_on=PUBLISHED)
    last_day, first_late_day = datetime.date(2026, 2, 25), datetime.date(2026, 2, 26)
    assert not inspection.is_overdue(last_day)
    assert inspection.days_left(last_day) == 1
    assert inspection.is_overdue(first_late_day)


def test_a_published_response_is_never_overdue():
    inspection = InspectionFactory(published_on=PUBLISHED, status=InspectionStatus.PUBLISHED)
    assert not inspection.is_overdue(day(200))


def reminders(kind: str) -> int:
    return OutboundMessage.objects.filter(kind=kind).count()


def test_reminders_go_once_at_14_days_left_and_once_when_overdue(people):
    inspection = InspectionFactory(published_on=PUBLISHED)
    due_soon, overdue = "scrutiny_hmicfrs_due_soon", "scrutiny_hmicfrs_overdue"
    # 15 days left (due day counted): too early.
    assert services.send_response_reminders(inspection.due_on - datetime.timedelta(days=14)) == 0
    # 14 days left: the Commissioner and the Chief Executive are reminded, once.
    fourteen_left = inspection.due_on - datetime.timedelta(days=13)
    assert services.send_response_reminders(fourteen_left) == 1
    assert reminders(due_soon) == 2
    assert services.send_response_reminders(fourteen_left + datetime.timedelta(days=1)) == 0
    assert reminders(due_soon) == 2
    # The due day is still in time.
    assert services.send_response_reminders(inspection.due_on) == 0
    # The day after: overdue, reminded once, however often the task runs.
    late = inspection.due_on + datetime.timedelta(days=1)
    assert services.send_response_reminders(late) == 1
    assert services.send_response_reminders(late + datetime.timedelta(days=3)) == 0
    assert reminders(overdue) == 2
    assert set(OutboundMessage.objects.values_list("to", flat=True)) == {
        people[Role.PCC].email,
        people[Role.CHIEF_EXECUTIVE].email,
    }


def test_a_report_found_already_overdue_gets_only_the_overdue_reminder(people):
    inspection = InspectionFactory(published_on=PUBLISHED)
    assert services.send_response_reminders(inspection.due_on + datetime.timedelta(days=5)) == 1
    assert reminders("scrutiny_hmicfrs_due_soon") == 0
    assert reminders("scrutiny_hmicfrs_overdue") == 2


def test_no_reminder_about_a_published_response(people):
    InspectionFactory(published_on=PUBLISHED, status=InspectionStatus.PUBLISHED)
    assert services.send_response_reminders(day(60)) == 0


def test_recording_a_report_numbers_its_items(people):
    inspection = services.record_inspection(
        people[Role.STAFF],
        title="PEEL 2026",
        inspection_type=InspectionType.PEEL,
        published_on=PUBLISHED,
        link="https://hmicfrs.example/peel",
        recommendations=["Answer 999 calls faster", "  ", "Record crime accurately"],
        areas_for_improvement=["Supervise investigations"],
    )
    items = [(i.kind, i.number, i.text) for i in inspection.items.all()]
    assert items == [
        (ItemKind.AREA_FOR_IMPROVEMENT, 1, "Supervise investigations"),
        (ItemKind.RECOMMENDATION, 1, "Answer 999 calls faster"),
        (ItemKind.RECOMMENDATION, 2, "Record crime accurately"),
    ]


def test_a_report_cannot_be_dated_in_the_future(people):
    with pytest.raises(ValidationError) as error:
        services.record_inspection(
            people[Role.STAFF],
            title="Future",
            inspection_type=InspectionType.PEEL,
            published_on=datetime.date(2099, 1, 1),
            link="https://hmicfrs.example/x",
        )
    assert "published_on" in error.value.message_dict


def test_only_the_office_responders_record_reports(people):
    for role in (Role.PCC, Role.CFO, Role.PANEL):
        with pytest.raises(PermissionDenied):
            services.record_inspection(
                people[role],
                title="x",
                inspection_type=InspectionType.PEEL,
                published_on=PUBLISHED,
                link="https://hmicfrs.example/x",
            )


def answered(people, inspection):
    staff = people[Role.STAFF]
    inspection = services.request_chief_constable_comments(staff, inspection, requested_on=day(1))
    inspection = services.record_chief_constable_comments(
        staff, inspection, received_on=day(10), comments="The force accepts the findings."
    )
    for item in inspection.items.all():
        services.respond_to_item(
            staff, item, response_kind=ResponseKind.ACTION_TAKEN, response="Done."
        )
    inspection.refresh_from_db()
    return services.save_response_introduction(
        staff, inspection, introduction="I welcome the report.", expected_version=inspection.version
    )


def test_requesting_comments_writes_to_the_chief_constable(people, settings):
    settings.CHIEF_CONSTABLE_EMAIL = "cc.office@force.example"
    inspection = InspectionFactory(published_on=PUBLISHED)
    services.request_chief_constable_comments(people[Role.STAFF], inspection, requested_on=day(2))
    message = OutboundMessage.objects.get(kind="scrutiny_hmicfrs_comments_request")
    assert message.to == "cc.office@force.example"
    assert "25 February 2026" in message.body_text


def test_comments_cannot_be_recorded_before_they_are_requested(people):
    inspection = InspectionFactory(published_on=PUBLISHED)
    with pytest.raises(ValidationError, match="Request the Chief Constable's comments first"):
        services.record_chief_constable_comments(
            people[Role.STAFF], inspection, received_on=day(3), comments="Noted."
        )


def test_comments_cannot_arrive_before_they_were_requested(people):
    staff = people[Role.STAFF]
    inspection = InspectionFactory(published_on=PUBLISHED)
    inspection = services.request_chief_constable_comments(staff, inspection, requested_on=day(5))
    with pytest.raises(ValidationError, match="on or after the date they were requested") as error:
        services.record_chief_constable_comments(
            staff, inspection, received_on=day(4), comments="Noted."
        )
    assert "received_on" in error.value.message_dict
    inspection.refresh_from_db()
    assert inspection.comments_received_on is None
    services.record_chief_constable_comments(
        staff, inspection, received_on=day(5), comments="Noted."
    )


def test_a_response_is_published_only_when_complete(people, django_capture_on_commit_callbacks):
    inspection = InspectionFactory(published_on=PUBLISHED)
    item = InspectionItemFactory(inspection=inspection)
    with pytest.raises(ValidationError) as error:
        services.publish_response(people[Role.PCC], inspection)
    assert "Record the Chief Constable's comments first." in error.value.messages
    assert any("recommendation 1" in message for message in error.value.messages)

    inspection = answered(people, inspection)
    with django_capture_on_commit_callbacks(execute=True):
        inspection = services.publish_response(people[Role.PCC], inspection)
    assert inspection.status == InspectionStatus.PUBLISHED
    assert inspection.published_in_time is False  # published today, long after 2026-02-25
    inspection.document.refresh_from_db()
    assert inspection.document.status == DocumentStatus.READY
    item.refresh_from_db()
    assert item.response == "Done."


def test_staff_cannot_publish_the_response(people):
    inspection = answered(people, InspectionFactory(published_on=PUBLISHED))
    with pytest.raises(PermissionDenied):
        services.publish_response(people[Role.STAFF], inspection)


def test_a_stale_edit_of_the_response_is_refused(people):
    inspection = InspectionFactory(published_on=PUBLISHED)
    opened = inspection.version
    services.save_response_introduction(
        people[Role.STAFF], inspection, introduction="First words.", expected_version=opened
    )
    with pytest.raises(services.ConcurrentEdit):
        services.save_response_introduction(
            people[Role.CHIEF_EXECUTIVE], inspection, introduction="Other.", expected_version=opened
        )


def test_sending_is_recorded_after_publication(people):
    inspection = answered(people, InspectionFactory(published_on=PUBLISHED))
    inspection = services.publish_response(people[Role.PCC], inspection)
    today = inspection.response_published_at.date()
    with pytest.raises(ValidationError) as error:
        services.record_sent(
            people[Role.STAFF],
            inspection,
            sent_to_inspectorate_on=today - datetime.timedelta(days=1),
            sent_to_home_secretary_on=today,
        )
    assert "sent_to_inspectorate_on" in error.value.message_dict
    inspection = services.record_sent(
        people[Role.STAFF],
        inspection,
        sent_to_inspectorate_on=today,
        sent_to_home_secretary_on=today,
    )
    assert inspection.sent_to_home_secretary_on == today


def test_the_hub_dates_hmicfrs_by_the_latest_response_or_peel_report(people):
    InspectionFactory(published_on=day(0), inspection_type=InspectionType.PEEL)
    row = next(row for row in hub_rows() if row.category.key == "hmicfrs")
    assert row.url == "/scrutiny/hmicfrs/"
    assert row.last_updated == day(0)


def test_the_public_download_the_published_responses_pdf(
    people, client, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    inspection = InspectionFactory(published_on=PUBLISHED)
    InspectionItemFactory(inspection=inspection)
    url = reverse("scrutiny:hmicfrs_response_pdf", args=[inspection.code])
    assert client.get(url).status_code == 404  # not yet published
    inspection = answered(people, inspection)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_response(people[Role.PCC], inspection)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
