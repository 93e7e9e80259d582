"""The deployment files (Dockerfile, docker-compose.yml, .env.example) agree with the code.

Plain file checks: no database, no Docker engine.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
ENV_EXAMPLE = ROOT / ".env.example"
SETTINGS = ROOT / "opcc" / "settings.py"

DJANGO_SERVICES = ["web", "worker", "beat"]
# Documented in .env.example for `docker compose`, which interpolates them; the portal never
# reads them, so they must appear in docker-compose.yml instead of opcc/settings.py.
COMPOSE_ONLY_VARIABLES = {"POSTGRES_PASSWORD"}


def load_compose() -> dict:
    return YAML(typ="safe").load(COMPOSE_FILE.read_text())


def command_text(service: dict) -> str:
    command = service.get("command", "")
    return " ".join(command) if isinstance(command, list) else command


def env_example_names() -> set[str]:
    pattern = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=", re.MULTILINE)
    return set(pattern.findall(ENV_EXAMPLE.read_text()))


def settings_env_names() -> set[str]:
    pattern = re.compile(r"\benv_(?:str|bool|int|list)\(\s*\"([A-Z][A-Z0-9_]*)\"")
    return set(pattern.findall(SETTINGS.read_text()))


# --- docker-compose.yml ------------------------------------------------------------------------
def test_compose_file_follows_the_compose_specification():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.compose-spec",
            "docker-compose.yml",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_defines_every_service():
    services = load_compose()["services"]
    for name in ["web", "worker", "beat", "db", "redis", "mail"]:
        assert name in services, f"service {name} is missing"


def test_database_is_postgres_16_on_a_volume():
    db = load_compose()["services"]["db"]
    assert re.fullmatch(r"postgres:16([.\-].*)?", db["image"]), db["image"]
    assert any(str(v).endswith(":/var/lib/postgresql/data") for v in db.get("volumes", []))


@pytest.mark.parametrize("name", DJANGO_SERVICES)
def test_django_services_wait_for_healthy_db_and_redis(name):
    depends_on = load_compose()["services"][name]["depends_on"]
    for dependency in ["db", "redis"]:
        assert depends_on[dependency]["condition"] == "service_healthy", (name, dependency)


@pytest.mark.parametrize("name", ["db", "redis"])
def test_backing_services_have_healthchecks(name):
    healthcheck = load_compose()["services"][name].get("healthcheck")
    assert healthcheck, f"{name} has no healthcheck"
    assert healthcheck.get("test"), f"{name} healthcheck has no test"
    assert not healthcheck.get("disable", False)


@pytest.mark.parametrize(("name", "subcommand"), [("worker", "worker"), ("beat", "beat")])
def test_worker_and_beat_run_the_portals_celery_app(name, subcommand):
    command = command_text(load_compose()["services"][name])
    assert re.search(rf"\bcelery\s+-A\s+opcc\s+{subcommand}\b", command), command


def test_web_migrates_then_serves_with_gunicorn():
    command = command_text(load_compose()["services"]["web"])
    assert "migrate --noinput" in command
    assert "gunicorn opcc.wsgi:application" in command
    assert command.index("migrate") < command.index("gunicorn")


def test_web_and_worker_share_the_private_files_volume():
    compose = load_compose()
    assert "private_files" in compose["volumes"]
    for name in ["web", "worker"]:
        service = compose["services"][name]
        assert "private_files:/app/var/private" in service.get("volumes", []), name
        assert service["environment"]["PRIVATE_FILES_ROOT"] == "/app/var/private", name


# --- Dockerfile --------------------------------------------------------------------------------
def dockerfile_instructions() -> list[str]:
    """The Dockerfile's instructions, continuation lines joined and comments dropped."""
    lines = [
        line for line in DOCKERFILE.read_text().splitlines() if not line.lstrip().startswith("#")
    ]
    joined = "\n".join(lines).replace("\\\n", " ")
    return [line.strip() for line in joined.splitlines() if line.strip()]


def run_instructions() -> str:
    return "\n".join(i for i in dockerfile_instructions() if i.upper().startswith("RUN "))


@pytest.mark.parametrize("package", ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz0b"])
def test_dockerfile_installs_weasyprints_libraries(package):
    assert re.search(rf"apt-get install[^\n]*\s{re.escape(package)}(\s|$)", run_instructions())


@pytest.mark.parametrize("command", ["npm ci", "npm run build", "manage.py collectstatic"])
def test_dockerfile_builds_the_front_end_and_collects_static_files(command):
    assert command in run_instructions()


def test_dockerfile_does_not_run_as_root():
    instructions = dockerfile_instructions()
    users = [i.split(None, 1)[1] for i in instructions if i.upper().startswith("USER ")]
    assert users, "the Dockerfile has no USER line"
    assert users[-1].split(":")[0] not in {"root", "0"}, users[-1]


# --- .env.example ------------------------------------------------------------------------------
def test_env_example_names_only_variables_that_are_read():
    settings_text = SETTINGS.read_text()
    compose_text = COMPOSE_FILE.read_text()
    for name in sorted(env_example_names()):
        if name in COMPOSE_ONLY_VARIABLES:
            assert f"${{{name}" in compose_text, f"{name} is not used by docker-compose.yml"
        else:
            assert re.search(rf"\"{name}\"", settings_text), f"{name} is not read by settings"


def test_env_example_documents_every_variable_settings_read():
    names = settings_env_names()
    assert "SECRET_KEY" in names  # the pattern still finds the settings' readers
    missing = sorted(names - env_example_names())
    assert not missing, f".env.example does not document {missing}"
