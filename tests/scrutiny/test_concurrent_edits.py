"""Two people editing the same body, or the same quarter's figure, at once: the second save is
refused (409) with their typing kept, rather than silently overwriting the first."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from opcc.roles import Role
from scrutiny.models import Body, MeasureValue
from scrutiny.services import meetings as meeting_services
from scrutiny.services import plan as plan_services
from tests.scrutiny.factories_meetings import BodyFactory
from tests.scrutiny.factories_plan import MeasureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_november_2026():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


def body_fields(body, **changes):
    fields = {"name": body.name, "kind": body.kind, "members": body.members, "version": 1}
    return fields | changes


def test_a_second_edit_of_a_body_opened_before_the_first_save_is_refused(client_for):
    body = BodyFactory(members="Alex Morgan (Chair)")
    url = f"/scrutiny/bodies/{body.pk}/"
    first = client_for(Role.STAFF).post(url, body_fields(body, members="FIRST Jo Bell (Chair)"))
    assert first.status_code == 302
    second = client_for(Role.CHIEF_EXECUTIVE).post(
        url, body_fields(body, members="MY-TYPING Sam Patel (Chair)")
    )
    assert second.status_code == 409
    page = second.content.decode()
    assert "Someone else saved this body" in page
    assert "MY-TYPING Sam Patel (Chair)" in page
    assert 'name="version" value="2"' in page
    body.refresh_from_db()
    assert body.members == "FIRST Jo Bell (Chair)"
    assert body.version == 2


def test_saving_again_after_the_conflict_is_the_persons_informed_choice(client_for):
    body = BodyFactory()
    url = f"/scrutiny/bodies/{body.pk}/"
    client = client_for(Role.STAFF)
    assert client.post(url, body_fields(body, members="First")).status_code == 302
    assert client.post(url, body_fields(body, members="Second")).status_code == 409
    assert client.post(url, body_fields(body, members="Second", version=2)).status_code == 302
    assert Body.objects.get().members == "Second"


def test_save_body_refuses_a_stale_version(people):
    body = BodyFactory()
    staff = people[Role.STAFF]
    fields = {"name": body.name, "kind": body.kind, "meetings_public": True}
    meeting_services.save_body(staff, body, members="A", expected_version=1, **fields)
    with pytest.raises(meeting_services.ConcurrentEdit):
        meeting_services.save_body(staff, body, members="B", expected_version=1, **fields)
    assert Body.objects.get().members == "A"


def test_a_second_correction_of_a_quarters_figure_opened_before_the_first_is_refused(
    client_for,
):
    measure = MeasureFactory()
    url = f"/scrutiny/plan/measures/{measure.pk}/values/new/"
    quarter = "2026-10-01"
    staff, chief_executive = client_for(Role.STAFF), client_for(Role.CHIEF_EXECUTIVE)
    assert staff.post(url, {"quarter": quarter, "value": "70", "version": 0}).status_code == 302
    opened = staff.get(f"{url}?quarter={quarter}").content.decode()
    assert 'name="version" value="1"' in opened
    assert staff.post(url, {"quarter": quarter, "value": "71", "version": 1}).status_code == 302
    second = chief_executive.post(
        url, {"quarter": quarter, "value": "72", "note": "MY-TYPING note", "version": 1}
    )
    assert second.status_code == 409
    page = second.content.decode()
    assert "Someone else saved this quarter" in page
    assert "MY-TYPING note" in page
    assert 'name="version" value="2"' in page
    value = MeasureValue.objects.get()
    assert value.value == Decimal("71")
    assert value.version == 2


def test_record_value_refuses_a_figure_recorded_meanwhile(people):
    measure = MeasureFactory()
    staff = people[Role.STAFF]
    quarter = datetime.date(2026, 10, 1)
    plan_services.record_value(staff, measure, quarter=quarter, value=Decimal("70"))
    with pytest.raises(meeting_services.ConcurrentEdit):
        plan_services.record_value(staff, measure, quarter=quarter, value=Decimal("80"))
    assert MeasureValue.objects.get().value == Decimal("70")


def test_the_measure_page_opens_a_correction_on_the_figure_and_its_version(client_for, people):
    measure = MeasureFactory()
    quarter = datetime.date(2026, 10, 1)
    plan_services.record_value(people[Role.STAFF], measure, quarter=quarter, value=Decimal("70"))
    page = client_for(Role.STAFF).get(measure.get_absolute_url()).content.decode()
    link = f"/scrutiny/plan/measures/{measure.pk}/values/new/?quarter=2026-10-01"
    assert link in page
    form = client_for(Role.STAFF).get(link).content.decode()
    assert 'name="version" value="1"' in form
    assert 'value="70.00"' in form
