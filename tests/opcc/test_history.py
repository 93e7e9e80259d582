import pytest
from django.core.management import call_command
from django.urls import reverse

from opcc.models import User
from opcc.roles import Role
from tests.opcc.factories import UserFactory

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
    client = client_for(Role.CHIEF_EXECUTIVE)
    client.post(reverse("record_history_pdf", args=["opcc", "user", people[Role.PANEL].pk]))
    record = people[Role.PANEL].history.first()
    assert record.history_type == "+"


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
    call_command("seed_demo")
    call_command("seed_demo")

    roles = sorted(User.objects.filter(is_demo_account=True).values_list("role", flat=True))
    assert roles == sorted(role.value for role in Role)
    for user in User.objects.filter(is_demo_account=True):
        assert user.check_password("demo-portal-2026")
        assert list(user.groups.values_list("name", flat=True)) == [user.role]


def test_seed_demo_scale_bulk_creates_benchmark_volumes():
    from opcc.models import OutboundMessage

    call_command("seed_demo", scale=500)
    call_command("seed_demo", scale=500)

    assert OutboundMessage.objects.filter(kind="bench").count() == 500
