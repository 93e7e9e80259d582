"""The public scheme of delegation: the Act's words, the exports, the hub, the demo."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import SECTION_18_7, DecisionCategory
from governance.seed_delegation import CATEGORIES, seed_delegation
from governance.services import delegation as services
from governance.views.exports import DELEGATION_FIELDS
from opcc.roles import Role
from opcc.transparency import hub_rows
from tests.governance.delegation_helpers import add
from tests.opcc.factories import UserFactory

pytestmark = pytest.mark.django_db


# The public scheme, its exports and the hub


def test_the_public_scheme_quotes_the_act_and_never_shows_a_withdrawn_category(
    chief_executive, client
):
    add(chief_executive, description="Victims' services")
    withdrawn = add(chief_executive, name="Helicopters")
    services.update_category(chief_executive, withdrawn, expected_version=1, is_active=False)

    page = client.get(reverse("scheme_of_delegation")).content.decode()

    assert "Grants and commissioning" in page and "Victims&#x27; services" in page
    assert "Helicopters" not in page
    for paragraph, function in SECTION_18_7.items():
        assert function.words in page, paragraph
        assert function.citation in page
    assert "arrange for the deputy police and crime commissioner to exercise a function listed " \
           "in subsection (7)(a), (e) or (f)" in page  # fmt: skip
    assert "arrange, under subsection (2), for any person to exercise a function listed in " \
           "subsection (7)" in page  # fmt: skip
    assert f"Last changed on {timezone.localdate():%-d %B %Y}" in page
    assert reverse("scheme_of_delegation_csv") in page


def test_the_exports_hold_the_offered_categories_with_the_documented_fields(
    chief_executive, client
):
    add(chief_executive)
    withdrawn = add(chief_executive, name="Helicopters")
    services.update_category(chief_executive, withdrawn, expected_version=1, is_active=False)
    documented = [name for name, _ in DELEGATION_FIELDS]

    rows = list(csv.DictReader(io.StringIO(client.get(reverse("scheme_of_delegation_csv")).text)))
    data = json.loads(client.get(reverse("scheme_of_delegation_json")).content)

    assert list(rows[0]) == documented and data["fields"] == documented
    by_name = {row["category"]: row for row in rows}
    assert "Helicopters" not in by_name and len(rows) == len(data["rows"]) == 10
    assert by_name["Grants and commissioning"]["who_may_decide"] == "The Commissioner or the Deputy"
    plan = by_name["Issuing the police and crime plan"]
    assert plan["statutory_function"] == SECTION_18_7["a"].words
    assert plan["statutory_citation"] == SECTION_18_7["a"].citation
    assert (plan["deputy_barred_by_statute"], plan["delegated_to_deputy"]) == ("yes", "no")
    grants = next(row for row in data["rows"] if row["category"] == "Grants and commissioning")
    assert grants["delegated_to_deputy"] is True and grants["statutory_function"] == ""


def test_the_hub_lists_the_scheme_under_policies_dated_by_its_last_change(chief_executive):
    add(chief_executive)

    row = next(row for row in hub_rows() if row.category.key == "policies")

    assert row.url == reverse("scheme_of_delegation")
    assert row.last_updated == timezone.localdate()


# Demo data


def test_the_demo_scheme_is_added_once_by_the_chief_executive():
    demo_chief_executive = UserFactory(
        role=Role.CHIEF_EXECUTIVE, email="chief.executive@opcc.example"
    )
    seed_delegation(0, lambda line: None)
    seed_delegation(0, lambda line: None)

    names = [name for name, *_ in CATEGORIES]
    added = DecisionCategory.objects.filter(name__in=names)
    assert added.count() == len(CATEGORIES)
    assert {c.history.get().history_user for c in added} == {demo_chief_executive}
    assert not DecisionCategory.objects.get(name="Estates and land").deputy_may_decide
    assert DecisionCategory.objects.get(name="Grants and commissioning").deputy_may_decide
