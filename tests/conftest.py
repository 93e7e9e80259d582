"""People of every role, and a signed-in client for each (healthchecks' hc/test.py style)."""

import os

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from opcc.celery import app as celery_app
from opcc.roles import OFFICE_ROLES, Role
from tests.opcc.factories import TOTPDeviceFactory, UserFactory

ROLES = [role.value for role in Role]
ANONYMOUS = "anonymous"

# Property tests (tests/test_properties_*.py) are derandomized by default so every run, local or
# CI, tries the same examples; HYPOTHESIS_PROFILE=explore draws new ones to hunt for more.
hypothesis_settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.register_profile(
    "explore",
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def celery_runs_in_process():
    """Unit tests run tasks in-process whatever REDIS_URL says; the `services` tests use a real
    worker. Side effects are still queued on commit, so tests see exactly what users get."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def test_settings(request, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "private"
    if request.node.get_closest_marker("services") is None:
        # Each test its own cache: with REDIS_URL the cache is one Redis shared by the parallel
        # workers, where one test's cache.clear() or rate-limit count would reach another's.
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": str(tmp_path),
            }
        }
    # ... and none of the process's memory of it: the version last read, the pages last served.
    from opcc import page_cache, public_cache

    public_cache._recent["version"] = None
    page_cache._local.clear()
    # A fast hasher: the suite creates hundreds of users; production keeps PBKDF2.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # WhiteNoise would index every static file for each test client; tests don't need it (the
    # browser tests' live server serves static files itself).
    settings.WHITENOISE_USE_FINDERS = False


def sign_in(client: Client, user) -> Client:
    """Sign ``user`` in, with a verified second factor for the office roles."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    if user.role in OFFICE_ROLES:
        device = user.totpdevice_set.filter(confirmed=True).first() or TOTPDeviceFactory(user=user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def people(db):
    """One person in each role, keyed by role name."""
    return {role: UserFactory(role=role, email=f"{role}@opcc.example") for role in ROLES}


@pytest.fixture
def outsider(db):
    """Signed in, but with no role at all."""
    return UserFactory(role="", email="outsider@opcc.example")


@pytest.fixture
def client_for(people):
    """client_for("staff") is a client signed in as the staff member; "anonymous" is nobody."""

    def make(role: str) -> Client:
        client = Client()
        if role == ANONYMOUS:
            return client
        return sign_in(client, people[role])

    return make


def pytest_collection_modifyitems(items):
    """Every transactional test restores the serialized database: one that did not would flush
    and recreate the content types, and the next one that does would fail on duplicate keys."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(f"{item.nodeid}: add serialized_rollback=True to django_db")
