"""The scheme of delegation: the Chief Executive keeps its categories; the Act's reservations
hold whatever is recorded (s.18(3)(b): (7)(a), (e) and (f) never to the Deputy; a s.18(7)
category never withdrawn); every change is kept in history. The public side is in
test_delegation_public.py."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from governance.models import DecisionCategory
from governance.services import delegation as services
from opcc.roles import Role
from tests.governance.delegation_helpers import add, form_data, statutory

pytestmark = pytest.mark.django_db

# The service


def test_the_chief_executive_adds_a_category_named_by_a_slug_and_kept_in_history(
    chief_executive,
):
    category = add(chief_executive, name="  Grants and commissioning ")

    assert category.slug == "grants-and-commissioning"
    assert category.name == "Grants and commissioning"
    assert category.version == 1
    assert category.may_be_decided_by("deputy")
    record = category.history.get()
    assert record.history_type == "+" and record.history_user == chief_executive


def test_two_names_that_make_the_same_slug_each_get_their_own(chief_executive):
    first = add(chief_executive, name="Estates: land")
    second = add(chief_executive, name="Estates land")

    assert (first.slug, second.slug) == ("estates-land", "estates-land-2")


def test_a_name_already_in_the_scheme_is_refused_whatever_its_case(chief_executive):
    with pytest.raises(ValidationError) as refused:
        add(chief_executive, name="issuing the POLICE AND CRIME PLAN")

    assert "There is already a category called" in refused.value.message_dict["name"][0]


@pytest.mark.parametrize(
    "paragraph, function",
    [
        ("a", "Issuing a police and crime plan"),
        ("e", "Appointing the chief constable, suspending the chief constable, or calling upon "
              "the chief constable to retire or resign"),
        ("f", "Calculating a council tax requirement or a budget requirement"),
    ],
)  # fmt: skip
def test_the_act_bars_the_deputy_from_a_e_and_f_whatever_the_scheme_says(
    chief_executive, paragraph, function
):
    category = statutory(paragraph)

    with pytest.raises(ValidationError) as refused:
        services.update_category(
            chief_executive, category, expected_version=category.version, deputy_may_decide=True
        )

    assert refused.value.message_dict["deputy_may_decide"] == [
        f"{function} may not be delegated to the Deputy (Police Reform and Social "
        f"Responsibility Act 2011 s.18(3)(b) and s.18(7)({paragraph}))"
    ]
    category.refresh_from_db()
    assert not category.deputy_may_decide and category.version == 1
    # Only the record of the portal's setting up (migration 0011): the refusal saved nothing.
    assert list(category.history.values_list("history_type", flat=True)) == ["+"]
    assert category.refusal_for("deputy").startswith("Only the Commissioner may make")


@pytest.mark.parametrize("paragraph", ["b", "c", "d", "g", "h"])
def test_the_other_statutory_functions_may_be_delegated_to_the_deputy(chief_executive, paragraph):
    category = statutory(paragraph)

    services.update_category(
        chief_executive, category, expected_version=category.version, deputy_may_decide=True
    )

    category.refresh_from_db()
    assert category.deputy_may_decide and category.may_be_decided_by("deputy")
    assert category.version == 2


def test_a_statutory_category_can_be_renamed_and_described_but_never_withdrawn(chief_executive):
    category = statutory("b")
    services.update_category(
        chief_executive, category, expected_version=1,
        name="Setting the police and crime objectives", description="Set with the plan.",
    )  # fmt: skip
    category.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        services.update_category(chief_executive, category, expected_version=2, is_active=False)

    assert category.name == "Setting the police and crime objectives"
    assert category.slug == "police-and-crime-objectives"  # its address does not move
    assert "stays in the scheme" in refused.value.message_dict["is_active"][0]
    assert "s.18(7)(b)" in refused.value.message_dict["is_active"][0]
    assert DecisionCategory.objects.get(pk=category.pk).is_active


def test_the_general_category_stays_offered(chief_executive):
    general = DecisionCategory.objects.get(slug="general")

    with pytest.raises(ValidationError, match="General"):
        services.update_category(chief_executive, general, expected_version=1, is_active=False)


def test_an_ordinary_category_is_withdrawn_not_deleted(chief_executive):
    category = add(chief_executive)

    services.update_category(chief_executive, category, expected_version=1, is_active=False)

    category.refresh_from_db()
    assert not category.is_active
    assert [r.history_type for r in category.history.order_by("history_id")] == ["+", "~"]
    assert category.history.first().history_user == chief_executive


def test_each_change_shows_in_the_category_history_for_the_office(chief_executive, client_for):
    category = statutory("b")
    services.update_category(
        chief_executive, category, expected_version=1, deputy_may_decide=True, order=25
    )
    url = reverse("record_history", args=["governance", "decisioncategory", category.pk])

    response = client_for(Role.STAFF).get(url)
    page = response.content.decode()

    assert chief_executive.full_name in page
    latest = response.context["entries"][0]
    changes = {change.field: (change.old, change.new) for change in latest.changes}
    assert changes["Order"] == ("20", "25")  # the position, before and after
    assert changes["Delegated to the deputy"] == ("No", "Yes")
    assert client_for(Role.PANEL).get(url).status_code == 403


def test_a_change_from_an_older_version_is_refused(chief_executive):
    category = add(chief_executive)
    services.update_category(chief_executive, category, expected_version=1, order=5)

    with pytest.raises(services.ConcurrentEdit):
        services.update_category(chief_executive, category, expected_version=1, order=7)

    category.refresh_from_db()
    assert (category.order, category.version) == (5, 2)


@pytest.mark.parametrize("role", [Role.PCC, Role.DEPUTY, Role.CFO, Role.STAFF, Role.PANEL])
def test_only_the_chief_executive_maintains_the_scheme(people, role):
    category = statutory("b")

    with pytest.raises(PermissionDenied):
        add(people[role])
    with pytest.raises(PermissionDenied):
        services.update_category(people[role], category, expected_version=1, order=1)

    assert not DecisionCategory.objects.filter(name="Grants and commissioning").exists()


# The office's pages


def test_the_chief_executive_adds_a_category_through_the_form(client_for):
    client = client_for(Role.CHIEF_EXECUTIVE)

    response = client.post(reverse("governance:delegation_add"), form_data())

    assert response.status_code == 302 and response["Location"] == reverse("governance:delegation")
    category = DecisionCategory.objects.get(name="Grants and commissioning")
    assert category.deputy_may_decide and category.is_active and category.order == 110
    page = client.get(reverse("governance:delegation")).content.decode()
    assert "Grants and commissioning" in page and "The Commissioner or the Deputy" in page
    assert reverse("governance:delegation_edit", args=[category.slug]) in page
    assert reverse("record_history", args=["governance", "decisioncategory", category.pk]) in page


@pytest.mark.parametrize(
    "changes, field_message",
    [
        ({"name": ""}, "Enter the name of the category"),
        ({"name": "x" * 151}, "The name must be 150 characters or fewer"),
        ({"name": "General"}, "There is already a category"),
        ({"deputy_may_decide": None}, "Choose who may make these decisions"),
        ({"deputy_may_decide": "perhaps"}, "Choose one of the people listed"),
        ({"order": "first"}, "Enter the position as a whole number"),
        ({"order": "-1"}, "Enter a position of 0 or more"),
        ({"order": ""}, "Enter the position in the scheme"),
    ],
)
def test_the_form_answers_bad_input_with_400_and_saves_nothing(client_for, changes, field_message):
    before = DecisionCategory.objects.count()

    response = client_for(Role.CHIEF_EXECUTIVE).post(
        reverse("governance:delegation_add"), form_data(**changes)
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert field_message in page
    assert "<title>Error: " in page and "govuk-error-summary" in page
    assert DecisionCategory.objects.count() == before


def test_the_edit_form_leaves_out_what_the_act_fixes_and_says_why(client_for):
    category = statutory("a")
    client = client_for(Role.CHIEF_EXECUTIVE)
    url = reverse("governance:delegation_edit", args=[category.slug])

    page = client.get(url).content.decode()
    response = client.post(
        url, form_data(category, name="Issuing the plan", deputy_may_decide="True", is_active="")
    )

    assert 'name="deputy_may_decide"' not in page and 'name="is_active"' not in page
    assert "issuing a police and crime plan (see section 5)" in page
    assert "s.18(3)(b) and s.18(7)(a)" in page
    assert response.status_code == 302
    category.refresh_from_db()
    assert category.name == "Issuing the plan"
    assert not category.deputy_may_decide and category.is_active


def test_a_concurrent_change_is_refused_with_409_keeping_what_was_typed(
    client_for, chief_executive
):
    category = statutory("b")
    client = client_for(Role.CHIEF_EXECUTIVE)
    url = reverse("governance:delegation_edit", args=[category.slug])
    stale = form_data(category, name="My wording of the objectives")
    services.update_category(chief_executive, category, expected_version=1, order=25)

    response = client.post(url, stale)

    page = response.content.decode()
    assert response.status_code == 409
    assert "Someone else saved this category" in page
    assert 'value="My wording of the objectives"' in page
    assert 'name="version" value="2"' in page  # saving again is an informed choice
    category.refresh_from_db()
    assert category.name == "Determining police and crime objectives" and category.version == 2


def test_an_unknown_category_is_not_found(client_for):
    response = client_for(Role.CHIEF_EXECUTIVE).get(
        reverse("governance:delegation_edit", args=["no-such-category"])
    )
    assert response.status_code == 404


def test_the_office_reads_the_scheme_but_only_the_chief_executive_changes_it(
    client_for, chief_executive
):
    category = add(chief_executive, name="Estates and land")
    page = client_for(Role.STAFF).get(reverse("governance:delegation")).content.decode()
    landing = client_for(Role.STAFF).get(reverse("governance:landing")).content.decode()

    assert "Estates and land" in page
    assert reverse("governance:delegation_add") not in page
    assert reverse("governance:delegation_edit", args=[category.slug]) not in page
    assert reverse("governance:delegation") in landing
    refused = client_for(Role.STAFF).post(reverse("governance:delegation_add"), form_data())
    assert refused.status_code == 403
    assert not DecisionCategory.objects.filter(name="Grants and commissioning").exists()


@pytest.mark.parametrize("extra", [3, 40])
def test_the_scheme_pages_take_the_same_queries_however_many_categories(
    extra, chief_executive, client_for, django_assert_max_num_queries
):
    for n in range(extra):
        add(chief_executive, name=f"Category {n}", description=f"Decisions of kind {n}")
    office = client_for(Role.STAFF)

    with django_assert_max_num_queries(10):  # the session, the person, their permissions: 8
        assert office.get(reverse("governance:delegation")).status_code == 200
    with django_assert_max_num_queries(3):
        assert Client().get(reverse("scheme_of_delegation")).status_code == 200
    with django_assert_max_num_queries(1):
        assert Client().get(reverse("scheme_of_delegation_csv")).content
