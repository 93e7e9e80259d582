"""Misconduct hearing panels: fair rotation, conflicts, the pool and hearing pages, every form's
answer to bad input."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from complaints.models import Hearing, HearingKind, HearingSeat, PanelMember, PanelMemberKind
from complaints.seed_panels import seed_panels
from complaints.services import panels as services
from opcc.roles import Role
from tests.complaints.factories import PanelMemberFactory

pytestmark = pytest.mark.django_db

CHAIR = PanelMemberKind.LEGALLY_QUALIFIED_CHAIR
INDEPENDENT = PanelMemberKind.INDEPENDENT_MEMBER
HEARING_DAY = datetime.date(2027, 5, 10)


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def choose(people, officer="PC Jane Doe", held_on=HEARING_DAY):
    return services.choose_panel(
        people[Role.STAFF],
        kind=HearingKind.MISCONDUCT_HEARING,
        held_on=held_on,
        officer=officer,
    )


def panel_names(hearing):
    return [seat.member.name for seat in hearing.seats.select_related("member").order_by("pk")]


def date_parts(name, day, month, year):
    return {f"{name}_0": str(day), f"{name}_1": str(month), f"{name}_2": str(year)}


def choose_post(**overrides):
    return {
        "kind": HearingKind.MISCONDUCT_HEARING,
        **date_parts("held_on", 10, 5, 2027),
        "officer": "PC Jane Doe",
        **overrides,
    }


def member_post(**overrides):
    return {
        "name": "Margaret Okafor",
        "kind": CHAIR,
        **date_parts("appointed_until", 31, 3, 2029),
        "conflicts": "",
        **overrides,
    }


@pytest.fixture
def pool():
    return {
        "chair": PanelMemberFactory(name="Chair Alpha", kind=CHAIR),
        "independents": [
            PanelMemberFactory(name=f"Independent {letter}", kind=INDEPENDENT) for letter in "ABC"
        ],
    }


# Rotation


def test_rotation_takes_the_never_selected_first_then_the_longest_ago(people):
    PanelMemberFactory(name="Chair Recent", kind=CHAIR, last_selected_at=ago(5))
    PanelMemberFactory(name="Chair Old", kind=CHAIR, last_selected_at=ago(400))
    PanelMemberFactory(name="Independent Recent", kind=INDEPENDENT, last_selected_at=ago(1))
    PanelMemberFactory(name="Independent Older", kind=INDEPENDENT, last_selected_at=ago(90))
    PanelMemberFactory(name="Independent Zed", kind=INDEPENDENT)
    PanelMemberFactory(name="Independent Ann", kind=INDEPENDENT)

    first = choose(people)
    second = choose(people)

    assert panel_names(first) == ["Chair Old", "Independent Ann", "Independent Zed"]
    assert panel_names(second) == ["Chair Recent", "Independent Older", "Independent Recent"]
    chosen = PanelMember.objects.get(name="Independent Ann")
    assert chosen.last_selected_at is not None


def test_rotation_skips_declared_conflicts_expired_and_inactive_members(people):
    PanelMemberFactory(name="Chair Conflicted", kind=CHAIR, conflicts="\n  pc JANE   doe \n")
    PanelMemberFactory(name="Chair Free", kind=CHAIR, conflicts="Sergeant Someone Else")
    PanelMemberFactory(
        name="Independent Expired", kind=INDEPENDENT, appointed_until=datetime.date(2027, 5, 9)
    )
    PanelMemberFactory(name="Independent Inactive", kind=INDEPENDENT, active=False)
    PanelMemberFactory(name="Independent Last Day", kind=INDEPENDENT, appointed_until=HEARING_DAY)
    PanelMemberFactory(name="Independent Willing", kind=INDEPENDENT)

    hearing = choose(people, officer="PC Jane Doe")

    assert panel_names(hearing) == ["Chair Free", "Independent Last Day", "Independent Willing"]
    skipped = PanelMember.objects.filter(name__in=["Chair Conflicted", "Independent Expired"])
    assert all(member.last_selected_at is None for member in skipped)


def test_a_conflict_about_another_officer_does_not_skip_the_member(people, pool):
    PanelMember.objects.filter(pk=pool["chair"].pk).update(conflicts="PC Jane Doe")

    hearing = choose(people, officer="PC John Smith")

    assert "Chair Alpha" in panel_names(hearing)


def test_not_enough_members_is_explained_and_nothing_is_saved(people):
    PanelMemberFactory(name="Chair Alpha", kind=CHAIR)
    PanelMemberFactory(name="Independent A", kind=INDEPENDENT)
    PanelMemberFactory(name="Independent Conflicted", kind=INDEPENDENT, conflicts="PC Jane Doe")

    with pytest.raises(ValidationError) as error:
        choose(people)

    message = " ".join(error.value.messages)
    assert "not enough panel members available" in message
    assert "2 independent members needed, 1 available" in message
    assert not Hearing.objects.exists()
    assert not HearingSeat.objects.exists()
    assert not PanelMember.objects.filter(last_selected_at__isnull=False).exists()


def test_choosing_a_panel_needs_permission(people, pool):
    for role in (Role.PCC, Role.CFO, Role.PANEL, Role.VISITOR):
        with pytest.raises(PermissionDenied):
            services.choose_panel(
                people[role], kind=HearingKind.MISCONDUCT_HEARING, held_on=HEARING_DAY, officer="X"
            )
    assert not Hearing.objects.exists()


def test_a_member_is_made_inactive_never_deleted_and_history_is_kept(people, pool):
    member = pool["chair"]
    services.update_panel_member(people[Role.CHIEF_EXECUTIVE], member, active=False)

    member.refresh_from_db()
    assert member.active is False
    assert member.history.first().history_user == people[Role.CHIEF_EXECUTIVE]
    with pytest.raises(PermissionDenied):
        services.update_panel_member(people[Role.PCC], member, active=True)


def test_the_outcome_is_recorded_and_must_not_be_blank(people, pool):
    hearing = choose(people)
    with pytest.raises(ValidationError):
        services.record_hearing_outcome(people[Role.STAFF], hearing, outcome="   ")

    services.record_hearing_outcome(people[Role.STAFF], hearing, outcome="Not proven")

    hearing.refresh_from_db()
    assert hearing.outcome == "Not proven"


def test_the_demo_pool_is_seeded_once_with_two_past_hearings(people):
    people[Role.CHIEF_EXECUTIVE].email = "chief.executive@opcc.example"
    people[Role.CHIEF_EXECUTIVE].save()

    seed_panels(0, lambda line: None)
    seed_panels(0, lambda line: None)

    assert PanelMember.objects.filter(kind=CHAIR).count() == 3
    assert PanelMember.objects.filter(kind=INDEPENDENT).count() == 5
    assert Hearing.objects.count() == 2
    assert HearingSeat.objects.count() == 6
    first = Hearing.objects.order_by("held_on").first()
    assert "Gareth Pryce" not in panel_names(first)  # declared a conflict with the officer
    assert not HearingSeat.objects.filter(member__name="Colin Barraclough").exists()


# Pages


def test_staff_choose_a_panel_and_see_its_members(people, pool, client_for):
    client = client_for(Role.STAFF)
    response = client.post(reverse("complaints:hearing_choose"), choose_post())

    hearing = Hearing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("complaints:hearing", args=[hearing.pk])
    page = client.get(response["Location"]).content.decode()
    for name in ("Chair Alpha", "Independent A", "Independent B"):
        assert name in page
    assert "Independent C" not in page


def test_the_hearing_page_records_an_outcome(people, pool, client_for):
    hearing = choose(people)
    client = client_for(Role.CHIEF_EXECUTIVE)

    response = client.post(
        reverse("complaints:hearing_outcome", args=[hearing.pk]),
        {"outcome": "Misconduct proven: written warning"},
    )

    assert response.status_code == 302
    page = client.get(reverse("complaints:hearing", args=[hearing.pk])).content.decode()
    assert "Misconduct proven: written warning" in page


def test_the_commissioner_reads_but_cannot_choose_or_record(people, pool, client_for):
    hearing = choose(people)
    client = client_for(Role.PCC)
    page = client.get(reverse("complaints:hearing", args=[hearing.pk])).content.decode()

    assert "Chair Alpha" in page
    assert "Record the outcome" not in page
    assert client.post(reverse("complaints:hearing_choose"), choose_post()).status_code == 403
    assert Hearing.objects.count() == 1


def test_staff_add_and_deactivate_a_member(people, client_for):
    client = client_for(Role.STAFF)
    response = client.post(reverse("complaints:panel_member_add"), member_post())
    assert response.status_code == 302
    member = PanelMember.objects.get()
    assert member.active is True

    response = client.post(
        reverse("complaints:panel_member_change", args=[member.pk]),
        member_post(name="Margaret Okafor KC"),  # "active" unticked
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.name, member.active) == ("Margaret Okafor KC", False)
    assert "Inactive" in client.get(reverse("complaints:panel_members")).content.decode()


def errors_of(response) -> str:
    assert response.status_code == 400
    return response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"kind": ""}, "Select the type of hearing"),
        ({"kind": "tribunal"}, "Select a misconduct hearing or a Police Appeals Tribunal"),
        (date_parts("held_on", 31, 2, 2027), "The date of the hearing must be a real date"),
        (date_parts("held_on", "x", 5, 2027), "The date of the hearing must be a real date"),
        (date_parts("held_on", "", "", ""), "Enter the date of the hearing"),
        (date_parts("held_on", 1, 5, 27), "Year must include 4 numbers"),
        ({"officer": "  "}, "Enter the officer concerned"),
        ({"officer": "x" * 201}, "200 characters or fewer"),
    ],
)
def test_the_choose_form_explains_bad_input_and_saves_nothing(
    people, pool, client_for, overrides, message
):
    response = client_for(Role.STAFF).post(
        reverse("complaints:hearing_choose"), choose_post(**overrides)
    )

    assert message in errors_of(response)
    assert not Hearing.objects.exists()
    assert not PanelMember.objects.filter(last_selected_at__isnull=False).exists()


def test_the_choose_form_explains_a_short_pool(people, client_for):
    PanelMemberFactory(kind=CHAIR)

    response = client_for(Role.STAFF).post(reverse("complaints:hearing_choose"), choose_post())

    page = errors_of(response)
    assert "not enough panel members available" in page
    assert "2 independent members needed, 0 available" in page
    assert not Hearing.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "Enter the member&#x27;s full name"),
        ({"kind": "judge"}, "Select a legally qualified chair or an independent member"),
        (date_parts("appointed_until", 30, 2, 2029), "must be a real date"),
        (date_parts("appointed_until", "", 2, 2029), "must include a day"),
    ],
)
def test_the_member_forms_explain_bad_input_and_save_nothing(
    people, client_for, overrides, message
):
    member = PanelMemberFactory(name="Kept As Is")
    client = client_for(Role.STAFF)

    added = client.post(reverse("complaints:panel_member_add"), member_post(**overrides))
    changed = client.post(
        reverse("complaints:panel_member_change", args=[member.pk]),
        member_post(active="on", **overrides),
    )

    assert message in errors_of(added)
    assert message in errors_of(changed)
    assert PanelMember.objects.count() == 1
    assert member.history.count() == 1
    member.refresh_from_db()
    assert member.name == "Kept As Is"


def test_the_outcome_form_explains_a_blank_outcome_and_saves_nothing(people, pool, client_for):
    hearing = choose(people)

    response = client_for(Role.STAFF).post(
        reverse("complaints:hearing_outcome", args=[hearing.pk]), {"outcome": "  "}
    )

    assert "Enter the outcome of the hearing" in errors_of(response)
    assert hearing.history.count() == 1


def test_an_unknown_member_or_hearing_is_not_found(people, client_for):
    client = client_for(Role.STAFF)
    assert client.get(reverse("complaints:panel_member_change", args=[999])).status_code == 404
    assert client.get(reverse("complaints:hearing", args=[999])).status_code == 404


# Query counts


@pytest.mark.parametrize("size", [3, 30])
def test_pool_queries_do_not_grow(size, people, client_for, django_assert_max_num_queries):
    PanelMemberFactory.create_batch(size, last_selected_at=ago(3))
    client = client_for(Role.STAFF)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("complaints:panel_members"))

    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 8])
def test_hearings_queries_do_not_grow(size, people, client_for, django_assert_max_num_queries):
    PanelMemberFactory.create_batch(size, kind=CHAIR)
    PanelMemberFactory.create_batch(2 * size, kind=INDEPENDENT)
    for _ in range(size):
        choose(people)
    client = client_for(Role.STAFF)

    with django_assert_max_num_queries(11):
        response = client.get(reverse("complaints:hearings"))

    assert response.status_code == 200
    assert response.content.decode().count("legally qualified chair") == size


def test_landing_links_follow_the_role(people):
    from django.contrib.auth.context_processors import PermWrapper
    from django.template.loader import render_to_string

    def links(role):
        return render_to_string(
            "complaints/panels/_landing_links.html", {"perms": PermWrapper(people[role])}
        )

    assert "Choose a panel for a hearing" in links(Role.STAFF)
    assert "Pool of panel members" in links(Role.PCC)
    assert "Choose a panel" not in links(Role.PCC)
    assert "<ul" not in links(Role.CFO)
