"""Changing a planned visit re-runs the checks of planning one; cancelling a visit closes the
draft findings of a visit that never happened, with a note, so none stays open for ever."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from custody_visits.models import FindingStatus
from custody_visits.services import rota as services
from opcc.roles import Role
from tests.custody_visits.factories import (
    CustodySuiteFactory,
    CustodyVisitFactory,
    FindingFactory,
    VisitorFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_23_november_2026")]

WEEK = datetime.date(2026, 11, 30)
NEXT_WEEK = datetime.date(2026, 12, 7)


@pytest.fixture
def manager(people):
    return people[Role.STAFF]


@pytest.fixture
def planned(manager):
    return services.plan_visit(
        manager,
        suite=CustodySuiteFactory(),
        week_starting=WEEK,
        visitors=[VisitorFactory(), VisitorFactory()],
    )


def team(visit) -> set[int]:
    return set(visit.assignments.values_list("visitor_id", flat=True))


def test_cancelling_a_visit_closes_its_draft_findings_with_a_note(manager, me, partner):
    visit = CustodyVisitFactory(visitors=[me, partner])
    finding = FindingFactory(visit=visit)
    services.cancel_visit(manager, visit, reason="Suite closed by a flood")
    finding.refresh_from_db()
    assert finding.status == FindingStatus.CLOSED
    assert finding.closed_by == manager and finding.closed_on == datetime.date(2026, 11, 23)
    assert finding.closed_note == "The visit was cancelled: Suite closed by a flood"
    assert finding.history.first().history_user == manager


def test_a_planned_visit_moves_week_and_changes_visitors(manager, planned):
    first, second = VisitorFactory(), VisitorFactory()
    kept = planned.assignments.first().visitor
    services.change_planned_visit(
        manager, planned, week_starting=datetime.date(2026, 12, 9), visitors=[kept, first]
    )
    planned.refresh_from_db()
    assert planned.week_starting == NEXT_WEEK
    assert team(planned) == {kept.pk, first.pk}
    services.change_planned_visit(manager, planned, week_starting=WEEK, visitors=[first, second])
    assert team(planned) == {first.pk, second.pk}


@pytest.mark.parametrize(
    ("make_team", "message"),
    [
        (lambda: [VisitorFactory()], "Choose at least 2 visitors"),
        (lambda: [VisitorFactory(is_active=False), VisitorFactory()], "is not an active visitor"),
        (
            lambda: [
                VisitorFactory(vetting_expires_on=datetime.date(2026, 12, 8)),
                VisitorFactory(),
            ],
            "before the end of that week",
        ),
    ],
)
def test_a_change_is_checked_like_a_plan_and_saves_nothing_when_refused(
    manager, planned, make_team, message
):
    before = team(planned)
    with pytest.raises(ValidationError, match=message):
        services.change_planned_visit(
            manager, planned, week_starting=NEXT_WEEK, visitors=make_team()
        )
    planned.refresh_from_db()
    assert planned.week_starting == WEEK and team(planned) == before


def test_a_change_cannot_put_a_visitor_on_two_visits_in_a_week(manager, planned):
    busy = VisitorFactory()
    services.plan_visit(
        manager,
        suite=CustodySuiteFactory(),
        week_starting=NEXT_WEEK,
        visitors=[busy, VisitorFactory()],
    )
    with pytest.raises(ValidationError, match="already on a visit that week"):
        services.change_planned_visit(
            manager, planned, week_starting=NEXT_WEEK, visitors=[busy, VisitorFactory()]
        )


def test_only_the_scheme_manager_changes_a_planned_visit_not_yet_reported(people, planned):
    visitors = [VisitorFactory(), VisitorFactory()]
    with pytest.raises(PermissionDenied):
        services.change_planned_visit(
            people[Role.PCC], planned, week_starting=NEXT_WEEK, visitors=visitors
        )
    services.cancel_visit(people[Role.STAFF], planned, reason="Duplicate")
    with pytest.raises(ValidationError, match="Only a planned visit"):
        services.change_planned_visit(
            people[Role.STAFF], planned, week_starting=NEXT_WEEK, visitors=visitors
        )


def test_the_change_page_refuses_bad_input_and_saves_nothing(client_for, planned):
    client = client_for(Role.STAFF)
    url = reverse("custody_visits:visit_change", kwargs={"code": planned.code})
    assert url in client.get(planned.get_absolute_url()).content.decode()
    page = client.get(url)
    assert page.status_code == 200
    assert set(page.context["form"].initial["visitors"]) == team(planned)
    before = team(planned)
    lone = VisitorFactory()
    for data, field, error in (
        ({"week": "", "visitors": [lone.pk]}, "week", "Choose the week of the visit"),
        ({"week": "1999-01-04", "visitors": [lone.pk]}, "week", "Choose a week from the list"),
        ({"week": NEXT_WEEK.isoformat(), "visitors": [lone.pk]}, "visitors", "Choose at least 2"),
        ({"week": NEXT_WEEK.isoformat(), "visitors": ["x"]}, "visitors", "Choose visitors"),
    ):
        response = client.post(url, data)
        assert response.status_code == 400
        assert error in " ".join(response.context["form"].errors[field])
    planned.refresh_from_db()
    assert planned.week_starting == WEEK and team(planned) == before
    response = client.post(
        url, {"week": NEXT_WEEK.isoformat(), "visitors": [lone.pk, VisitorFactory().pk]}
    )
    assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.week_starting == NEXT_WEEK
