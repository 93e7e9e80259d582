"""The personal data pages: the review page logs each display of the complainant's details;
the view log, the disposals log and the subject access export are the Chief Executive's alone."""

import json

import pytest
from django.urls import reverse
from guardian.shortcuts import assign_perm

from complaints.models import Disposal, PersonalDataView, ReviewStatus
from complaints.services import personal_data as services
from complaints.services.reviews import REVIEWER_PERMISSIONS
from opcc.roles import Role
from tests.complaints.factories import ComplaintReviewFactory

pytestmark = pytest.mark.django_db

EXPORT_URL = reverse("complaints:subject_access")
DOWNLOAD_URL = reverse("complaints:subject_access_download")


@pytest.fixture
def assigned_review(people):
    review = ComplaintReviewFactory(
        status=ReviewStatus.UNDER_REVIEW,
        reviewer=people[Role.STAFF],
        complainant__name="Sam Private",
    )
    for permission in REVIEWER_PERMISSIONS:
        assign_perm(f"complaints.{permission}", people[Role.STAFF], review)
    return review


# --- The review page ------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.CHIEF_EXECUTIVE, Role.STAFF])
def test_each_display_of_the_complainants_details_is_logged_once(
    people, client_for, assigned_review, role
):
    client = client_for(role)

    client.get(assigned_review.get_absolute_url())
    client.get(assigned_review.get_absolute_url())

    views = PersonalDataView.objects.filter(viewer=people[role])
    assert views.count() == 2
    assert {(v.complainant_id, v.case_reference) for v in views} == {
        (assigned_review.complainant_id, assigned_review.reference)
    }


@pytest.mark.parametrize("role", [Role.PCC, Role.DEPUTY])
def test_a_page_without_the_details_logs_no_view(client_for, assigned_review, role):
    response = client_for(role).get(assigned_review.get_absolute_url())

    assert response.status_code == 200
    assert "Sam Private" not in response.content.decode()
    assert not PersonalDataView.objects.exists()


# --- The view log and the disposals log -----------------------------------------------------


def test_the_view_log_shows_who_when_and_which_case_newest_first(
    people, client_for, assigned_review
):
    services.log_personal_data_view(people[Role.STAFF], assigned_review.complainant, "R-2026-0001")
    services.log_personal_data_view(people[Role.PCC], assigned_review.complainant, "R-2026-0002")

    response = client_for(Role.CHIEF_EXECUTIVE).get(reverse("complaints:personal_data_views"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("R-2026-0002") < html.index("R-2026-0001")
    assert people[Role.STAFF].full_name in html
    assert "Sam Private" not in html and assigned_review.complainant.email not in html
    assert "no-store" in response["Cache-Control"]


def test_the_disposals_log_lists_anonymised_cases(client_for):
    Disposal.objects.create(
        case_reference="R-2019-0007", kind="complaint review", reason="Retention period ended"
    )

    html = client_for(Role.CHIEF_EXECUTIVE).get(reverse("complaints:disposals")).content.decode()

    assert "R-2019-0007" in html and "Complaint review" in html
    assert "Retention period ended" in html


@pytest.mark.parametrize("role", [r for r in Role if r != Role.CHIEF_EXECUTIVE])
@pytest.mark.parametrize("name", ["personal_data_views", "disposals", "subject_access"])
def test_the_personal_data_pages_are_the_chief_executives_alone(client_for, role, name):
    assert client_for(role).get(reverse(f"complaints:{name}")).status_code == 403


@pytest.mark.parametrize("rows", [2, 40])
def test_view_log_queries_do_not_grow(rows, people, client_for, django_assert_max_num_queries):
    review = ComplaintReviewFactory()
    for index in range(rows):
        viewer = people[Role.STAFF] if index % 2 else people[Role.CHIEF_EXECUTIVE]
        services.log_personal_data_view(viewer, review.complainant, review.reference)
    client = client_for(Role.CHIEF_EXECUTIVE)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("complaints:personal_data_views"))

    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(rows, 25)


@pytest.mark.parametrize("rows", [2, 40])
def test_disposals_log_queries_do_not_grow(rows, client_for, django_assert_max_num_queries):
    Disposal.objects.bulk_create(
        Disposal(case_reference=f"R-2019-{n:04d}", kind="complaint review", reason="Ended")
        for n in range(rows)
    )
    client = client_for(Role.CHIEF_EXECUTIVE)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("complaints:disposals"))

    assert response.status_code == 200


# --- The subject access export --------------------------------------------------------------


def test_finding_the_complainant_by_reference_shows_their_cases_not_their_details(
    client_for, assigned_review
):
    other_case = ComplaintReviewFactory(complainant=assigned_review.complainant)

    response = client_for(Role.CHIEF_EXECUTIVE).post(
        EXPORT_URL, {"reference": f" {assigned_review.reference.lower()} "}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert assigned_review.reference in html and other_case.reference in html
    assert "Sam Private" not in html
    assert f'action="{DOWNLOAD_URL}"' in html
    assert not PersonalDataView.objects.exists()


def test_the_download_is_a_json_attachment_not_cached_and_logged(
    people, client_for, assigned_review
):
    response = client_for(Role.CHIEF_EXECUTIVE).post(
        DOWNLOAD_URL, {"reference": assigned_review.reference}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="subject-access-{assigned_review.reference}-'
    )
    assert "no-store" in response["Cache-Control"]
    document = json.loads(response.content)
    assert document["complainant"]["name"] == "Sam Private"
    view = PersonalDataView.objects.get()
    assert (view.viewer, view.case_reference) == (
        people[Role.CHIEF_EXECUTIVE],
        assigned_review.reference,
    )


@pytest.mark.parametrize("url", [EXPORT_URL, DOWNLOAD_URL])
@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("", "Enter the reference of one of the complainant&#x27;s cases"),
        ("Sam Private", "Enter a reference in the right format"),
        ("R-2026-0001-and-more-text", "20 characters or fewer"),
    ],
)
def test_bad_references_are_refused_with_a_message(client_for, url, reference, message):
    response = client_for(Role.CHIEF_EXECUTIVE).post(url, {"reference": reference})

    html = response.content.decode()
    assert response.status_code == 400
    assert message in html and "Error: " in html
    assert not PersonalDataView.objects.exists()


@pytest.mark.parametrize("url", [EXPORT_URL, DOWNLOAD_URL])
def test_an_unknown_reference_is_not_found(client_for, url):
    response = client_for(Role.CHIEF_EXECUTIVE).post(url, {"reference": "C-2026-0404"})

    assert response.status_code == 404


def test_the_download_refuses_get(client_for):
    assert client_for(Role.CHIEF_EXECUTIVE).get(DOWNLOAD_URL).status_code == 405


@pytest.mark.parametrize("role", [Role.STAFF, Role.PCC, Role.CFO, Role.PANEL])
def test_only_the_chief_executive_may_download(client_for, assigned_review, role):
    response = client_for(role).post(DOWNLOAD_URL, {"reference": assigned_review.reference})

    assert response.status_code == 403
    assert not PersonalDataView.objects.exists()


def test_the_landing_links_show_to_the_chief_executive_only(people, rf):
    from django.contrib.auth.context_processors import PermWrapper
    from django.template.loader import render_to_string

    def render_for(role):
        user = people[role]
        return render_to_string(
            "complaints/personal_data/_landing_links.html",
            {"user": user, "perms": PermWrapper(user)},
        )

    assert reverse("complaints:subject_access") in render_for(Role.CHIEF_EXECUTIVE)
    assert "personal-data" not in render_for(Role.STAFF)


def test_demo_data_has_logged_views_and_an_anonymised_case_and_seeding_twice_adds_nothing(db):
    from complaints.models import Complainant
    from complaints.seed_reviews import seed_complaint_reviews
    from complaints.wiring_personal_data import seed_personal_data
    from opcc.seed import seed_people

    def quiet(message):
        return None

    seed_people(0, quiet)
    seed_complaint_reviews(0, quiet)
    seed_personal_data(0, quiet)
    views = PersonalDataView.objects.count()
    seed_personal_data(0, quiet)

    assert views and PersonalDataView.objects.count() == views
    disposal = Disposal.objects.get()
    assert disposal.reason == "Retention period ended"
    assert not Complainant.history.filter(name="Lee Longago").exists()
