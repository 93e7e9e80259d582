"""Protocol concerns: routing (the Chief Executive never receives, sees or closes a concern about
themselves), who may record one, the Monitoring Officer's pages, bad input, query counts and
the demo data."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from complaints.models import ConcernAbout, ConcernRoute, ProtocolConcern
from complaints.seed_concerns import seed_concerns
from complaints.services import concerns as services
from opcc.models import OutboundMessage
from opcc.roles import Role
from tests.opcc.factories import UserFactory

pytestmark = pytest.mark.django_db

JASC_CHAIR = "chair@jasc.example"
FORM = {
    "about": ConcernAbout.PCC,
    "raised_by": "Owen Roberts",
    "raised_by_email": "owen.roberts@opcc.example",
    "received_on_0": "2",
    "received_on_1": "11",
    "received_on_2": "2026",
    "description": "The Commissioner asked for a recommendation to be changed.",
}


@pytest.fixture(autouse=True)
def audit_committee_chair(settings):
    settings.AUDIT_COMMITTEE_CHAIR_EMAIL = JASC_CHAIR
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


def raise_one(actor, about=ConcernAbout.PCC, **changes):
    data = {
        "raised_by": "Owen Roberts",
        "raised_by_email": "",
        "about": about,
        "description": "Told staff not to minute an interest.",
        "received_on": datetime.date(2026, 11, 2),
    } | changes
    return services.raise_concern(actor, **data)


def test_concern_about_the_chief_executive_goes_to_the_audit_committee_chair_only(
    people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        concern = raise_one(people[Role.STAFF], ConcernAbout.CHIEF_EXECUTIVE)

    assert concern.routed_to == ConcernRoute.AUDIT_COMMITTEE_CHAIR
    assert [message.to for message in mail.outbox] == [[JASC_CHAIR]]
    assert "Told staff not to minute an interest." in mail.outbox[0].body
    chief_executive = people[Role.CHIEF_EXECUTIVE]
    assert not OutboundMessage.objects.filter(to=chief_executive.email).exists()
    assert not OutboundMessage.objects.filter(recipient=chief_executive).exists()


def test_audit_committee_chair_has_a_default_address(people, settings):
    del settings.AUDIT_COMMITTEE_CHAIR_EMAIL

    raise_one(people[Role.STAFF], ConcernAbout.CHIEF_EXECUTIVE)

    assert list(OutboundMessage.objects.values_list("to", flat=True)) == ["jasc.chair@opcc.example"]


@pytest.mark.parametrize(
    "about",
    [ConcernAbout.PCC, ConcernAbout.DEPUTY, ConcernAbout.CHIEF_FINANCE_OFFICER, ConcernAbout.OTHER],
)
def test_every_other_concern_goes_to_each_active_monitoring_officer(
    about, people, django_capture_on_commit_callbacks
):
    second = UserFactory(role=Role.CHIEF_EXECUTIVE, email="interim.ce@opcc.example")
    UserFactory(role=Role.CHIEF_EXECUTIVE, email="former.ce@opcc.example", is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        concern = raise_one(people[Role.CHIEF_EXECUTIVE], about)

    assert concern.routed_to == ConcernRoute.MONITORING_OFFICER
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [people[Role.CHIEF_EXECUTIVE].email, second.email]
    )


def test_subject_line_does_not_say_who_the_concern_is_about(people):
    # Staff and the Chief Executive read every notification's subject on the outbox page.
    raise_one(people[Role.STAFF], ConcernAbout.CHIEF_EXECUTIVE)

    subject = OutboundMessage.objects.get().subject
    assert "Chief Executive" not in subject and "Owen" not in subject


@pytest.mark.parametrize("role", [Role.PCC, Role.DEPUTY, Role.CFO, Role.PANEL, Role.VISITOR])
def test_only_staff_and_the_chief_executive_record_concerns(role, people):
    with pytest.raises(PermissionDenied):
        raise_one(people[role])
    assert not ProtocolConcern.objects.exists()


def test_service_refuses_a_future_date_and_an_unknown_subject(people):
    with pytest.raises(ValidationError) as error:
        raise_one(people[Role.STAFF], "the_cleaner", received_on=datetime.date(2099, 1, 1))
    assert set(error.value.message_dict) == {"about", "received_on"}
    assert not ProtocolConcern.objects.exists() and not OutboundMessage.objects.exists()


def test_chief_executive_never_sees_a_concern_about_themselves(people, client_for):
    about_them = raise_one(people[Role.STAFF], ConcernAbout.CHIEF_EXECUTIVE)
    about_pcc = raise_one(people[Role.STAFF], ConcernAbout.PCC, description="About the PCC")
    client = client_for(Role.CHIEF_EXECUTIVE)

    listing = client.get(reverse("complaints:concerns")).content.decode()
    assert reverse("complaints:concern", args=[about_pcc.code]) in listing
    assert str(about_them.code) not in listing
    assert "Told staff not to minute" not in listing
    for name in ("complaints:concern", "complaints:concern_close"):
        assert client.get(reverse(name, args=[about_them.code])).status_code == 404
    response = client.post(reverse("complaints:concern_close", args=[about_them.code]), {})
    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        services.close_concern(people[Role.CHIEF_EXECUTIVE], about_them, outcome="Nothing")
    assert ProtocolConcern.objects.get(pk=about_them.pk).closed_on is None


def test_concern_about_the_chief_executive_is_hidden_even_if_routed_wrongly(people):
    # Belt and braces: the conflict rule holds whatever the route says.
    concern = raise_one(people[Role.STAFF], ConcernAbout.CHIEF_EXECUTIVE)
    ProtocolConcern.objects.filter(pk=concern.pk).update(routed_to=ConcernRoute.MONITORING_OFFICER)

    assert not services.concerns_visible_to(people[Role.CHIEF_EXECUTIVE]).exists()


def test_staff_recording_a_concern_see_a_confirmation_only(people, client_for):
    client = client_for(Role.STAFF)

    response = client.post(
        reverse("complaints:concern_add"), FORM | {"about": ConcernAbout.CHIEF_EXECUTIVE}
    )

    concern = ProtocolConcern.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("complaints:concern_recorded")
    page = client.get(response["Location"]).content.decode()
    assert "Chair of the Joint Audit and Standards Committee" in page
    assert FORM["description"] not in page and str(concern.code) not in page
    assert client.get(reverse("complaints:concern", args=[concern.code])).status_code == 403
    # The confirmation is shown once.
    assert client.get(reverse("complaints:concern_recorded")).status_code == 302


def test_chief_executive_recording_a_concern_is_taken_to_it(client_for):
    response = client_for(Role.CHIEF_EXECUTIVE).post(reverse("complaints:concern_add"), FORM)

    concern = ProtocolConcern.objects.get()
    assert response["Location"] == reverse("complaints:concern", args=[concern.code])
    assert concern.raised_by_email == "owen.roberts@opcc.example"
    assert concern.received_on == datetime.date(2026, 11, 2)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"about": ""}, "Choose who the concern is about"),
        ({"about": "the_cleaner"}, "Choose who the concern is about"),
        ({"raised_by": " "}, "Enter who raised the concern"),
        ({"raised_by_email": "not-an-address"}, "Enter an email address in the correct format"),
        ({"description": ""}, "Enter what the concern is"),
        ({"received_on_2": "2099"}, "must be today or in the past"),
        ({"received_on_0": "31", "received_on_1": "2"}, "must be a real date"),
    ],
)
def test_record_form_refuses_bad_input_and_saves_nothing(changes, message, client_for):
    response = client_for(Role.STAFF).post(reverse("complaints:concern_add"), FORM | changes)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProtocolConcern.objects.exists() and not OutboundMessage.objects.exists()


def test_chief_executive_closes_a_concern_with_its_outcome(people, client_for):
    concern = raise_one(people[Role.STAFF])
    client = client_for(Role.CHIEF_EXECUTIVE)
    url = reverse("complaints:concern_close", args=[concern.code])

    empty = client.post(url, {"outcome": "  "})
    assert empty.status_code == 400 and "Enter the outcome of the concern" in empty.content.decode()
    assert ProtocolConcern.objects.get().closed_on is None

    response = client.post(url, {"outcome": "Spoken to; no breach."})
    concern.refresh_from_db()
    assert response.status_code == 302
    assert concern.closed_on is not None and concern.outcome == "Spoken to; no breach."
    again = client.post(url, {"outcome": "Again"})
    assert again.status_code == 400 and "already closed" in again.content.decode()


def test_close_refuses_other_methods(people, client_for):
    concern = raise_one(people[Role.STAFF])
    url = reverse("complaints:concern_close", args=[concern.code])
    assert client_for(Role.CHIEF_EXECUTIVE).put(url).status_code == 405


@pytest.mark.parametrize("rows", [2, 30])
def test_concern_list_queries_do_not_grow(rows, people, client_for, django_assert_max_num_queries):
    ProtocolConcern.objects.bulk_create(
        ProtocolConcern(
            raised_by=f"Person {n}",
            about=ConcernAbout.PCC if n % 3 else ConcernAbout.CHIEF_EXECUTIVE,
            routed_to=ConcernRoute.MONITORING_OFFICER
            if n % 3
            else ConcernRoute.AUDIT_COMMITTEE_CHAIR,
            description="A concern",
            received_on=datetime.date(2026, 10, 1),
        )
        for n in range(rows)
    )
    client = client_for(Role.CHIEF_EXECUTIVE)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("complaints:concerns"))
    assert response.status_code == 200
    shown = ProtocolConcern.objects.exclude(about=ConcernAbout.CHIEF_EXECUTIVE).count()
    assert f"{shown} concern" in response.content.decode()


def test_demo_concerns_are_seeded_once(people, django_capture_on_commit_callbacks):
    UserFactory(role=Role.CHIEF_EXECUTIVE, email="chief.executive@opcc.example")
    with django_capture_on_commit_callbacks(execute=True):
        seed_concerns(0, lambda line: None)
        seed_concerns(0, lambda line: None)

    concerns = ProtocolConcern.objects.all()
    assert concerns.count() == 3
    assert concerns.filter(
        about=ConcernAbout.PCC, routed_to=ConcernRoute.MONITORING_OFFICER, closed_on=None
    ).exists()
    assert concerns.filter(
        about=ConcernAbout.CHIEF_EXECUTIVE, routed_to=ConcernRoute.AUDIT_COMMITTEE_CHAIR
    ).exists()
    assert concerns.exclude(closed_on=None).count() == 1
    assert [m.to for m in mail.outbox].count([JASC_CHAIR]) == 1
