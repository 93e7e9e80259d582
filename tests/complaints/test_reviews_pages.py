"""Complaint review pages: the office's pages (personal data only for the handler, forms
refusing bad input, query counts, the dashboard panel, the demo data)."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from guardian.shortcuts import assign_perm

from complaints.models import ComplaintReview, ReviewFinding, ReviewStatus
from complaints.services import reviews as services
from opcc.roles import Role
from tests.complaints.factories import ComplaintReviewFactory
from tests.opcc.factories import UserFactory

pytestmark = pytest.mark.django_db

# What the office types in for a request received another way.
FORM = {
    "name": "Sam Complainant",
    "email": "sam@example.org",
    "phone": "",
    "force_reference": "CO/2026/123",
    "outcome_given_on_0": "1",
    "outcome_given_on_1": "10",
    "outcome_given_on_2": "2026",
    "grounds": "They did not speak to my witness.",
}


@pytest.fixture(autouse=True)
def in_november_2026():
    cache.clear()
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield
    cache.clear()


@pytest.fixture
def assigned_review(people):
    review = services.receive_review_request(
        name="Sam Complainant",
        email="sam@example.org",
        phone="01632 960123",
        force_reference="CO/2026/123",
        outcome_given_on=datetime.date(2026, 10, 1),
        grounds="They did not speak to my witness.",
        request_received_on=datetime.date(2026, 10, 20),
    )
    return services.assign_reviewer(
        people[Role.CHIEF_EXECUTIVE], review, reviewer=people[Role.STAFF]
    )


@pytest.mark.parametrize(
    ("role", "sees"), [(Role.CHIEF_EXECUTIVE, True), (Role.STAFF, True), (Role.PCC, False)]
)
def test_only_the_handler_and_chief_executive_see_the_complainants_details(
    client_for, assigned_review, role, sees, caplog
):
    response = client_for(role).get(assigned_review.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert ("sam@example.org" in html) is sees
    assert ("01632 960123" in html) is sees
    assert ("Personal details are shown only to the case" in html) is not sees
    assert "no-store" in response["Cache-Control"]
    logged = [r for r in caplog.records if "personal data viewed" in r.getMessage()]
    assert bool(logged) is sees


def test_other_staff_and_the_cfo_cannot_find_the_case(people, assigned_review):
    from django.test import Client

    from tests.conftest import sign_in

    for user in (UserFactory(role=Role.STAFF), people[Role.CFO]):
        response = sign_in(Client(), user).get(assigned_review.get_absolute_url())
        assert response.status_code == 404


def test_list_shows_only_visible_reviews_with_overdue_marks(client_for, people, assigned_review):
    ComplaintReviewFactory(reference="R-2026-0900")

    staff_page = client_for(Role.STAFF).get(reverse("complaints:reviews")).content.decode()
    ce_page = client_for(Role.CHIEF_EXECUTIVE).get(reverse("complaints:reviews")).content.decode()

    assert assigned_review.reference in staff_page and "R-2026-0900" not in staff_page
    assert "R-2026-0900" in ce_page
    assert "Acknowledgement overdue" in ce_page  # received 20 October, not yet acknowledged
    assert "Sam Complainant" not in ce_page


def test_list_filters_by_status(client_for, assigned_review):
    ComplaintReviewFactory(reference="R-2026-0900")
    url = reverse("complaints:reviews") + "?status=under_review"

    html = client_for(Role.CHIEF_EXECUTIVE).get(url).content.decode()

    assert assigned_review.reference in html and "R-2026-0900" not in html


@pytest.mark.parametrize("rows", [2, 30])
def test_review_list_queries_do_not_grow(rows, people, client_for, django_assert_max_num_queries):
    staff = people[Role.STAFF]
    for review in ComplaintReviewFactory.create_batch(rows, reviewer=staff):
        assign_perm("complaints.view_complaintreview", staff, review)
    for role in (Role.CHIEF_EXECUTIVE, Role.STAFF):
        client = client_for(role)
        with django_assert_max_num_queries(12):
            response = client.get(reverse("complaints:reviews"))
        assert response.status_code == 200


@pytest.mark.parametrize("rows", [2, 30])
def test_upheld_themes_queries_do_not_grow(rows, client_for, django_assert_max_num_queries):
    ComplaintReviewFactory.create_batch(
        rows,
        status=ReviewStatus.DECIDED,
        finding=ReviewFinding.NOT_REASONABLE,
        theme="Witnesses not contacted",
        decided_on=datetime.date(2026, 11, 2),
    )
    client = client_for(Role.CFO)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("complaints:review_upheld_themes"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Witnesses not contacted" in html and "Sam Complainant" not in html


def post_as(client_for, role, name, review, data, **extra):
    url = reverse(f"complaints:{name}", kwargs={"code": review.code, **extra})
    return client_for(role).post(url, data)


def test_decide_form_refuses_an_upheld_finding_without_recommendations(client_for, assigned_review):
    response = post_as(
        client_for,
        Role.STAFF,
        "review_decide",
        assigned_review,
        {"finding": ReviewFinding.NOT_REASONABLE, "finding_reasons": "Wrong.", "theme": ""},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter at least one recommendation to the force" in html
    assert "Enter the theme of an upheld review" in html
    assigned_review.refresh_from_db()
    assert assigned_review.status == ReviewStatus.UNDER_REVIEW


def test_decide_form_records_recommendations_one_a_line(client_for, assigned_review):
    response = post_as(
        client_for,
        Role.STAFF,
        "review_decide",
        assigned_review,
        {
            "finding": ReviewFinding.NOT_REASONABLE,
            "finding_reasons": "Wrong.",
            "theme": "Witnesses",
            "recommendations": "Speak to the witness.\r\n\r\nReconsider.",
        },
    )

    assert response.status_code == 302
    assert [r.text for r in assigned_review.recommendations.all()] == [
        "Speak to the witness.",
        "Reconsider.",
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("review_decide", {"finding_reasons": "x"}, "Choose whether the outcome was reasonable"),
        ("review_decide", {"finding": "reasonable"}, "Enter the reasons for the finding"),
        ("review_assign", {"reviewer": "999999"}, "Choose a member of staff or the Chief"),
        ("review_assign", {}, "Choose the reviewer"),
    ],
)
def test_review_forms_refuse_bad_input(client_for, assigned_review, name, data, message):
    before = assigned_review.version

    response = post_as(client_for, Role.CHIEF_EXECUTIVE, name, assigned_review, data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assigned_review.refresh_from_db()
    assert assigned_review.version == before


@pytest.mark.parametrize("name", ["review_route_to_iopc", "review_accept_late"])
def test_reason_forms_refuse_an_empty_reason(client_for, name):
    review = ComplaintReviewFactory(request_received_on=datetime.date(2026, 11, 2))

    response = post_as(client_for, Role.CHIEF_EXECUTIVE, name, review, {"reason": " "})

    assert response.status_code == 400
    assert "Enter why" in response.content.decode()
    review.refresh_from_db()
    assert review.status == ReviewStatus.RECEIVED and review.late_reason == ""


def test_late_acceptance_and_routing_through_the_pages(client_for):
    late = ComplaintReviewFactory(request_received_on=datetime.date(2026, 11, 2))
    other = ComplaintReviewFactory()

    assert (
        post_as(client_for, Role.CHIEF_EXECUTIVE, "review_accept_late", late, {"reason": "Ill"})
    ).status_code == 302
    assert (
        post_as(
            client_for, Role.CHIEF_EXECUTIVE, "review_route_to_iopc", other, {"reason": "Senior"}
        )
    ).status_code == 302
    late.refresh_from_db()
    other.refresh_from_db()
    assert late.late_reason == "Ill"
    assert other.status == ReviewStatus.ROUTED_TO_IOPC


def test_force_response_form_and_closing(client_for, people, assigned_review):
    services.decide_review(
        people[Role.STAFF],
        assigned_review,
        finding=ReviewFinding.NOT_REASONABLE,
        finding_reasons="Wrong.",
        theme="Witnesses",
        recommendations=["Speak to the witness."],
    )
    recommendation = assigned_review.recommendations.get()
    extra = {"pk": recommendation.pk}

    assert post_as(client_for, Role.STAFF, "review_close", assigned_review, {}).status_code == 400
    bad = post_as(
        client_for, Role.STAFF, "review_force_response", assigned_review, {"response": "x"}, **extra
    )
    assert bad.status_code == 400
    assert "Choose whether the force accepted" in bad.content.decode()
    good = post_as(
        client_for,
        Role.STAFF,
        "review_force_response",
        assigned_review,
        {"accepted": "yes", "response": "Done."},
        **extra,
    )
    assert good.status_code == 302
    assert post_as(client_for, Role.STAFF, "review_close", assigned_review, {}).status_code == 302
    assigned_review.refresh_from_db()
    assert assigned_review.status == ReviewStatus.CLOSED


def test_staff_record_a_request_received_by_letter(client_for):
    data = FORM | {
        "channel": "letter",
        "request_received_on_0": "20",
        "request_received_on_1": "10",
        "request_received_on_2": "2026",
    }

    bad = client_for(Role.STAFF).post(reverse("complaints:review_add"), data | {"channel": ""})
    assert bad.status_code == 400 and "Choose how the request arrived" in bad.content.decode()
    assert not ComplaintReview.objects.exists()

    response = client_for(Role.STAFF).post(reverse("complaints:review_add"), data)

    assert response.status_code == 302
    review = ComplaintReview.objects.get()
    assert review.request_received_on == datetime.date(2026, 10, 20)
    assert review.history.first().history_change_reason == "Received by letter"


def test_dashboard_shows_the_reviewers_cases_and_the_chief_executives_unassigned(
    client_for, assigned_review
):
    unassigned = ComplaintReviewFactory(reference="R-2026-0900")

    staff = client_for(Role.STAFF).get(reverse("dashboard")).content.decode()
    chief = client_for(Role.CHIEF_EXECUTIVE).get(reverse("dashboard")).content.decode()

    assert "Complaint reviews" in staff and assigned_review.reference in staff
    assert unassigned.reference not in staff
    assert unassigned.reference in chief and "Acknowledgement overdue" in chief
    assert (
        "Complaint reviews" not in client_for(Role.CFO).get(reverse("dashboard")).content.decode()
    )


def test_landing_links_to_the_reviews(client_for):
    html = client_for(Role.STAFF).get(reverse("complaints:landing")).content.decode()

    assert reverse("complaints:reviews") in html
    assert reverse("complaints:review_upheld_themes") in html


def test_demo_reviews_cover_every_state_and_seeding_twice_adds_nothing(db):
    from complaints.seed_reviews import seed_complaint_reviews
    from opcc.seed import seed_people

    seed_people(0, lambda message: None)
    seed_complaint_reviews(0, lambda message: None)
    seed_complaint_reviews(0, lambda message: None)

    assert ComplaintReview.objects.count() == 6
    assert set(ComplaintReview.objects.values_list("status", flat=True)) == set(ReviewStatus.values)
    assert ComplaintReview.objects.filter(request_received_on__gt=models_last_day()).exists()


def models_last_day():
    from django.db.models import F

    return F("outcome_given_on") + datetime.timedelta(days=28)
