"""The public's complaint about the Commissioner, the Deputy or the Chief Constable: a start
page, one question a page, "Check your answers", the confirmation; bad input on each page, the
robot trap and the rate limit."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache

from complaints.models import Complaint, ComplaintSubject
from tests.complaints.question_pages import CHECK, COMPLAINT_ANSWERS, answer, send, step_url

pytestmark = pytest.mark.django_db

STEP = "complain_step"
START_URL = "/complaints/complain/"


@pytest.fixture(autouse=True)
def in_november_2026():
    cache.clear()
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield
    cache.clear()


def test_a_complaint_is_saved_acknowledged_and_confirmed_with_its_reference(
    client, django_capture_on_commit_callbacks
):
    assert step_url(STEP, "about") in client.get(START_URL).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, STEP, COMPLAINT_ANSWERS)

    complaint = Complaint.objects.get()
    assert response["Location"] == "/complaints/complain/sent/"
    assert complaint.subject == ComplaintSubject.PCC
    assert complaint.channel == "online"
    assert complaint.details == "The Commissioner shouted at me at a public meeting."
    assert (complaint.complainant.name, complaint.complainant.email) == (
        "Ali Complainant",
        "ali@example.org",
    )
    assert [m.to for m in mail.outbox] == [["ali@example.org"]]
    page = client.get(response["Location"])
    assert complaint.reference in page.content.decode()
    assert "no-store" in page["Cache-Control"]


def test_the_first_question_offers_the_three_office_holders_and_the_trap(client):
    response = client.get(step_url(STEP, "about"))
    html = response.content.decode()

    assert "no-store" in response["Cache-Control"]
    for value in ("pcc", "deputy", "chief_constable"):
        assert f'value="{value}"' in html
    assert "Complaints about other police officers or police staff go to the force" in html
    assert 'name="website"' in html and 'tabindex="-1"' in html
    assert '<h1 class="govuk-fieldset__heading">' in html


def test_check_your_answers_names_who_the_complaint_is_about(client):
    answer(client, STEP, COMPLAINT_ANSWERS)

    html = client.get(step_url(STEP, CHECK)).content.decode()

    assert "The Police and Crime Commissioner" in html
    assert "Ali Complainant" in html and "ali@example.org" in html


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("about", {"subject": ""}, "Choose who your complaint is about"),
        ("about", {"subject": "chief_executive"}, "Choose who your complaint is about"),
        ("what-happened", {"details": ""}, "Enter what happened"),
        ("what-happened", {"details": "x" * 10001}, "10,000 characters or fewer"),
        ("name", {"name": ""}, "Enter your full name"),
        ("contact", {"email": "", "phone": ""}, "Enter an email address or a phone number"),
        ("contact", {"email": "not-an-address"}, "Enter an email address in the correct format"),
    ],
)
def test_a_bad_answer_is_refused_on_its_page_and_nothing_is_kept(client, step, data, message):
    earlier = dict(list(COMPLAINT_ANSWERS.items())[: list(COMPLAINT_ANSWERS).index(step)])
    if earlier:
        answer(client, STEP, earlier)

    response = client.post(step_url(STEP, step), data)

    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "govuk-error-summary" in html and html.count("<title>Error: ") == 1
    assert step not in client.session.get("complaint_answers", {})
    assert not Complaint.objects.exists()


def test_a_robot_filling_the_trap_sees_success_but_nothing_is_saved(
    client, django_capture_on_commit_callbacks
):
    changes = {"about": {"website": "http://spam.example"}}

    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, STEP, COMPLAINT_ANSWERS, changes, follow=True)

    assert response.status_code == 200
    assert "Complaint sent" in response.content.decode()
    assert not Complaint.objects.exists()
    assert mail.outbox == []


def test_more_than_the_hourly_limit_from_one_address_is_refused(client, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for _ in range(2):
        assert send(client, STEP, COMPLAINT_ANSWERS).status_code == 302

    response = send(client, STEP, COMPLAINT_ANSWERS)

    assert response.status_code == 429
    assert "You have sent too many requests" in response.content.decode()
    assert Complaint.objects.count() == 2


def test_the_confirmation_without_a_complaint_goes_back_to_the_start(client):
    response = client.get("/complaints/complain/sent/")

    assert response.status_code == 302 and response["Location"] == START_URL
