"""With the cache's Redis down the portal works without a cache (opcc.cache): pages, saves and
the public forms answer as usual instead of a 500. No Redis needed: nothing listens on port 1."""

import logging

import pytest
from django.core.cache import cache

from complaints.models import Complaint
from opcc import cache as resilient_cache
from opcc.rate_limit import too_many_submissions
from tests.complaints.question_pages import COMPLAINT_ANSWERS, send

pytestmark = pytest.mark.django_db

DOWN = {
    "default": {
        "BACKEND": "opcc.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


@pytest.fixture
def redis_down(settings, monkeypatch):
    settings.CACHES = DOWN
    monkeypatch.setattr(resilient_cache, "_last_warning", None)


def test_a_cache_that_is_down_reads_as_empty_and_stores_nothing(redis_down):
    assert cache.get("key", "default") == "default"
    assert cache.add("key", 1) is False
    cache.set("key", 1)
    assert cache.get_many(["key"]) == {}
    assert cache.has_key("key") is False
    assert cache.get_or_set("key", lambda: "computed") == "computed"
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]  # the keys that were not stored
    with pytest.raises(ValueError):  # as for a key that is not there
        cache.incr("key")


def test_it_says_so_once_not_on_every_call(redis_down, caplog):
    with caplog.at_level(logging.WARNING, logger="opcc.cache"):
        for _ in range(5):
            cache.get("key")
    assert len(caplog.records) == 1
    assert "the cache (Redis) is unavailable" in caplog.records[0].getMessage()


def test_the_public_forms_hourly_limit_lets_people_through_while_it_cannot_count(
    redis_down, rf, settings
):
    request = rf.post("/", REMOTE_ADDR="203.0.113.9")
    results = [
        too_many_submissions(request, "complaint")
        for _ in range(settings.PUBLIC_FORM_RATE_LIMIT + 2)
    ]
    assert results == [False] * (settings.PUBLIC_FORM_RATE_LIMIT + 2)


def test_a_complaint_is_still_received_while_the_cache_is_down(
    redis_down, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, "complain_step", COMPLAINT_ANSWERS)

    assert response.status_code == 302
    assert response["Location"] == "/complaints/complain/sent/"
    assert Complaint.objects.get().complainant.email == "ali@example.org"
