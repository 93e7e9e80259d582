"""How long a signed-in session lasts: 12 hours at most, 30 minutes idle, and the session
written at most once a minute while it is in use."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from opcc.middleware import SESSION_STARTED_KEY
from opcc.roles import Role
from tests.opcc.factories import UserFactory
from tests.opcc.test_login import sign_in

pytestmark = pytest.mark.django_db


def test_session_ends_after_twelve_hours_however_active():
    user = UserFactory(role=Role.VISITOR)
    client = Client()
    sign_in(client, user.email)
    session = client.session
    session[SESSION_STARTED_KEY] = time.time() - 12 * 60 * 60 - 1
    session.save()

    response = client.get(reverse("dashboard"))

    assert response["Location"] == f"{reverse('login')}?expired=1"
    assert client.get(reverse("dashboard"))["Location"].startswith(reverse("login"))


def test_idle_sessions_expire_after_thirty_minutes():
    import time_machine

    user = UserFactory(role=Role.VISITOR)
    client = Client()
    with time_machine.travel("2026-11-23 09:00 +0000", tick=False) as clock:
        sign_in(client, user.email)
        clock.shift(29 * 60)
        assert client.get(reverse("dashboard")).status_code == 200  # activity renews it
        clock.shift(29 * 60)
        assert client.get(reverse("dashboard")).status_code == 200
        clock.shift(31 * 60)
        assert client.get(reverse("dashboard"))["Location"].startswith(reverse("login"))


def test_an_active_session_is_written_at_most_once_a_minute():
    import time_machine
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def session_writes():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("dashboard")).status_code == 200
        return [
            q
            for q in queries.captured_queries
            if "django_session" in q["sql"] and not q["sql"].startswith("SELECT")
        ]

    user = UserFactory(role=Role.VISITOR)
    client = Client()
    with time_machine.travel("2026-11-23 09:00 +0000", tick=False) as clock:
        sign_in(client, user.email)
        session_writes()
        clock.shift(30)
        assert session_writes() == []  # within the minute: read, not written
        clock.shift(31)
        assert len(session_writes()) == 1  # a minute on: the expiry moves on
        # Thirty minutes after that write, the session has ended.
        clock.shift(30 * 60 + 1)
        assert client.get(reverse("dashboard"))["Location"].startswith(reverse("login"))
