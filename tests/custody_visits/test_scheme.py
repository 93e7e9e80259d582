"""The scheme's standing records: suites and visitors (forms refuse bad input), vetting tags,
the daily flag of coming vetting expiries (once per expiry), the panel, and the demo scheme."""

import datetime

import pytest
from django.urls import reverse

from custody_visits.models import (
    CustodySuite,
    CustodyVisit,
    DetaineeOutcome,
    DetaineeRecord,
    Finding,
    FindingStatus,
    Visitor,
    VisitStatus,
)
from custody_visits.seed_scheme import seed_scheme
from custody_visits.services import scheme as services
from custody_visits.tasks import flag_vetting_expiries
from opcc.models import OutboundMessage, User
from opcc.roles import Role
from opcc.seed import seed_people
from tests.custody_visits.factories import CustodySuiteFactory, VisitorFactory
from tests.opcc.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_23_november_2026")]

SUITE = {
    "name": "Westgate Police Station",
    "address": "1 West Street",
    "cells": "12",
    "visits_per_month_target": "4",
    "is_open": "yes",
}
VISITOR = {
    "appointed_on_0": "1",
    "appointed_on_1": "4",
    "appointed_on_2": "2026",
    "vetting_expires_on_0": "31",
    "vetting_expires_on_1": "3",
    "vetting_expires_on_2": "2029",
    "training_completed_on_0": "",
    "training_completed_on_1": "",
    "training_completed_on_2": "",
    "is_active": "yes",
}


def test_a_suite_is_added_and_closed(client_for):
    client = client_for(Role.STAFF)
    response = client.post(reverse("custody_visits:suite_add"), SUITE)
    assert response.status_code == 302
    suite = CustodySuite.objects.get(name="Westgate Police Station")
    assert suite.cells == 12 and suite.is_open
    change = reverse("custody_visits:suite_change", kwargs={"pk": suite.pk})
    assert 'value="Westgate Police Station"' in client.get(change).content.decode()
    client.post(change, SUITE | {"is_open": "no"})
    suite.refresh_from_db()
    assert not suite.is_open
    assert "Closed" in client.get(reverse("custody_visits:suites")).content.decode()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name": ""}, "name", "Enter the suite's name"),
        ({"cells": "many"}, "cells", "must be a whole number"),
        ({"is_open": ""}, "is_open", "Choose whether the suite is open"),
    ],
)
def test_bad_suite_input_is_refused(client_for, change, field, message):
    response = client_for(Role.STAFF).post(reverse("custody_visits:suite_add"), SUITE | change)
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not CustodySuite.objects.exists()


def test_a_duplicate_suite_name_is_refused_next_to_the_name(client_for):
    CustodySuiteFactory(name="Westgate Police Station")
    response = client_for(Role.STAFF).post(reverse("custody_visits:suite_add"), SUITE)
    assert response.status_code == 400
    assert response.context["form"].errors["name"]


def test_an_existing_person_with_the_visitor_role_is_appointed(client_for):
    person = UserFactory(role=Role.VISITOR)
    response = client_for(Role.STAFF).post(
        reverse("custody_visits:visitor_add"), VISITOR | {"user": person.pk}
    )
    assert response.status_code == 302
    visitor = Visitor.objects.get(user=person)
    assert visitor.vetting_expires_on == datetime.date(2029, 3, 31)
    assert visitor.training_completed_on is None


def test_a_new_visitor_gets_an_account(client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(Role.STAFF).post(
            reverse("custody_visits:visitor_add"),
            VISITOR | {"user": "", "full_name": "Nia Ford", "email": "Nia@Example.org"},
        )
    assert response.status_code == 302
    user = User.objects.get(email="nia@example.org")
    assert user.role == Role.VISITOR and user.groups.filter(name="visitor").exists()
    assert user.custody_visitor.appointed_on == datetime.date(2026, 4, 1)
    assert OutboundMessage.objects.filter(kind="account_created", to=user.email).exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"user": ""}, "full_name", "Enter the new visitor's full name"),
        ({"user": "", "full_name": "Nia Ford"}, "email", "Enter the new visitor's email"),
        ({"appointed_on_0": "30", "appointed_on_1": "2"}, "appointed_on", "must be a real date"),
        ({"vetting_expires_on_2": "2025"}, "vetting_expires_on", "after the date of appointment"),
        ({"appointed_on_2": "2027"}, "appointed_on", "must be today or in the past"),
    ],
)
def test_bad_visitor_input_is_refused(client_for, change, field, message):
    person = UserFactory(role=Role.VISITOR)
    data = VISITOR | {"user": person.pk} | change
    response = client_for(Role.STAFF).post(reverse("custody_visits:visitor_add"), data)
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not Visitor.objects.exists()


