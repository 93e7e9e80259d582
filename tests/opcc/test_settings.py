"""The one settings module, read in a fresh process for each environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICE_VARIABLES = (
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "SECRET_KEY": "p9Kc2vQx7Lm4Rt8Zw1Ny6Hb3Jd5Fg0Ss-_aE7uI2oP4lK9mN3bV6cX1zQ8wT5yR0",
    "ALLOWED_HOSTS": "portal.opcc.example",
}

READ_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
from opcc.celery import app
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "name": str(settings.DATABASES["default"]["NAME"]),
    "eager": app.conf.task_always_eager,
    "broker": app.conf.broker_url,
    "cache": settings.CACHES["default"]["BACKEND"],
    "debug": settings.DEBUG,
}))
"""


def run(code_or_args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    args = code_or_args if isinstance(code_or_args, list) else ["-c", code_or_args]
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "opcc.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_with(**env) -> dict:
    result = run(READ_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_embedded_default_is_sqlite_eager_celery_and_local_memory_cache():
    settings = settings_with()
    assert settings["engine"] == "django.db.backends.sqlite3"
    assert settings["eager"] is True
    assert settings["broker"].startswith("memory://")
    assert settings["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert settings["debug"] is True


def test_database_url_switches_to_postgresql():
    settings = settings_with(DATABASE_URL="postgres://postgres@127.0.0.1:5432/opcc_portal")
    assert settings["engine"] == "django.db.backends.postgresql"
    assert settings["name"] == "opcc_portal"


def test_redis_url_switches_celery_and_the_cache_to_redis():
    settings = settings_with(REDIS_URL="redis://127.0.0.1:6379/0")
    assert settings["eager"] is False
    assert settings["broker"] == "redis://127.0.0.1:6379/0"
    assert settings["cache"] == "opcc.cache.ResilientRedisCache"  # a RedisCache


def test_missing_secret_key_stops_production_start_up_with_a_clear_message():
    result = run(READ_SETTINGS, DJANGO_DEBUG="0", ALLOWED_HOSTS="portal.opcc.example")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize("variable, value", [("DJANGO_DEBUG", "flase"), ("EMAIL_PORT", "25x")])
def test_a_mistyped_value_stops_start_up(variable, value):
    result = run(READ_SETTINGS, **{variable: value})
    assert result.returncode != 0
    assert f"{variable} must be" in result.stderr


def test_deploy_check_is_clean_in_production_settings():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout
