"""`make backup` and `make restore` with the real PostgreSQL: the demo data, backed up and restored
into another database, is all there (every table, history included, and the private files), and
a database that is not empty is only replaced when the person says so.

Run by .ci/run (`pytest -m services`); `make test` deselects it.
"""

import io
import os
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from opcc import enqueue

ROOT = Path(__file__).resolve().parents[2]

# Serialized rollback: the roles (groups made by a migration) are back after the flush.
pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url(name: str) -> str:
    return urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}"))


def make(*arguments: str, database: str, files: Path) -> subprocess.CompletedProcess:
    """`make` as a person runs it, on ``database`` and the private files in ``files``; the
    environment is already installed (-o: never reinstall it from here)."""
    return subprocess.run(
        ["make", "--no-print-directory", "-o", ".venv/.installed", *arguments],
        cwd=ROOT,
        env={
            **os.environ,
            "DATABASE_URL": database_url(database),
            "PRIVATE_FILES_ROOT": str(files),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def table_contents(database: str, tables: list[str]) -> dict:
    """For each table its row count, and for each history table its first and last rows."""
    found = {}
    with psycopg.connect(database_url(database), autocommit=True) as db:
        for table in tables:
            found[table] = db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            if table in HISTORY_TABLES:
                for order in ("ASC", "DESC"):
                    found[table, order] = db.execute(
                        f'SELECT * FROM "{table}" ORDER BY history_id {order} LIMIT 3'  # noqa: S608
                    ).fetchall()
    return found


HISTORY_TABLES = {
    model._meta.db_table
    for model in apps.get_models()
    if model.__name__.startswith("Historical") and hasattr(model, "history_id")
}


def files_in(folder: Path) -> dict:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


@pytest.fixture
def empty_database():
    """A new empty database, dropped at the end whatever happens."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"relh_dst_{worker}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(database_url("postgres"), autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(database_url("postgres"), autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_of_the_demo_data_restores_every_table_and_file(
    empty_database, settings, tmp_path, monkeypatch
):
    source = connection.settings_dict["NAME"]  # the test database, new for this run
    # The demo data as the portal saves it, with no worker running: its e-mails pending and
    # most documents queued (the custody visiting reports' PDFs are made by the seeder itself).
    # Making the fifty PDFs would take minutes and back up nothing different in kind.
    monkeypatch.setattr(enqueue, "send_task_now", lambda *args: False)
    call_command("seed_demo", allow_without_debug=True, stdout=io.StringIO())
    media = Path(settings.MEDIA_ROOT)
    tables = sorted(connection.introspection.table_names())
    model_tables = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    assert model_tables <= set(tables) and len(HISTORY_TABLES) > 20
    before = table_contents(source, tables)
    assert all(before[table] for table in ("governance_decision", "governance_historicaldecision"))
    assert files_in(media), "the demo data has generated documents to back up"

    backed_up = make("backup", f"BACKUP_DIR={tmp_path / 'backups'}", database=source, files=media)

    assert backed_up.returncode == 0, backed_up.stderr
    [dump] = (tmp_path / "backups").glob("opcc-*.dump")
    assert (tmp_path / "backups" / dump.name.replace(".dump", "-files.tar.gz")).is_file()
    restored_files = tmp_path / "restored-files"

    restored = make("restore", f"BACKUP={dump}", database=empty_database, files=restored_files)

    assert restored.returncode == 0, restored.stderr
    assert table_contents(empty_database, tables) == before
    assert files_in(restored_files) == files_in(media)

    # The restored database is not empty now: replacing it needs the person to say so.
    refused = make("restore", f"BACKUP={dump}", database=empty_database, files=restored_files)
    assert refused.returncode != 0
    assert f"The database {empty_database} is not empty" in refused.stderr
    assert "CONFIRM=yes" in refused.stderr
    with psycopg.connect(database_url(empty_database), autocommit=True) as db:
        db.execute("DELETE FROM governance_historicaldecision")  # something to put back
    replaced = make(
        "restore", f"BACKUP={dump}", "CONFIRM=yes", database=empty_database, files=restored_files
    )
    assert replaced.returncode == 0, replaced.stderr
    assert table_contents(empty_database, tables) == before
