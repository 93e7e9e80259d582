"""Backing up and restoring the portal: its PostgreSQL database and its private files.

A backup is ``opcc-<UTC time>.dump`` (pg_dump's custom format, which pg_restore reads) and, if
any files have been uploaded or generated, ``opcc-<UTC time>-files.tar.gz`` beside it (the
contents of MEDIA_ROOT). ``make backup`` and ``make restore`` call the management commands that
call these functions; README.md "Backups" says how to use them.
"""

import os
import shutil
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

DUMP_SUFFIX = ".dump"
FILES_SUFFIX = "-files.tar.gz"


class BackupError(Exception):
    """Why a backup or a restore was not made; nothing has been changed."""


def _postgres() -> dict:
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError(
            "Backups are of the PostgreSQL database: set DATABASE_URL=postgres://... "
            f"(this is {database['ENGINE']})."
        )
    return database


def _postgres_environment(database: dict) -> dict:
    """The connection for pg_dump and pg_restore, in libpq's variables: a password never
    appears in the process list."""
    values = {
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGDATABASE": database["NAME"],
    }
    environment = {k: v for k, v in os.environ.items() if k not in values}
    environment.update({k: str(v) for k, v in values.items() if v})
    return environment


def _run(command: list[str], environment: dict) -> None:
    tool = shutil.which(command[0])
    if tool is None:
        raise BackupError(
            f"{command[0]} is not installed (Debian: apt-get install postgresql-client)"
        )
    result = subprocess.run(  # noqa: S603 - a fixed program, arguments not from a request
        [tool, *command[1:]], env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _restore_in_one_transaction(dump: Path, prefix: str, environment: dict) -> None:
    """pg_restore writes the dump as SQL; psql runs ``prefix`` and it as one transaction."""
    tools = [shutil.which("pg_restore"), shutil.which("psql")]
    if None in tools:
        raise BackupError(
            "pg_restore and psql are needed (Debian: apt-get install postgresql-client)"
        )
    with tempfile.TemporaryFile("w+") as restore_errors, tempfile.TemporaryFile("w+") as errors:
        script = subprocess.Popen(  # noqa: S603 - fixed programs, arguments not from a request
            [tools[0], "--no-owner", "--no-privileges", "--file=-", str(dump)],
            env=environment, stdout=subprocess.PIPE, stderr=restore_errors,
        )  # fmt: skip
        psql = subprocess.Popen(  # noqa: S603
            [tools[1], "--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1",
             "--file=-"],
            env=environment, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=errors,
        )  # fmt: skip
        try:
            psql.stdin.write(prefix.encode())
            shutil.copyfileobj(script.stdout, psql.stdin)
            psql.stdin.close()
        except BrokenPipeError:
            pass  # psql stopped at an error: reported below
        script.stdout.close()
        script.wait()
        psql.wait()
        # psql's error first: when it stops, pg_restore only fails for want of a reader.
        for process, output, name in (
            (psql, errors, "psql"),
            (script, restore_errors, "pg_restore"),
        ):
            if process.returncode != 0:
                output.seek(0)
                raise BackupError(f"{name} failed, nothing was restored: {output.read().strip()}")


def files_for(dump: Path) -> Path:
    """The private files' archive that belongs with ``dump``."""
    return dump.with_name(dump.name.removesuffix(DUMP_SUFFIX) + FILES_SUFFIX)


def _has_files(directory: Path) -> bool:
    return directory.is_dir() and any(path.is_file() for path in directory.rglob("*"))


def back_up(directory: Path, *, now: datetime | None = None) -> tuple[Path, Path | None]:
    """Write the database (and the private files, if any) into ``directory``; return the paths.

    Each file is written under a temporary name and renamed when complete, so a backup that
    failed half-way never looks like a good one.
    """
    database = _postgres()
    directory.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    dump = directory / f"opcc-{stamp}{DUMP_SUFFIX}"
    if dump.exists():
        raise BackupError(f"{dump} already exists")
    partial = dump.with_name(dump.name + ".partial")
    _run(["pg_dump", "--format=custom", f"--file={partial}"], _postgres_environment(database))
    partial.rename(dump)

    media = Path(settings.MEDIA_ROOT)
    if not _has_files(media):
        return dump, None
    archive = files_for(dump)
    partial = archive.with_name(archive.name + ".partial")
    with tarfile.open(partial, "w:gz") as tar:
        tar.add(media, arcname=".")
    partial.rename(archive)
    return dump, archive


def restore(dump: Path, *, replace: bool = False) -> Path | None:
    """Put the backup ``dump`` (and its files' archive, if there is one) back.

    The target must be empty (no tables, no private files) unless ``replace`` is given: then
    everything in the database's public schema is dropped first and the files are written over
    the ones there. Returns the files' archive that was restored, if any.
    """
    database = _postgres()
    if not dump.is_file():
        raise BackupError(f"There is no backup file {dump}")
    environment = _postgres_environment(database)
    _run(["pg_restore", "--list", str(dump)], environment)  # a readable custom-format dump
    archive = files_for(dump)
    media = Path(settings.MEDIA_ROOT)
    tables = connection.introspection.table_names()
    if not replace and (tables or (archive.exists() and _has_files(media))):
        holds = f"{len(tables)} tables" if tables else f"files in {media}"
        raise BackupError(
            f"The database {database['NAME']} is not empty ({holds}). Restoring replaces "
            "everything in it: to do so, run again with CONFIRM=yes (manage.py restore --replace)."
        )
    connection.close()  # psql must not wait on a lock this process holds
    # One transaction: a restore that fails half-way leaves the database as it was. Replacing
    # drops the whole schema first, so no table of a newer migration outlives the older backup.
    prefix = "DROP SCHEMA public CASCADE; CREATE SCHEMA public;\n" if tables else ""
    _restore_in_one_transaction(dump, prefix, environment)
    if not archive.exists():
        return None
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(media, filter="data")  # no absolute paths, no "..", no devices
    return archive
