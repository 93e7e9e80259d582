"""Which body reviews: the IOPC for complaints about senior officers and the other serious
categories, routed when the request arrives (or later by hand), the complainant told."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from complaints.models import ComplaintReview, IopcGround, ReviewBody, ReviewStatus
from complaints.services import reviews as services
from opcc.models import OutboundMessage
from opcc.roles import Role

pytestmark = pytest.mark.django_db

REQUEST = {
    "name": "Sam Complainant",
    "email": "sam@example.org",
    "phone": "",
    "force_reference": "CO/2026/9",
    "outcome_given_on": datetime.date(2026, 10, 1),
    "grounds": "The Assistant Chief Constable ignored my evidence.",
}


def test_a_request_about_a_senior_officer_is_routed_to_the_iopc_when_recorded(
    people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        review = services.receive_review_request(
            **REQUEST,
            channel="letter",
            request_received_on=datetime.date(2026, 10, 10),
            iopc_ground=IopcGround.SENIOR_OFFICER,
            actor=people[Role.STAFF],
        )

    review.refresh_from_db()
    assert (review.status, review.review_body) == (ReviewStatus.ROUTED_TO_IOPC, ReviewBody.IOPC)
    assert review.routing_reason == "The complaint is about a senior officer"
    assert review.acknowledged_on is not None
    kinds = list(OutboundMessage.objects.values_list("kind", flat=True))
    assert kinds == ["review_routed_to_iopc"]  # told it went to the IOPC, not acknowledged
    assert review.history.first().history_user == people[Role.STAFF]


def test_a_request_without_a_ground_stays_with_the_commissioner():
    review = services.receive_review_request(**REQUEST)

    assert (review.status, review.review_body, review.iopc_ground) == (
        ReviewStatus.RECEIVED,
        ReviewBody.PCC,
        "",
    )


def test_an_unknown_ground_is_refused_and_nothing_saved():
    with pytest.raises(ValidationError) as refused:
        services.receive_review_request(**REQUEST, iopc_ground="the_moon")

    assert "iopc_ground" in refused.value.message_dict
    assert not ComplaintReview.objects.exists()


def test_staff_record_the_ground_on_the_form(client_for):
    data = {
        "channel": "email",
        "request_received_on_0": "10",
        "request_received_on_1": "10",
        "request_received_on_2": "2026",
        "name": "Sam Complainant",
        "email": "sam@example.org",
        "force_reference": "CO/2026/9",
        "outcome_given_on_0": "1",
        "outcome_given_on_1": "10",
        "outcome_given_on_2": "2026",
        "grounds": "Ignored my evidence.",
    }
    client = client_for(Role.STAFF)

    bad = client.post(reverse("complaints:review_add"), data | {"iopc_ground": "the_moon"})
    assert bad.status_code == 400 and "Choose who the review body is" in bad.content.decode()
    assert not ComplaintReview.objects.exists()

    client.post(reverse("complaints:review_add"), data | {"iopc_ground": "referred"})

    review = ComplaintReview.objects.get()
    assert review.status == ReviewStatus.ROUTED_TO_IOPC
    assert review.iopc_ground == IopcGround.REFERRED
