"""Every form the public can send is limited per address, and the ones a robot would fill in
have a trap field; sign-in is limited by django-axes.

`test_every_public_form_is_known` finds the public's forms from the access matrix (each page the
public may see, read for a form that posts), so a new public form fails here until it is
listed with its limit.
"""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from complaints.models import Complaint, ComplaintReview
from opcc.models import AlertSubscription
from tests.complaints.question_pages import COMPLAINT_ANSWERS, REVIEW_ANSWERS, send, step_url
from tests.conftest import ANONYMOUS
from tests.opcc.factories import UserFactory
from tests.test_access_matrix import MATRIX, objects  # noqa: F401  (the matrix's fixture)

pytestmark = pytest.mark.django_db

TOO_MANY = "You have sent too many requests"
# Every public form, by the URL name of the page that shows it, and what limits it. The pages
# of one question-page journey all post to the same step URL.
PUBLIC_FORMS = {
    "complain_step": "hourly limit per address, trap field",
    "complaint_review_request_step": "hourly limit per address, trap field",
    "alerts_subscribe": "hourly limit per address, trap field",
    "password_reset": "hourly limit per address (each request sends an e-mail)",
    "login": "django-axes lockout after AXES_FAILURE_LIMIT failures",
    # Reached only through a secret link sent by e-mail; the code or token is the limit.
    "alerts_confirm": "unguessable code",
    "alerts_unsubscribe": "unguessable code",
    "password_reset_confirm": "single-use, expiring token",
    # Signing out keeps nothing and sends nothing.
    "logout": "nothing to limit",
}
POSTING_FORM = re.compile(r"<form\b[^>]*\bmethod=\"post\"", re.IGNORECASE)


def test_every_public_form_is_known(objects):  # noqa: F811
    found = set()
    client = Client()
    for name, row in MATRIX.items():
        if row.method == "post" and row.outcome[ANONYMOUS] not in {"login", 403, 404}:
            found.add(name)
        elif row.method == "get" and row.outcome[ANONYMOUS] == 200:
            response = client.get(reverse(name, kwargs=row.kwargs(objects)))
            body = b"" if response.streaming else response.content
            if POSTING_FORM.search(body.decode(errors="replace")):
                found.add(name)
    # The token check of password_reset_confirm shows no form for the matrix's made-up token.
    assert found == set(PUBLIC_FORMS) - {"password_reset_confirm"}


@pytest.mark.parametrize(
    "url_name, answers, model",
    [
        ("complain_step", COMPLAINT_ANSWERS, Complaint),
        ("complaint_review_request_step", REVIEW_ANSWERS, ComplaintReview),
    ],
)
def test_question_page_journeys_are_limited_per_address(settings, url_name, answers, model):
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    client = Client()
    assert send(client, url_name, answers).status_code == 302

    refused = send(client, url_name, answers)

    assert refused.status_code == 429
    assert TOO_MANY in refused.content.decode()
    assert model.objects.count() == 1


@pytest.mark.parametrize(
    "url_name, answers, model",
    [
        ("complain_step", COMPLAINT_ANSWERS, Complaint),
        ("complaint_review_request_step", REVIEW_ANSWERS, ComplaintReview),
    ],
)
def test_question_page_journeys_keep_nothing_a_robot_sends(url_name, answers, model):
    first_step = next(iter(answers))
    html = Client().get(step_url(url_name, first_step)).content.decode()
    assert 'name="website"' in html

    robot = send(Client(), url_name, answers, {first_step: {"website": "http://spam.example"}})

    assert robot.status_code == 302  # told it worked, so it learns nothing
    assert not model.objects.exists()
    assert mail.outbox == []


