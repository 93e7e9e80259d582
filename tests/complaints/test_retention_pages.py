"""The Chief Executive's holds on disposal, and the complainant's change history counted as a
view of their personal data."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from complaints.models import ComplaintReview, PersonalDataView, ReviewStatus
from complaints.tasks import anonymise_due_cases
from opcc.roles import Role
from tests.complaints.factories import ComplaintReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_review():
    return ComplaintReviewFactory(status=ReviewStatus.CLOSED, closed_on=datetime.date(2020, 3, 31))


def hold_url(review):
    return reverse("complaints:retention_hold", args=["review", review.code])


def test_the_chief_executive_puts_a_hold_that_stops_anonymisation_then_lifts_it(
    client_for, closed_review
):
    client = client_for(Role.CHIEF_EXECUTIVE)
    page = client.get(closed_review.get_absolute_url()).content.decode()
    assert hold_url(closed_review) in page

    response = client.post(hold_url(closed_review), {"retention_hold": "  Claim   2026/77 "})

    assert response.status_code == 302
    closed_review.refresh_from_db()
    assert closed_review.retention_hold == "Claim 2026/77"
    assert closed_review.history.first().history_user.role == Role.CHIEF_EXECUTIVE
    with time_machine.travel("2027-01-01 02:00 +0000", tick=False):
        assert anonymise_due_cases.delay().get() == 0

    client.post(hold_url(closed_review), {"retention_hold": ""})
    with time_machine.travel("2027-01-01 02:00 +0000", tick=False):
        assert anonymise_due_cases.delay().get() == 1


def test_a_reason_too_long_is_refused_and_nothing_saved(client_for, closed_review):
    response = client_for(Role.CHIEF_EXECUTIVE).post(
        hold_url(closed_review), {"retention_hold": "x" * 251}
    )

    assert response.status_code == 400
    assert "250 characters or fewer" in response.content.decode()
    assert ComplaintReview.objects.get(pk=closed_review.pk).retention_hold == ""


def test_an_anonymised_case_cannot_be_held(client_for, closed_review):
    with time_machine.travel("2027-01-01 02:00 +0000", tick=False):
        anonymise_due_cases.delay().get()

    response = client_for(Role.CHIEF_EXECUTIVE).post(
        hold_url(closed_review), {"retention_hold": "Too late"}
    )

    assert response.status_code == 400
    assert "already been anonymised" in response.content.decode()


def test_an_unknown_kind_or_case_is_not_found(client_for, closed_review):
    client = client_for(Role.CHIEF_EXECUTIVE)
    unknown_kind = f"/complaints/personal-data/hold/meeting/{closed_review.code}/"

    assert client.get(unknown_kind).status_code == 404
    assert (
        client.get(
            reverse("complaints:retention_hold", args=["complaint", closed_review.code])
        ).status_code
        == 404
    )


def test_the_hold_row_shows_to_the_chief_executive_only(people, client_for, closed_review):
    from guardian.shortcuts import assign_perm

    assign_perm("complaints.view_complaintreview", people[Role.STAFF], closed_review)

    staff_page = client_for(Role.STAFF).get(closed_review.get_absolute_url()).content.decode()

    assert "Hold on disposal" not in staff_page


def test_the_complainants_change_history_is_logged_as_a_view(people, client_for, closed_review):
    complainant = closed_review.complainant
    url = reverse("record_history", args=["complaints", "complainant", complainant.pk])

    response = client_for(Role.CHIEF_EXECUTIVE).get(url)

    assert response.status_code == 200
    view = PersonalDataView.objects.get()
    assert (view.viewer, view.complainant, view.case_reference) == (
        people[Role.CHIEF_EXECUTIVE],
        complainant,
        closed_review.reference,
    )
