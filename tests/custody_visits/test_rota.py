"""The rota: at least two visitors, never the same person twice, never a visitor whose vetting
lapses before the week ends (or who is inactive or untrained), never a closed suite, never the
same team as either visitor's previous visit; seen only by the scheme manager and the visitors."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from custody_visits.models import CustodyVisit, VisitStatus
from custody_visits.services import rota as services
from opcc.roles import Role
from tests.custody_visits.factories import (
    CustodySuiteFactory,
    CustodyVisitFactory,
    VisitorFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_23_november_2026")]

WEEK = datetime.date(2026, 11, 30)  # a Monday; the week ends on Sunday 6 December


@pytest.fixture
def manager(people):
    return people[Role.STAFF]


@pytest.fixture
def suite(db):
    return CustodySuiteFactory()


def plan(manager, suite, *visitors, week=WEEK):
    return services.plan_visit(manager, suite=suite, week_starting=week, visitors=list(visitors))


def refusal(manager, suite, *visitors, week=WEEK) -> str:
    with pytest.raises(ValidationError) as error:
        plan(manager, suite, *visitors, week=week)
    return " ".join(error.value.messages)


def test_a_visit_is_planned_for_the_week_with_its_visitors(manager, suite):
    first, second = VisitorFactory(), VisitorFactory()
    visit = plan(manager, suite, first, second, week=datetime.date(2026, 12, 2))
    assert visit.week_starting == WEEK  # any day of the week files it under its Monday
    assert set(visit.assignments.values_list("visitor", flat=True)) == {first.pk, second.pk}
    assert visit.status == VisitStatus.PLANNED
    assert visit.history.first().history_user == manager


def test_two_visitors_minimum(manager, suite):
    assert "Choose at least 2 visitors" in refusal(manager, suite, VisitorFactory())


def test_the_same_person_cannot_be_both_visitors(manager, suite):
    visitor = VisitorFactory()
    assert "Choose each visitor only once" in refusal(manager, suite, visitor, visitor)


@pytest.mark.parametrize(
    ("expires", "allowed"),
    [(datetime.date(2026, 12, 6), True), (datetime.date(2026, 12, 5), False)],
)
def test_vetting_must_last_to_the_end_of_the_week(manager, suite, expires, allowed):
    lapsing = VisitorFactory(vetting_expires_on=expires)
    if allowed:
        assert plan(manager, suite, lapsing, VisitorFactory())
    else:
        message = refusal(manager, suite, lapsing, VisitorFactory())
        assert "vetting lapses on 5 December 2026, before the end of that week" in message


def test_inactive_and_untrained_visitors_cannot_visit(manager, suite):
    inactive = VisitorFactory(is_active=False)
    untrained = VisitorFactory(training_completed_on=None)
    message = refusal(manager, suite, inactive, untrained)
    assert "is not an active visitor" in message
    assert "has not completed their training" in message


def test_a_closed_suite_cannot_be_visited(manager):
    closed = CustodySuiteFactory(is_open=False)
    assert "is closed" in refusal(manager, closed, VisitorFactory(), VisitorFactory())


def test_never_the_same_pair_as_either_visitors_previous_visit(manager, suite):
    first, second, third = VisitorFactory(), VisitorFactory(), VisitorFactory()
    plan(manager, suite, first, second, week=datetime.date(2026, 11, 23))
    assert "previous visit was with the same visitors" in refusal(manager, suite, second, first)
    assert plan(manager, suite, first, third)
    # first's previous visit is now with third; second's is still with first.
    assert "previous visit was with the same visitors" in refusal(
        manager, suite, first, second, week=datetime.date(2026, 12, 7)
    )


def test_never_the_same_pair_as_either_visitors_next_visit_when_planned_out_of_order(
    manager, suite
):
    first, second = VisitorFactory(), VisitorFactory()
    plan(manager, suite, first, second, week=datetime.date(2026, 12, 14))
    # Planned earlier in the rota after the later visit: the next visit counts as well.
    assert "next visit is with the same visitors" in refusal(manager, suite, second, first)
    assert not CustodyVisit.objects.filter(week_starting=WEEK).exists()


def test_a_visitor_cannot_be_on_two_visits_in_one_week(manager, suite):
    first, second, third, fourth = (VisitorFactory() for _ in range(4))
    plan(manager, suite, first, second)
    other_suite = CustodySuiteFactory()
    # The same pair again that week, and one of them with someone else: both refused.
    assert "is already on a visit that week" in refusal(manager, other_suite, first, second)
    message = refusal(manager, other_suite, third, second, week=WEEK + datetime.timedelta(days=3))
    assert f"{second} is already on a visit that week" in message and str(third) not in message
    assert plan(manager, other_suite, third, fourth)
    assert CustodyVisit.objects.filter(week_starting=WEEK).count() == 2


def test_a_cancelled_visit_does_not_count_as_the_previous_one(manager, suite):
    first, second = VisitorFactory(), VisitorFactory()
    earlier = plan(manager, suite, first, second, week=datetime.date(2026, 11, 23))
    services.cancel_visit(manager, earlier, reason="Suite closed for repairs")
    assert plan(manager, suite, first, second)


def test_only_the_scheme_manager_plans_and_cancels(people, suite):
    with pytest.raises(PermissionDenied):
        plan(people[Role.PCC], suite, VisitorFactory(), VisitorFactory())
    visit = CustodyVisitFactory()
    with pytest.raises(ValidationError, match="Enter why"):
        services.cancel_visit(people[Role.CHIEF_EXECUTIVE], visit, reason=" ")
    services.cancel_visit(people[Role.CHIEF_EXECUTIVE], visit, reason="Duplicate")
    visit.refresh_from_db()
    assert visit.status == VisitStatus.CANCELLED and visit.cancelled_reason == "Duplicate"


def test_the_plan_page_refuses_bad_input_next_to_the_field(client_for, suite):
    client = client_for(Role.STAFF)
    page = client.get(reverse("custody_visits:visit_plan"))
    assert "Week beginning 23 November 2026" in page.content.decode()
    one = VisitorFactory()
    response = client.post(
        reverse("custody_visits:visit_plan"),
        {"suite": suite.pk, "week": "2031-01-06", "visitors": [one.pk]},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["week"] == ["Choose a week from the list"]
    response = client.post(
        reverse("custody_visits:visit_plan"),
        {"suite": suite.pk, "week": WEEK.isoformat(), "visitors": [one.pk]},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["visitors"] == ["Choose at least 2 visitors"]
    assert not CustodyVisit.objects.exists()
    two = VisitorFactory()
    response = client.post(
        reverse("custody_visits:visit_plan"),
        {"suite": suite.pk, "week": WEEK.isoformat(), "visitors": [one.pk, two.pk]},
    )
    assert response["Location"] == reverse("custody_visits:rota") + "?month=2026-11"
    assert one.user.full_name in client.get(response["Location"]).content.decode()


def test_a_visitor_sees_only_their_own_visits(client_for, me, partner):
    mine = CustodyVisitFactory(visitors=[me, partner])
    theirs = CustodyVisitFactory(visitors=[partner, VisitorFactory()])
    html = client_for(Role.VISITOR).get(reverse("custody_visits:my_visits")).content.decode()
    assert mine.get_absolute_url() in html and theirs.get_absolute_url() not in html
    assert client_for(Role.VISITOR).get(theirs.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("rows", [3, 30])
def test_rota_and_my_visits_queries_do_not_grow(
    rows, client_for, me, partner, django_assert_max_num_queries
):
    for n in range(rows):
        CustodyVisitFactory(
            visitors=[me, partner, VisitorFactory()],
            week_starting=datetime.date(2026, 11, 2) + datetime.timedelta(weeks=n % 4),
        )
    manager, visitor = client_for(Role.STAFF), client_for(Role.VISITOR)
    with django_assert_max_num_queries(12):
        response = manager.get(reverse("custody_visits:rota") + "?month=2026-11")
    assert response.context["page"].paginator.count == rows
    with django_assert_max_num_queries(12):
        response = visitor.get(reverse("custody_visits:my_visits"))
    assert response.context["page"].paginator.count == rows


@pytest.mark.parametrize("month", ["2026-13", "9999-12", "0001-01", "1999-12", "2101-01", "x"])
def test_a_bad_month_shows_this_month(client_for, month):
    # The first and last months a date can hold have no month before or after them (a 500).
    response = client_for(Role.STAFF).get(reverse("custody_visits:rota") + f"?month={month}")
    assert response.status_code == 200
    assert response.context["month"] == datetime.date(2026, 11, 1)


@pytest.mark.parametrize(
    ("month", "first"),
    [("2000-01", datetime.date(2000, 1, 1)), ("2100-12", datetime.date(2100, 12, 1))],
)
def test_the_rota_reaches_its_first_and_last_years(client_for, month, first):
    response = client_for(Role.STAFF).get(reverse("custody_visits:rota") + f"?month={month}")
    assert response.status_code == 200
    assert response.context["month"] == first


def test_the_cancel_page_needs_a_reason_and_cancels(client_for, me, partner):
    visit = CustodyVisitFactory(visitors=[me, partner])
    client = client_for(Role.STAFF)
    url = reverse("custody_visits:visit_cancel", kwargs={"code": visit.code})
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    assert response.context["form"].errors["reason"] == ["Enter why the visit is cancelled"]
    assert client.post(url, {"reason": "Suite closed by a flood"}).status_code == 302
    visit.refresh_from_db()
    assert visit.status == VisitStatus.CANCELLED
    assert "Suite closed by a flood" in client.get(visit.get_absolute_url()).content.decode()