def test_only_people_with_the_visitor_role_are_offered(client_for):
    staff_member = UserFactory(role=Role.STAFF)
    response = client_for(Role.STAFF).post(
        reverse("custody_visits:visitor_add"), VISITOR | {"user": staff_member.pk}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["user"] == ["Choose a person with the visitor role"]


def test_the_list_tags_lapsed_and_expiring_vetting(client_for):
    lapsed = VisitorFactory(vetting_expires_on=datetime.date(2026, 11, 22))
    soon = VisitorFactory(vetting_expires_on=datetime.date(2027, 1, 22))  # today + 60 days
    later = VisitorFactory(vetting_expires_on=datetime.date(2027, 1, 23))
    response = client_for(Role.STAFF).get(reverse("custody_visits:visitors"))
    tags = dict(response.context["rows"])
    assert (tags[lapsed], tags[soon], tags[later]) == ("lapsed", "expiring", "")
    assert "Vetting lapsed" in response.content.decode()


def test_coming_expiries_are_flagged_to_the_scheme_manager_once_per_expiry(
    people, django_capture_on_commit_callbacks
):
    soon = VisitorFactory(vetting_expires_on=datetime.date(2027, 1, 22))
    VisitorFactory(vetting_expires_on=datetime.date(2027, 1, 23))  # 61 days: not yet
    VisitorFactory(vetting_expires_on=datetime.date(2026, 12, 1), is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert flag_vetting_expiries.delay().get() == 1
        assert services.flag_vetting_expiries() == 0
    messages = OutboundMessage.objects.filter(kind="custody_visits_vetting_expiry")
    assert sorted(m.to for m in messages) == sorted(
        [people[Role.STAFF].email, people[Role.CHIEF_EXECUTIVE].email]
    )
    assert all("expires on 22 January 2027" in m.body_text for m in messages)
    # Renewed, then coming up again: a new expiry is a new flag.
    services.change_visitor(people[Role.STAFF], soon, vetting_expires_on=datetime.date(2027, 1, 10))
    assert services.flag_vetting_expiries() == 1


def test_the_panel_lists_coming_expiries_for_the_scheme_manager(client_for):
    soon = VisitorFactory(vetting_expires_on=datetime.date(2026, 12, 24))
    html = client_for(Role.STAFF).get(reverse("dashboard")).content.decode()
    assert "Visitors&#x27; vetting" in html or "Visitors' vetting" in html
    assert soon.user.full_name in html and "expires on 24 December 2026" in html
    assert (
        soon.user.full_name not in client_for(Role.PCC).get(reverse("dashboard")).content.decode()
    )


def test_the_demo_scheme_has_a_year_of_visits_and_is_idempotent():
    seed_people(0, lambda line: None)
    seed_scheme(0, lambda line: None)
    counts = (CustodyVisit.objects.count(), Finding.objects.count(), Visitor.objects.count())
    seed_scheme(0, lambda line: None)
    assert (CustodyVisit.objects.count(), Finding.objects.count(), Visitor.objects.count()) == (
        counts
    )
    assert CustodySuite.objects.filter(is_open=False).count() == 1
    assert Visitor.objects.count() == 12
    assert Visitor.objects.filter(vetting_expires_on__lt=datetime.date(2026, 11, 23)).count() == 1
    assert CustodyVisit.objects.filter(status=VisitStatus.REVIEWED).count() >= 200
    assert CustodyVisit.objects.filter(
        status=VisitStatus.PLANNED, week_starting__gt=datetime.date(2026, 11, 23)
    ).exists()
    demo = Visitor.objects.get(user__email="visitor@opcc.example")
    waiting = CustodyVisit.objects.get(status=VisitStatus.SUBMITTED)
    assert waiting.is_visitor(demo.user) and waiting.submitted_by != demo.user
    assert set(DetaineeRecord.objects.values_list("outcome", flat=True)) == set(
        DetaineeOutcome.values
    )
    assert set(Finding.objects.values_list("status", flat=True)) == set(FindingStatus.values)
    assert Finding.objects.overdue(datetime.date(2026, 11, 23)).exists()
    demo_visits = CustodyVisit.objects.count()
    seed_scheme(40, lambda line: None)
    seed_scheme(40, lambda line: None)
    assert CustodyVisit.objects.count() - demo_visits == 8  # --scale N: N/5 visits, once


@pytest.mark.parametrize("rows", [3, 30])
def test_suite_and_visitor_lists_queries_do_not_grow(
    rows, client_for, django_assert_max_num_queries
):
    CustodySuiteFactory.create_batch(rows)
    VisitorFactory.create_batch(rows)
    client = client_for(Role.STAFF)
    for name in ("suites", "visitors"):
        with django_assert_max_num_queries(10):
            response = client.get(reverse(f"custody_visits:{name}"))
        assert response.context["page"].paginator.count == rows


def test_the_landing_page_links_to_each_area_the_person_may_use(client_for):
    links = {
        "custody_visits:rota",
        "custody_visits:suites",
        "custody_visits:visitors",
        "custody_visits:visit_reports",
        "custody_visits:findings",
        "custody_visits:reports",
    }
    staff = client_for(Role.STAFF).get(reverse("custody_visits:landing")).content.decode()
    assert all(f'href="{reverse(name)}"' in staff for name in links)
    visitor = client_for(Role.VISITOR).get(reverse("custody_visits:landing")).content.decode()
    assert f'href="{reverse("custody_visits:my_visits")}"' in visitor
    assert f'href="{reverse("custody_visits:rota")}"' not in visitor
    pcc = client_for(Role.PCC).get(reverse("custody_visits:landing")).content.decode()
    assert f'href="{reverse("custody_visits:findings")}"' in pcc
    assert f'href="{reverse("custody_visits:rota")}"' not in pcc
