import pytest
from django.core.management import call_command
from django.urls import reverse

from opcc.models import User
from opcc.roles import Role
from tests.opcc.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def rename(user, name, by):
    user.full_name = name
    user._history_user = by
    user.save()


def test_history_page_shows_who_changed_what_and_when_field_by_field(people, client_for):
    chief_executive = people[Role.CHIEF_EXECUTIVE]
    visitor = people[Role.VISITOR]
    old_name = visitor.full_name
    rename(visitor, "Dee Clarke-Jones", by=chief_executive)

    page = (
        client_for(Role.CHIEF_EXECUTIVE)
        .get(reverse("record_history", args=["opcc", "user", visitor.pk]))
        .content.decode()
    )

    assert f"Changed by {chief_executive.full_name}" in page
    assert "Full name" in page and old_name in page and "Dee Clarke-Jones" in page
    assert "Created by" in page
    assert "Password" not in page  # never shown, not even hashed


def test_role_change_is_kept_in_history_with_readable_values(people, client_for):
    panel = people[Role.PANEL]
    panel.role = Role.VISITOR
    panel._history_user = people[Role.CHIEF_EXECUTIVE]
    panel.save()

    page = (
        client_for(Role.CHIEF_EXECUTIVE)
        .get(reverse("record_history", args=["opcc", "user", panel.pk]))
        .content.decode()
    )

    assert "Police and Crime Panel member" in page and "Independent Custody Visitor" in page


def test_changes_made_through_a_request_record_the_acting_user(people, client_for):
    # HistoryRequestMiddleware: a change made while handling a request is signed by its user.
    panel = people[Role.PANEL]
    new_password = "a brand new passphrase"
    client_for(Role.PANEL).post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )
    latest = panel.history.first()
    assert (latest.history_type, latest.history_user) == ("~", panel)


def test_signing_in_adds_nothing_to_history(people):
    from django.test import Client

    panel = people[Role.PANEL]
    before = panel.history.count()
    Client().post(reverse("login"), {"username": panel.email, "password": PASSWORD})
    panel.refresh_from_db()
    assert panel.last_login is not None
    assert panel.history.count() == before


def test_history_is_not_for_the_panel_even_of_what_they_may_see(people, client_for):
    from guardian.shortcuts import assign_perm

    assign_perm("opcc.view_user", people[Role.PANEL], people[Role.VISITOR])
    url = reverse("record_history", args=["opcc", "user", people[Role.VISITOR].pk])
    assert client_for(Role.PANEL).get(url).status_code == 403


def test_fields_a_model_declares_sensitive_are_never_shown(people, client_for, monkeypatch):
    visitor = people[Role.VISITOR]
    rename(visitor, "Secret Name", by=people[Role.CHIEF_EXECUTIVE])
    monkeypatch.setattr(User, "history_hidden_fields", ("full_name",), raising=False)

    page = (
        client_for(Role.CHIEF_EXECUTIVE)
        .get(reverse("record_history", args=["opcc", "user", visitor.pk]))
        .content.decode()
    )

    assert "Secret Name" not in page.split("<main", 1)[1].split("</h1>", 1)[1]


@pytest.mark.parametrize(
    "url_args", [("opcc", "nope", 1), ("auth", "group", 1), ("opcc", "user", "x")]
)
def test_unknown_or_unhistoried_records_give_404(client_for, url_args):
    response = client_for(Role.CHIEF_EXECUTIVE).get(reverse("record_history", args=url_args))
    assert response.status_code == 404


@pytest.mark.parametrize("changes", [3, 40])
def test_history_page_queries_do_not_grow_with_changes(
    changes, people, client_for, django_assert_max_num_queries
):
    visitor = people[Role.VISITOR]
    for n in range(changes):
        rename(visitor, f"Name {n}", by=people[Role.CHIEF_EXECUTIVE])
    client = client_for(Role.CHIEF_EXECUTIVE)

    with django_assert_max_num_queries(14):
        response = client.get(reverse("record_history", args=["opcc", "user", visitor.pk]))

    assert response.content.decode().count('class="govuk-summary-card__title"') == min(
        changes + 1, 25
    )


@pytest.mark.parametrize("rows", [5, 60])
def test_people_page_queries_do_not_grow_with_people(
    rows, client_for, django_assert_max_num_queries
):
    UserFactory.create_batch(rows, role=Role.PANEL)
    client = client_for(Role.CHIEF_EXECUTIVE)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("people"))

    assert response.status_code == 200


