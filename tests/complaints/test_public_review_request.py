"""The public's request for a complaint review: a start page, one question a page, "Check your
answers", the confirmation; bad input on each page, the robot trap, the rate limit, and the IOPC
named in the outcome letter."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError

from complaints.models import ComplaintReview, IopcGround, ReviewBody, ReviewStatus
from complaints.services import reviews as services
from tests.complaints.question_pages import CHECK, REVIEW_ANSWERS, answer, send, step_url

pytestmark = pytest.mark.django_db

STEP = "complaint_review_request_step"
START_URL = "/complaints/review/"


@pytest.fixture(autouse=True)
def in_november_2026():
    cache.clear()
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield
    cache.clear()


def test_the_start_page_leads_to_the_first_question_which_holds_the_hidden_trap(client):
    start = client.get(START_URL).content.decode()
    assert step_url(STEP, "reference") in start and "Start now" in start

    response = client.get(step_url(STEP, "reference"))
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert 'name="website"' in html and 'tabindex="-1"' in html
    assert '<h1 class="govuk-label-wrapper">' in html  # the question is the page's heading


def test_a_request_is_saved_acknowledged_and_confirmed_with_its_reference(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, STEP, REVIEW_ANSWERS)

    review = ComplaintReview.objects.get()
    assert response.status_code == 302
    assert "?" not in response["Location"]
    assert (review.complainant.name, review.complainant.email) == (
        "Sam Complainant",
        "sam@example.org",
    )
    assert review.force_reference == "CO/2026/123"
    assert review.outcome_given_on == datetime.date(2026, 10, 1)
    assert review.request_received_on == datetime.date(2026, 11, 23)
    assert review.status == ReviewStatus.RECEIVED
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]
    page = client.get(response["Location"])
    assert review.reference in page.content.decode()
    assert "may refuse it unless there is a good reason" in page.content.decode()  # day 53
    assert "no-store" in page["Cache-Control"]
    # The answers are forgotten once sent: the questions start again, empty.
    assert client.get(step_url(STEP, CHECK))["Location"] == step_url(STEP, "reference")


def test_an_in_time_request_is_confirmed_without_the_lateness_warning(client):
    changes = {"outcome-date": {"outcome_given_on_1": "11"}}

    response = send(client, STEP, REVIEW_ANSWERS, changes, follow=True)

    assert ComplaintReview.objects.get().is_in_time
    assert "good reason" not in response.content.decode()


def test_when_the_letter_names_the_iopc_the_request_goes_to_it_and_the_person_is_told(
    client, django_capture_on_commit_callbacks
):
    changes = {"review-body": {"review_body_named": "iopc"}}

    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, STEP, REVIEW_ANSWERS, changes, follow=True)

    review = ComplaintReview.objects.get()
    assert (review.status, review.review_body, review.iopc_ground) == (
        ReviewStatus.ROUTED_TO_IOPC,
        ReviewBody.IOPC,
        IopcGround.OUTCOME_LETTER,
    )
    assert review.routing_reason == IopcGround.OUTCOME_LETTER.label
    assert "we have sent your request to the IOPC" in response.content.decode()
    [message] = mail.outbox
    assert "IOPC" in message.subject + message.body and review.reference in message.body


def test_check_your_answers_shows_each_answer_and_a_change_returns_to_it(client):
    answer(client, STEP, REVIEW_ANSWERS)

    check = client.get(step_url(STEP, CHECK)).content.decode()
    for shown in (
        "CO/2026/123",
        "1 October 2026",
        "The Police and Crime Commissioner",
        "They did not speak to my witness.",
        "Sam Complainant",
        "sam@example.org",
    ):
        assert shown in check
    assert step_url(STEP, "name") in check

    response = client.post(step_url(STEP, "name"), {"name": "Sam Other"})

    assert response["Location"] == step_url(STEP, CHECK)
    assert "Sam Other" in client.get(step_url(STEP, CHECK)).content.decode()


def test_questions_are_answered_in_order(client):
    response = client.get(step_url(STEP, "contact"))

    assert response["Location"] == step_url(STEP, "reference")
    assert client.post(step_url(STEP, CHECK))["Location"] == step_url(STEP, "reference")
    assert not ComplaintReview.objects.exists()


def test_an_unknown_question_is_not_found(client):
    assert client.get(step_url(STEP, "favourite-colour")).status_code == 404


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("reference", {"force_reference": ""}, "Enter the police&#x27;s reference"),
        ("reference", {"force_reference": "x" * 61}, "60 characters or fewer"),
        (
            "outcome-date",
            {"outcome_given_on_0": "", "outcome_given_on_1": "", "outcome_given_on_2": ""},
            "Enter the date the outcome was given",
        ),
        (
            "outcome-date",
            {"outcome_given_on_0": "31", "outcome_given_on_1": "2", "outcome_given_on_2": "2026"},
            "The date the outcome was given must be a real date",
        ),
        (
            "outcome-date",
            {"outcome_given_on_0": "1", "outcome_given_on_1": "1", "outcome_given_on_2": "2027"},
            "The date the outcome was given must be today or in the past",
        ),
        ("review-body", {}, "Choose who the outcome letter said to ask for a review"),
        ("review-body", {"review_body_named": "police"}, "Choose who the outcome letter said"),
        ("reasons", {"grounds": ""}, "Enter why you think the outcome was wrong"),
        ("name", {"name": ""}, "Enter your full name"),
        ("contact", {"email": "", "phone": ""}, "Enter an email address or a phone number"),
        ("contact", {"email": "not-an-address"}, "Enter an email address in the correct format"),
    ],
)
def test_a_bad_answer_is_refused_on_its_page_and_nothing_is_kept(client, step, data, message):
    earlier = dict(list(REVIEW_ANSWERS.items())[: list(REVIEW_ANSWERS).index(step)])
    if earlier:
        answer(client, STEP, earlier)

    response = client.post(step_url(STEP, step), data)

    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "govuk-error-summary" in html and html.count("<title>Error: ") == 1
    assert step not in client.session.get("complaint_review_request_answers", {})
    assert not ComplaintReview.objects.exists()


def test_a_refusal_when_sending_links_back_to_the_question(client, monkeypatch):
    def refuse(**kwargs):
        raise ValidationError({"grounds": "Tell us more about why the outcome was wrong"})

    monkeypatch.setattr(services, "receive_review_request", refuse)

    response = send(client, STEP, REVIEW_ANSWERS)

    html = response.content.decode()
    assert response.status_code == 400
    assert "Tell us more about why the outcome was wrong" in html
    assert f'href="{step_url(STEP, "reasons")}"' in html
    assert "<title>Error: " in html


def test_a_robot_filling_the_trap_sees_success_but_nothing_is_saved(
    client, django_capture_on_commit_callbacks
):
    changes = {"reference": {"website": "http://spam.example"}}

    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, STEP, REVIEW_ANSWERS, changes, follow=True)

    assert response.status_code == 200
    assert "Request sent" in response.content.decode()
    assert not ComplaintReview.objects.exists()
    assert mail.outbox == []


def test_more_than_the_hourly_limit_from_one_address_is_refused(client, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for _ in range(2):
        assert send(client, STEP, REVIEW_ANSWERS).status_code == 302

    response = send(client, STEP, REVIEW_ANSWERS)

    assert response.status_code == 429
    assert "You have sent too many requests" in response.content.decode()
    assert ComplaintReview.objects.count() == 2
    other = client.post(step_url(STEP, CHECK), REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 302 and ComplaintReview.objects.count() == 3


def test_the_confirmation_without_a_request_goes_back_to_the_start(client):
    response = client.get("/complaints/review/sent/")

    assert response["Location"] == START_URL