def test_alert_subscriptions_are_limited_and_trapped(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    url = reverse("alerts_subscribe")
    assert 'name="website"' in Client().get(url).content.decode()
    robot = Client().post(url, {"kind": "decisions", "email": "bot@example.org", "website": "x"})
    assert robot.status_code == 302 and not AlertSubscription.objects.exists()

    refused = Client().post(url, {"kind": "decisions", "email": "person@example.org"})

    assert refused.status_code == 429
    assert TOO_MANY in refused.content.decode()
    assert not AlertSubscription.objects.exists()


def test_password_reset_requests_are_limited_per_address(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    UserFactory(email="target@opcc.example")
    url = reverse("password_reset")
    for _ in range(2):
        assert Client().post(url, {"email": "target@opcc.example"}).status_code == 302

    refused = Client().post(url, {"email": "target@opcc.example"})

    assert refused.status_code == 429
    assert TOO_MANY in refused.content.decode()
    assert len(mail.outbox) == 2
    elsewhere = Client().post(url, {"email": "target@opcc.example"}, REMOTE_ADDR="192.0.2.7")
    assert elsewhere.status_code == 302 and len(mail.outbox) == 3


def test_sign_in_is_locked_after_the_failure_limit(settings):
    UserFactory(email="someone@opcc.example")
    url = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post(url, {"username": "someone@opcc.example", "password": "guess"})

    refused = Client().post(url, {"username": "someone@opcc.example", "password": "guess"})

    assert refused.status_code == 429


def test_sign_in_is_limited_per_address_whichever_accounts_are_tried(settings):
    settings.SIGN_IN_RATE_LIMIT = 3
    url = reverse("login")
    for number in range(3):
        tried = {"username": f"person{number}@opcc.example", "password": "guess"}
        assert Client().post(url, tried).status_code == 400

    refused = Client().post(url, {"username": "person9@opcc.example", "password": "guess"})

    assert refused.status_code == 429
    assert TOO_MANY in refused.content.decode()
    other = Client().post(
        url, {"username": "a@opcc.example", "password": "x"}, REMOTE_ADDR="192.0.2.8"
    )
    assert other.status_code == 400


def test_behind_the_proxy_each_visitor_is_counted_by_their_own_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    url = reverse("alerts_subscribe")
    proxy = {"REMOTE_ADDR": "10.0.0.2"}

    def subscribe(forwarded_for):
        data = {"kind": "decisions", "email": "person@example.org"}
        return Client().post(url, data, HTTP_X_FORWARDED_FOR=forwarded_for, **proxy)

    assert subscribe("203.0.113.1").status_code == 302
    assert subscribe("203.0.113.2").status_code == 302  # someone else, not limited
    # A sender cannot dodge the limit by writing its own X-Forwarded-For entries.
    assert subscribe("198.51.100.7, 203.0.113.1").status_code == 429


def test_behind_the_proxy_a_lockout_is_for_the_address_that_failed(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(email="someone@opcc.example")
    url = reverse("login")
    guess = {"username": "someone@opcc.example", "password": "guess"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post(url, guess, HTTP_X_FORWARDED_FOR="203.0.113.1", REMOTE_ADDR="10.0.0.2")

    attacker = Client().post(url, guess, HTTP_X_FORWARDED_FOR="203.0.113.1", REMOTE_ADDR="10.0.0.2")
    owner = Client().post(url, guess, HTTP_X_FORWARDED_FOR="203.0.113.5", REMOTE_ADDR="10.0.0.2")

    assert attacker.status_code == 429
    assert owner.status_code == 400  # a wrong password, but not locked out


@pytest.mark.parametrize(
    ("meta", "proxies", "expected"),
    [
        ({"REMOTE_ADDR": "192.0.2.9"}, 0, "192.0.2.9"),
        ({"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.1"}, 1, "203.0.113.1"),
        # A garbled entry from the proxy counts as the proxy's own address, never as text.
        ({"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "not-an-address"}, 1, "10.0.0.2"),
        # Django's programmatic sign-in (force_login) builds a request with no address at all.
        ({}, 0, "0.0.0.0"),  # noqa: S104 - an address stored, not bound to
    ],
)
def test_the_counted_address_is_always_an_address(settings, meta, proxies, expected):
    from django.http import HttpRequest

    from opcc.rate_limit import client_address

    settings.TRUSTED_PROXY_COUNT = proxies
    request = HttpRequest()
    request.META.update(meta)
    assert client_address(request) == expected
