"""Whole public pages kept for the public (opcc.page_cache): a second look costs no query, a
change shows at once, and nothing about one visitor is ever kept or served to another."""

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.urls import reverse

from governance.models import DecisionStatus
from opcc.page_cache import public_page
from opcc.roles import Role
from tests.governance.factories import DecisionFactory

pytestmark = pytest.mark.django_db

REGISTER = reverse("decision_register")


def published(title):
    return DecisionFactory(status=DecisionStatus.PUBLISHED, title=title)


def test_a_second_look_is_served_whole_without_a_query(django_assert_num_queries):
    published("Road safety grant")
    first = Client().get(REGISTER)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = Client().get(REGISTER)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Road safety grant" in second.content.decode()
    # The middleware still sets its headers on a kept page.
    assert "script-src 'self'" in second["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY"


def test_each_query_string_is_its_own_page():
    published("Road safety grant")
    Client().get(REGISTER)
    page_two = Client().get(REGISTER, {"sort": "oldest"})
    assert page_two["X-Page-Cache"] == "miss"


def test_a_decision_published_or_taken_down_shows_at_once():
    kept = published("Road safety grant")
    assert "Road safety grant" in Client().get(REGISTER).content.decode()

    published("Victim services contract")
    page = Client().get(REGISTER)
    assert page["X-Page-Cache"] == "miss"
    assert "Victim services contract" in page.content.decode()

    kept.status = DecisionStatus.WITHDRAWN  # any save moves the public cache on
    kept.save()
    assert "Road safety grant" not in Client().get(REGISTER).content.decode()


def test_a_signed_in_person_is_never_served_or_stored(client_for):
    published("Road safety grant")
    staff = client_for(Role.STAFF)
    for _ in range(2):
        page = staff.get(REGISTER)
        assert "X-Page-Cache" not in page
    # ... and their page (with their navigation) was not kept for the public.
    public = Client().get(REGISTER)
    assert public["X-Page-Cache"] == "miss"
    assert "Sign out" not in public.content.decode()


def test_a_visitor_with_a_session_or_messages_cookie_gets_a_fresh_page():
    published("Road safety grant")
    Client().get(REGISTER)
    for cookie in ("sessionid", "messages"):
        visitor = Client()
        visitor.cookies[cookie] = "anything"
        assert "X-Page-Cache" not in visitor.get(REGISTER)


@pytest.mark.parametrize(
    "view",
    [
        # A page with a form's CSRF token is the visitor's own.
        public_page(lambda request: HttpResponse(get_token(request))),
        # A page that sets a cookie, or is not a 200.
        public_page(lambda request: _with_cookie(HttpResponse("hello"))),
        public_page(lambda request: HttpResponse("gone", status=404)),
    ],
)
def test_pages_that_are_the_visitors_own_are_never_kept(view):
    factory = RequestFactory()
    first = view(factory.get("/somewhere/"))
    second = view(factory.get("/somewhere/"))
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second


def test_a_post_is_never_served_from_the_cache():
    view = public_page(lambda request: HttpResponse(request.method))
    factory = RequestFactory()
    view(factory.get("/somewhere/"))
    assert view(factory.post("/somewhere/")).content == b"POST"


def _with_cookie(response):
    response.set_cookie("seen", "yes")
    return response


DASHBOARD = reverse("dashboard")


def test_my_work_is_kept_for_its_owner_in_that_session_only(people, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    chief = client_for(Role.CHIEF_EXECUTIVE)
    chief.get(DASHBOARD)  # the CSRF cookie's first page is not kept
    first = chief.get(DASHBOARD)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = chief.get(DASHBOARD)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert len(queries) <= 4  # the session, the person and their second factor only

    # Another person, or the same person in another session, gets their own page.
    assert client_for(Role.STAFF).get(DASHBOARD).get("X-Page-Cache") != "hit"
    assert client_for(Role.CHIEF_EXECUTIVE).get(DASHBOARD).get("X-Page-Cache") != "hit"


def test_my_work_shows_a_change_at_once(people, client_for):
    chief = client_for(Role.CHIEF_EXECUTIVE)
    chief.get(DASHBOARD)
    chief.get(DASHBOARD)
    assert chief.get(DASHBOARD)["X-Page-Cache"] == "hit"

    DecisionFactory(title="Drone pilot scheme", status=DecisionStatus.AWAITING_ADVICE)

    page = chief.get(DASHBOARD)
    assert page["X-Page-Cache"] == "miss"


def test_my_work_with_a_message_waiting_is_drawn_afresh_and_not_kept(people, client_for):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.cookie import CookieStorage

    chief = client_for(Role.CHIEF_EXECUTIVE)
    chief.get(DASHBOARD)
    chief.get(DASHBOARD)
    storage = CookieStorage(RequestFactory().get("/"))
    chief.cookies["messages"] = storage._encode([_message(constants.SUCCESS, "Decision signed")])
    page = chief.get(DASHBOARD)
    assert "X-Page-Cache" not in page
    assert "Decision signed" in page.content.decode()


def _message(level, text):
    from django.contrib.messages.storage.base import Message

    return Message(level, text)


def test_each_process_s_own_copy_follows_the_version_and_expires(monkeypatch):
    from opcc import page_cache, public_cache

    published("Road safety grant")
    Client().get(REGISTER)
    assert Client().get(REGISTER)["X-Page-Cache"] == "hit"  # from this process's copy

    public_cache.bump()  # as another process's save would
    assert Client().get(REGISTER)["X-Page-Cache"] == "miss"

    later = page_cache.time.monotonic() + page_cache.TIMEOUT + 1
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: later)
    # The shared copy has expired too (the version is the same).
    page_cache.cache.delete(page_cache._key(RequestFactory().get(REGISTER), "public"))
    assert Client().get(REGISTER)["X-Page-Cache"] == "miss"


def test_a_change_made_in_another_process_reaches_the_public_within_a_second(monkeypatch):
    from opcc import page_cache, public_cache

    published("Road safety grant")
    Client().get(REGISTER)
    page_cache.cache.incr(public_cache.VERSION_KEY)  # another process's save: no local bump
    assert Client().get(REGISTER)["X-Page-Cache"] == "hit"  # this process read it < 1 s ago

    later = public_cache.time.monotonic() + public_cache.RECENT_SECONDS
    monkeypatch.setattr(public_cache.time, "monotonic", lambda: later)
    assert Client().get(REGISTER)["X-Page-Cache"] == "miss"
