"""E-mail alerts: double opt-in, one e-mail per new item saying why, one-click unsubscribe (a
mail program's RFC 8058 POST too), nothing learnt about who subscribes, bad input refused."""

import datetime

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from governance.models import DecisionStatus
from opcc.alerts import send_alerts
from opcc.models import AlertSubscription, OutboundMessage
from opcc.publications import publish_document
from opcc.roles import Role
from opcc.seed_transparency import BLANK_PDF
from tests.governance.factories import DecisionFactory

pytestmark = pytest.mark.django_db

SUBSCRIBE = reverse("alerts_subscribe")


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def confirmation_link(email):
    message = OutboundMessage.objects.filter(kind="alert_confirmation", to=email).latest("id")
    code = message.body_text.split("/alerts/confirm/", 1)[1].split("/", 1)[0]
    return reverse("alerts_confirm", args=[code])


def subscribed(client, email="reader@example.org", kind="decisions"):
    assert client.post(SUBSCRIBE, {"kind": kind, "email": email}).status_code == 302
    link = confirmation_link(email)
    assert client.post(link).status_code == 200
    return AlertSubscription.objects.get(email=email, kind=kind)


def publish_decision(title="Lighting for the riverside path"):
    return DecisionFactory(
        title=title, status=DecisionStatus.PUBLISHED, published_at=timezone.now()
    )


def alerts_to(email):
    return OutboundMessage.objects.filter(kind="alert", to=email)


def test_nothing_is_sent_until_the_address_confirms():
    client = Client()
    client.post(SUBSCRIBE, {"kind": "decisions", "email": "Reader@Example.org"})
    publish_decision()

    assert send_alerts() == 0
    link = confirmation_link("reader@example.org")
    assert client.get(link).status_code == 200  # a mail scanner's GET confirms nothing
    assert AlertSubscription.objects.get().confirmed_at is None


def test_one_e_mail_per_new_item_saying_why_and_how_to_stop():
    DecisionFactory(
        title="Published before subscribing",
        status=DecisionStatus.PUBLISHED,
        published_at=timezone.now() - datetime.timedelta(hours=1),
    )
    subscription = subscribed(Client())
    publish_decision(title="Lighting for the riverside path")

    assert send_alerts() == 1
    assert send_alerts() == 0  # the next sweep sends nothing twice
    [alert] = alerts_to("reader@example.org")
    assert "Lighting for the riverside path" in alert.subject
    assert "you subscribed to alerts about new decisions" in alert.body_text
    assert f"/alerts/stop/{subscription.code}/" in alert.body_text
    assert alert.unsubscribe_url.endswith(f"/alerts/stop/{subscription.code}/")


def test_a_mail_programs_one_click_post_unsubscribes_without_a_csrf_token():
    subscription = subscribed(Client())
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        reverse("alerts_unsubscribe", args=[subscription.code]),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    publish_decision()
    assert send_alerts() == 0


def test_published_documents_alert_their_subscribers_only(people):
    subscribed(Client(), email="docs@example.org", kind="publications")
    subscribed(Client(), email="decisions@example.org", kind="decisions")
    publish_document(
        people[Role.STAFF],
        category="spending",
        title="Spending over £500: October 2026",
        summary="",
        published_on=None,
        document=SimpleUploadedFile("s.pdf", BLANK_PDF, content_type="application/pdf"),
    )

    assert send_alerts() == 1
    assert alerts_to("docs@example.org").count() == 1
    assert not alerts_to("decisions@example.org").exists()


def test_asking_again_reveals_nothing_and_sends_no_second_confirmation_once_confirmed():
    subscribed(Client())

    response = Client().post(SUBSCRIBE, {"kind": "decisions", "email": "reader@example.org"})

    assert response["Location"] == reverse("alerts_check_email")
    assert OutboundMessage.objects.filter(kind="alert_confirmation").count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "decisions", "email": ""}, "Enter your email address"),
        ({"kind": "decisions", "email": "not-an-address"}, "in the correct format"),
        ({"kind": "gossip", "email": "reader@example.org"}, "Choose what you want to hear about"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(data, message):
    response = Client().post(SUBSCRIBE, data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not AlertSubscription.objects.exists()


def test_a_robot_filling_the_trap_is_told_to_check_its_email_but_nothing_happens():
    response = Client().post(
        SUBSCRIBE, {"kind": "decisions", "email": "bot@example.org", "website": "spam"}
    )

    assert response["Location"] == reverse("alerts_check_email")
    assert not AlertSubscription.objects.exists()


def test_subscribing_is_rate_limited(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    client = Client()
    client.post(SUBSCRIBE, {"kind": "decisions", "email": "a@example.org"})

    response = client.post(SUBSCRIBE, {"kind": "decisions", "email": "b@example.org"})

    assert response.status_code == 429
    assert AlertSubscription.objects.count() == 1


def test_an_unknown_code_is_not_found():
    import uuid

    assert Client().get(reverse("alerts_confirm", args=[uuid.uuid4()])).status_code == 404
    assert Client().post(reverse("alerts_unsubscribe", args=[uuid.uuid4()])).status_code == 404
