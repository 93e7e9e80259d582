"""What the report's rules add up to: a detainee or finding changed by one visitor is a change the
other must see before submitting; a visit may run past midnight; a visitor stood down (inactive)
loses the rota and the reports of their visits."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from custody_visits.models import Condition, CustodyVisit, DetaineeOutcome, VisitStatus
from custody_visits.services import visit_reports as services
from custody_visits.services.common import ConcurrentEdit
from opcc.roles import Role
from tests.custody_visits.factories import (
    CustodyVisitFactory,
    DetaineeRecordFactory,
    FindingFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_23_november_2026")]


@pytest.fixture
def filled(me, partner):
    """A visit on Wednesday 4 November 2026 with every answer given, not yet submitted."""
    visit = CustodyVisitFactory(
        visitors=[me, partner],
        week_starting=datetime.date(2026, 11, 2),
        visited_on=datetime.date(2026, 11, 4),
        arrived_at=datetime.time(19, 30),
        departed_at=datetime.time(21, 0),
        admission_delayed=False,
        detainees_in_custody=3,
        cleanliness=Condition.GOOD,
        temperature=Condition.GOOD,
        equipment=Condition.ADEQUATE,
    )
    DetaineeRecordFactory(visit=visit)
    return visit


def url(name, visit):
    return reverse(f"custody_visits:{name}", kwargs={"code": visit.code})


def version_of(visit) -> int:
    return CustodyVisit.objects.get(pk=visit.pk).version


def add_detainee(actor, visit):
    return services.save_detainee(
        actor, visit, custody_number="11/XYZ/7001", outcome=DetaineeOutcome.DECLINED
    )


def add_finding(actor, visit):
    return services.save_finding(
        actor, visit, category="food", severity="low", description="No hot drinks offered."
    )


@pytest.mark.parametrize(
    "change",
    [
        add_detainee,
        add_finding,
        lambda actor, visit: services.remove_detainee(actor, visit.detainees.get()),
        lambda actor, visit: services.save_detainee(
            actor, visit, detainee=visit.detainees.get(), rights_offered=False
        ),
        lambda actor, visit: services.remove_finding(
            actor, FindingFactory(visit=visit, status="open")
        ),
    ],
    ids=["add detainee", "add finding", "remove detainee", "change detainee", "remove finding"],
)
def test_a_detainee_or_finding_changed_by_the_other_visitor_stops_a_stale_submit(
    me, partner, filled, change
):
    checked = version_of(filled)  # what I read on "check your answers"
    change(partner.user, filled)
    assert version_of(filled) > checked
    with pytest.raises(ConcurrentEdit):
        services.submit_report(me.user, filled, expected_version=checked)
    services.submit_report(me.user, filled, expected_version=version_of(filled))
    assert CustodyVisit.objects.get(pk=filled.pk).status == VisitStatus.SUBMITTED


def test_the_check_page_refuses_a_submit_after_the_other_visitor_added_a_detainee(
    client_for, partner, filled
):
    checked = version_of(filled)
    add_detainee(partner.user, filled)
    response = client_for(Role.VISITOR).post(url("report_check", filled), {"version": checked})
    assert response.status_code == 409
    assert "11/XYZ/7001" in response.content.decode()


def test_an_overnight_visit_left_after_midnight_is_accepted(client_for, me, filled):
    client = client_for(Role.VISITOR)
    response = client.post(
        url("report_details", filled),
        {
            "version": version_of(filled),
            "visited_on_0": "4",
            "visited_on_1": "11",
            "visited_on_2": "2026",
            "arrived_at": "23:30",
            "departed_at": "00:45",
            "detainees_in_custody": "3",
        },
    )
    assert response.status_code == 302
    filled.refresh_from_db()
    assert (filled.arrived_at, filled.departed_at) == (datetime.time(23, 30), datetime.time(0, 45))
    assert filled.left_after_midnight
    assert "00:45 the next day" in client.get(url("report_check", filled)).content.decode()
    services.submit_report(me.user, filled, expected_version=filled.version)


def test_a_visitor_stood_down_no_longer_sees_their_visits(client_for, me, partner, filled):
    client = client_for(Role.VISITOR)
    assert client.get(url("visit", filled)).status_code == 200
    me.is_active = False
    me.save()
    assert client.get(url("visit", filled)).status_code == 404
    assert client.get(url("report_details", filled)).status_code == 404
    listing = client.get(reverse("custody_visits:my_visits"))
    assert listing.context["page"].paginator.count == 0
    assert filled.get_absolute_url() not in client.get(reverse("dashboard")).content.decode()
    assert not CustodyVisit.objects.visible_to(me.user).exists()
    assert CustodyVisit.objects.visible_to(partner.user).get() == filled


def test_a_visitor_stood_down_cannot_file_or_confirm(me, partner, filled):
    services.submit_report(partner.user, filled, expected_version=filled.version)
    me.is_active = False
    me.save()
    with pytest.raises(PermissionDenied):
        services.confirm_report(me.user, filled)
    other = CustodyVisitFactory(
        visitors=[me, partner], visited_on=datetime.date(2026, 11, 4), detainees_in_custody=0
    )
    with pytest.raises(PermissionDenied):
        services.update_report(me.user, other, expected_version=1, suite_notes="Clean.")
    with pytest.raises(PermissionDenied):
        add_detainee(me.user, other)
    assert CustodyVisit.objects.get(pk=filled.pk).status == VisitStatus.SUBMITTED