def test_seed_demo_is_idempotent_and_creates_one_person_per_role():
    call_command("seed_demo", allow_without_debug=True)
    call_command("seed_demo", allow_without_debug=True)

    roles = set(User.objects.filter(is_demo_account=True).values_list("role", flat=True))
    assert roles == {role.value for role in Role}
    assert User.objects.filter(email="chief.executive@opcc.example").count() == 1
    for user in User.objects.filter(is_demo_account=True):
        assert user.check_password("demo-portal-2026")
        assert list(user.groups.values_list("name", flat=True)) == [user.role]


def benchmark_counts():
    """How many rows of each kind ``--scale`` makes, told apart from the demo's by their fixed
    benchmark codes (or markers)."""
    from complaints.models import Complaint, ComplaintReview
    from custody_visits.models import CustodyVisit
    from governance.models import Contract, Decision, GiftOffer, InterestEntry
    from governance.seed_registers import BENCHMARK_INTEREST, BENCHMARK_REASON
    from opcc.models import OutboundMessage
    from opcc.seed_bulk import code_for
    from scrutiny.models import HorizonScanEntry, Meeting

    def coded(model, kind, up_to=1000):
        return model.objects.filter(code__in=[code_for(kind, n) for n in range(up_to)]).count()

    return {
        "decisions": coded(Decision, "decision"),
        "complaints": coded(Complaint, "complaint"),
        "complaint reviews": coded(ComplaintReview, "review"),
        "custody visits": coded(CustodyVisit, "visit"),
        "meetings": coded(Meeting, "meeting"),
        "gift offers": GiftOffer.objects.filter(reason=BENCHMARK_REASON).count(),
        "interests": InterestEntry.objects.filter(description__endswith=BENCHMARK_INTEREST).count(),
        "contracts": coded(Contract, "contract"),
        "horizon scan": HorizonScanEntry.objects.filter(source="Benchmark").count(),
        "outbox": OutboundMessage.objects.filter(kind="bench").count(),
    }


def all_counts():
    from django.apps import apps

    return {model: model.objects.count() for model in apps.get_models()}


def test_seed_demo_scale_makes_each_kind_in_proportion_once():
    from complaints.models import Complaint, ComplaintStatus
    from custody_visits.models import CustodyVisit, Finding, FindingStatus
    from governance.models import Decision, DecisionStatus
    from scrutiny.models import Action, ActionStatus, AgendaItem, Meeting

    call_command("seed_demo", scale=200, allow_without_debug=True)
    after_first = all_counts()
    call_command("seed_demo", scale=200, allow_without_debug=True)

    assert all_counts() == after_first  # the second run adds nothing
    assert benchmark_counts() == {
        "decisions": 200,
        "complaints": 100,
        "complaint reviews": 20,
        "custody visits": 40,
        "meetings": 4,
        "gift offers": 20,
        "interests": 10,
        "contracts": 10,
        "horizon scan": 2,
        "outbox": 20,
    }
    published = Decision.objects.filter(status=DecisionStatus.PUBLISHED)
    assert published.count() == 200 + 4  # and the demo's four
    assert len(set(published.values_list("year", flat=True))) >= 10  # spread over ten years
    assert published.values("reference").distinct().count() == published.count()
    assert {ComplaintStatus.CLOSED, ComplaintStatus.RECEIVED} <= set(
        Complaint.objects.values_list("status", flat=True)
    )
    assert Complaint.objects.filter(anonymised_at__isnull=False).exists()  # past retention
    assert CustodyVisit.objects.filter(detainees__isnull=False).exists()
    assert set(Finding.objects.values_list("status", flat=True)) == set(FindingStatus.values)
    assert AgendaItem.objects.filter(meeting__in=Meeting.objects.all()).count() >= 4 * 5
    actions = Action.objects.all()
    assert actions.filter(status=ActionStatus.DONE).exists() and actions.overdue().exists()


def test_seed_demo_refuses_to_create_public_password_users_without_debug(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo")
    assert not User.objects.filter(is_demo_account=True).exists()


def test_a_changed_link_to_another_record_shows_its_name(people, client_for):
    from tests.governance.factories import DecisionFactory

    decision = DecisionFactory(created_by=people[Role.STAFF])
    decision.signed_by = people[Role.PCC]
    decision._history_user = people[Role.CHIEF_EXECUTIVE]
    decision.save()

    page = (
        client_for(Role.CHIEF_EXECUTIVE)
        .get(reverse("record_history", args=["governance", "decision", decision.pk]))
        .content.decode()
    )

    from django.utils.html import escape

    assert f'<td class="govuk-table__cell">{escape(people[Role.PCC].full_name)}</td>' in page
