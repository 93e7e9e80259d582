"""With the real PostgreSQL and Redis of CI: a real Celery worker (not eager) delivers an outbox
message, once. Run by .ci/run (`pytest -m services`); `make test` deselects it."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection, transaction

from opcc import outbox, tasks
from opcc.celery import app as celery_app
from opcc.models import MessageStatus, OutboundMessage

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.services,
    # Every transactional test restores the serialized database, or one that does not (its
    # flush recreates the content types) breaks the next one that does (duplicate keys).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_database_url(test_database: str) -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{test_database}"))


test_database_url.__test__ = False  # a helper, not a test


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def worker(tmp_path):
    if not (os.environ.get("DATABASE_URL") and os.environ.get("REDIS_URL")):
        pytest.fail("set DATABASE_URL and REDIS_URL: this test needs the real PostgreSQL and Redis")
    queue = f"test-{uuid.uuid4().hex[:8]}"  # nothing else may take this test's tasks
    mail_dir = tmp_path / "mail"
    log_path = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": test_database_url(connection.settings_dict["NAME"]),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "PRIVATE_FILES_ROOT": str(tmp_path / "private"),
        "CELERY_TASK_ALWAYS_EAGER": "0",
    }
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "opcc", "worker", "--pool=solo", "-Q", queue,
             "-l", "info", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    previous = (celery_app.conf.task_always_eager, celery_app.conf.task_default_queue)
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    try:
        assert wait_for(lambda: "ready." in log_path.read_text(), 60), log_path.read_text()
        yield mail_dir, log_path
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.task_default_queue = previous
        process.terminate()
        process.wait(timeout=30)


def test_a_real_worker_delivers_an_outbox_message_exactly_once(worker):
    mail_dir, log_path = worker

    with transaction.atomic():
        message = outbox.queue_message(
            kind="test",
            to="panel.member@council.example",
            template="account_created",
            context={"user": {"full_name": "Pat Reader", "get_role_display": "panel member"}},
        )

    def status():
        return OutboundMessage.objects.get(pk=message.pk).status

    assert wait_for(lambda: status() == MessageStatus.SENT), log_path.read_text()

    # The same task again (a broker redelivery), then a marker message behind it: once the
    # marker is sent, the duplicate has been handled too (the solo worker takes them in order).
    tasks.deliver_message.apply_async(args=[message.pk])
    with transaction.atomic():
        marker = outbox.queue_message(
            kind="test", to="marker@example.org", template="account_created",
            context={"user": {"full_name": "Marker"}},
        )  # fmt: skip
    assert wait_for(lambda: OutboundMessage.objects.get(pk=marker.pk).status == "sent")

    sent = [path.read_text() for path in mail_dir.iterdir()]
    to_panel = [text for text in sent if "To: panel.member@council.example" in text]
    assert len(to_panel) == 1, sent
    assert "Dear Pat Reader" in to_panel[0]
    assert OutboundMessage.objects.get(pk=message.pk).attempts == 1
