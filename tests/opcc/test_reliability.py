"""Reliability with the real PostgreSQL and a real Celery worker, each test on a Redis of its own
(started here on a port in 6391-6399 and stopped by its process id; never the shared one):

- Redis (the broker, and the portal's cache as in production) goes down: a user's statutory
  report, complaint and report request still succeed at once, and once Redis is back the
  sweepers deliver every e-mail exactly once and make every document once.
- A worker process is killed with SIGKILL while it sends an e-mail: the task is delivered again
  (acks late, reject on worker lost) and the e-mail goes out once.

Run by .ci/run (`pytest -m services`); `make test` deselects them.
"""

import collections
import email
import email.policy
import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from django.core.mail.backends.filebased import EmailBackend
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from complaints.models import Complaint
from custody_visits.models import VisitingReport
from governance.models import DecisionStatus, ReportGround, ReportKind, ReportStatus
from governance.services import decisions as decision_services
from governance.services import reports as report_services
from opcc import enqueue, outbox, tasks
from opcc.celery import app as celery_app
from opcc.models import DocumentStatus, GeneratedDocument, MessageStatus, OutboundMessage
from opcc.roles import Role
from tests.complaints.question_pages import COMPLAINT_ANSWERS, send
from tests.opcc.factories import UserFactory
from tests.opcc.test_celery_worker import test_database_url, wait_for

ROOT = Path(__file__).resolve().parents[2]
PORTS = range(6391, 6400)
BARRIER_ENV = "OPCC_TEST_MAIL_BARRIER"
# A request must not wait on a broker that is down (CELERY_TASK_PUBLISH_RETRY_POLICY, the pause
# in opcc.enqueue): the broker's part is a fraction of a second; the rest is the request's own
# work, generous for a machine shared with other jobs.
REQUEST_SECONDS = 10.0

# Serialized rollback: the roles (groups made by a migration) are back after the flush.
pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class BarrierEmailBackend(EmailBackend):
    """Test only (a worker started with EMAIL_BACKEND naming this class): each send announces
    itself as ``sending-<pid>`` in the barrier folder, then waits there for a ``release`` file,
    so a test can kill the process mid-send."""

    def send_messages(self, email_messages):
        barrier = Path(os.environ[BARRIER_ENV])
        (barrier / f"sending-{os.getpid()}").touch()
        deadline = time.monotonic() + 120
        while not (barrier / "release").exists():
            if time.monotonic() > deadline:
                raise TimeoutError("the test never released the barrier")
            time.sleep(0.05)
        return super().send_messages(email_messages)


class OwnRedis:
    """A redis-server of the test's own, without persistence, that can be stopped and restarted
    on the same port."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.process = None
        self.port = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def _candidate_ports(self):
        # xdist workers start their search at different ports, so they rarely race for one.
        worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
        offset = (int(worker) * 4 if worker.isdigit() else 0) % len(PORTS)
        return [PORTS[(offset + n) % len(PORTS)] for n in range(len(PORTS))]

    def start(self) -> None:
        for port in [self.port] if self.port else self._candidate_ports():
            if self._start_on(port):
                self.port = port
                return
        raise RuntimeError(f"could not start redis-server on any of {self._candidate_ports()}")

    def _start_on(self, port: int) -> bool:
        self.directory.mkdir(parents=True, exist_ok=True)
        process = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory),
             "--logfile", str(self.directory / f"redis-{port}.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis(port=port, socket_connect_timeout=1, socket_timeout=1)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process.poll() is None:
            try:
                # Ours, not another test's server already on this port.
                if client.info("server")["process_id"] == process.pid:
                    self.process = process
                    return True
            except redis.RedisError:
                pass
            time.sleep(0.05)
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def own_redis(tmp_path):
    server = OwnRedis(tmp_path / "redis")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def start_worker(tmp_path):
    """start_worker(broker_url, queue, name=..., pool=..., **env) starts a Celery worker on this
    test's database and returns its process (and log path); all are stopped at teardown."""
    if not os.environ.get("DATABASE_URL"):
        pytest.fail("set DATABASE_URL and REDIS_URL: this test needs the real PostgreSQL and Redis")
    started = []

    def start(broker_url: str, queue: str, name: str = "w1", pool: str = "solo", **extra_env):
        log_path = tmp_path / f"worker-{name}.log"
        env = {
            **os.environ,
            "DATABASE_URL": test_database_url(connection.settings_dict["NAME"]),
            "REDIS_URL": broker_url,
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(tmp_path / "mail"),
            "PRIVATE_FILES_ROOT": str(tmp_path / "private"),
            "CELERY_TASK_ALWAYS_EAGER": "0",
            **extra_env,
        }
        with open(log_path, "w") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "opcc", "worker", f"--pool={pool}",
                 "--concurrency=1", "-Q", queue, "-n", f"{name}-{queue}@%h", "-l", "info",
                 "--without-gossip", "--without-mingle", "--without-heartbeat"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        started.append(process)
        assert wait_for(lambda: "ready." in log_path.read_text(), 60), log_path.read_text()
        return process, log_path

    try:
        yield start
    finally:
        for process in started:
            if process.poll() is None:
                process.terminate()
        for process in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


@pytest.fixture
def publish_to():
    """publish_to(broker_url, queue): this process sends its tasks to that broker and queue
    (not eagerly) until the test ends."""
    conf = celery_app.conf
    previous = (conf.broker_url, conf.task_always_eager, conf.task_default_queue)

    def forget_connections():
        # The app keeps its connection and producer pools for the broker it first used.
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    def point(broker_url: str, queue: str):
        conf.broker_url, conf.task_always_eager, conf.task_default_queue = broker_url, False, queue
        forget_connections()

    try:
        yield point
    finally:
        conf.broker_url, conf.task_always_eager, conf.task_default_queue = previous
        forget_connections()
        enqueue._failed_at = None  # no pause after a failure carries over to the next test


def sent_mail(mail_dir: Path) -> list:
    """Every e-mail the worker sent, parsed (the file backend appends them to its files)."""
    found = []
    for path in sorted(mail_dir.glob("*.log")) if mail_dir.exists() else []:
        separator = "-" * 79
        for chunk in path.read_text().split(separator):
            if chunk.strip():
                found.append(email.message_from_string(chunk.strip(), policy=email.policy.default))
    return found


def queue_name() -> str:
    return f"reliability-{uuid.uuid4().hex[:8]}"  # nothing else may take this test's tasks


def timed(action):
    started = time.monotonic()
    response = action()
    return response, time.monotonic() - started


def test_a_redis_outage_holds_no_request_and_loses_no_message(
    own_redis, start_worker, publish_to, people, client_for, settings, tmp_path
):
    # In production REDIS_URL is both the broker and the cache: both go down together.
    settings.CACHES = {
        "default": {
            "BACKEND": "opcc.cache.ResilientRedisCache",
            "LOCATION": own_redis.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    queue = queue_name()
    publish_to(own_redis.url, queue)
    UserFactory(role=Role.PANEL, email="second.member@council.example")
    decision = decision_services.draft_decision(
        people[Role.STAFF], title="Consultancy contract", summary="A direct award.",
        significant_public_interest=True,
    )  # fmt: skip
    decision_services.submit_for_advice(people[Role.STAFF], decision)
    report = report_services.draft_report(
        people[Role.CHIEF_EXECUTIVE], kind=ReportKind.MONITORING_OFFICER,
        title="Report on the consultancy award", decision=decision,
        ground=ReportGround.UNLAWFUL, findings="It breaches the regulations.",
        recommendations="Do not award.",
    )  # fmt: skip
    _, log_path = start_worker(own_redis.url, queue)
    # The drafting's own notifications (advice requested) go out while all is well.
    assert wait_for(lambda: not OutboundMessage.objects.exclude(status="sent").exists(), 60)
    earlier = set(OutboundMessage.objects.values_list("pk", flat=True))

    own_redis.stop()

    issued, issue_seconds = timed(
        lambda: client_for(Role.CHIEF_EXECUTIVE).post(
            reverse("governance:report_issue", args=[report.code])
        )
    )
    complained, complaint_seconds = timed(
        lambda: send(client_for("anonymous"), "complain_step", COMPLAINT_ANSWERS)
    )
    requested, request_seconds = timed(
        lambda: client_for(Role.STAFF).post(
            reverse("custody_visits:report_period")
            + "?kind=quarterly&financial_year=2025&quarter=1",
            {"introduction": "A steady quarter.", "version": ""},
        )
    )
    print(  # the figures, for the CI log (pytest -s) and the report
        f"\nwith Redis down: issue {issue_seconds:.2f}s, complaint {complaint_seconds:.2f}s, "
        f"report request {request_seconds:.2f}s"
    )

    assert (issued.status_code, issued["Location"]) == (302, report.get_absolute_url())
    assert complained.status_code == 302 and complained["Location"] == "/complaints/complain/sent/"
    assert requested.status_code == 302, requested.content.decode()[:2000]
    assert max(issue_seconds, request_seconds) < REQUEST_SECONDS
    # The complaint is five pages; its last (sending) request is what waits on the broker.
    assert complaint_seconds < 5 * REQUEST_SECONDS
    report.refresh_from_db()
    assert report.status == ReportStatus.ISSUED
    assert report.decision.status == DecisionStatus.HALTED
    complaint = Complaint.objects.get()
    assert complaint.complainant.email == "ali@example.org"
    visiting_report = VisitingReport.objects.get()
    documents = [report.document, visiting_report.document]
    assert all(document.status == DocumentStatus.QUEUED for document in documents)
    messages = list(OutboundMessage.objects.exclude(pk__in=earlier))
    recipients = {message.to for message in messages}
    assert {
        "panel@opcc.example", "second.member@council.example",
        settings.PANEL_SECRETARIAT_EMAIL, "ali@example.org",
    } <= recipients  # fmt: skip
    assert {message.status for message in messages} == {MessageStatus.PENDING}
    messages += OutboundMessage.objects.filter(pk__in=earlier)

    own_redis.start()  # the same port: the worker reconnects by itself
    enqueue._failed_at = None  # the pause after a failed send (opcc.enqueue) has passed
    # The documents sweeper takes what has been queued for ten minutes; let them pass.
    GeneratedDocument.objects.filter(pk__in=[d.pk for d in documents]).update(
        requested_at=timezone.now() - timedelta(minutes=11)
    )
    # What beat would send: the documents first, so the panel copies find their PDF ready.
    tasks.sweep_documents.apply_async()
    tasks.sweep_outbox.apply_async()

    def all_sent():
        return not OutboundMessage.objects.exclude(status=MessageStatus.SENT).exists()

    assert wait_for(all_sent, 60), (
        list(OutboundMessage.objects.values_list("to", "status", "last_error")),
        log_path.read_text()[-5000:],
    )
    # The sweepers and every delivery again (beat's next round, a redelivered task), then a
    # marker behind them in the queue: once it is sent, the repeats have been handled too.
    tasks.sweep_documents.apply_async()
    tasks.sweep_outbox.apply_async()
    for message in messages:
        tasks.deliver_message.apply_async(args=[message.pk])
    for document in documents:
        tasks.generate_document.apply_async(args=[document.pk])
    with transaction.atomic():
        marker = outbox.queue_message(
            kind="test", to="marker@example.org", template="account_created",
            context={"user": {"full_name": "Marker"}},
        )  # fmt: skip
    assert wait_for(lambda: OutboundMessage.objects.get(pk=marker.pk).status == "sent", 60)

    delivered = collections.Counter(
        (mail["To"], mail["Subject"]) for mail in sent_mail(tmp_path / "mail")
    )
    expected = collections.Counter((m.to, m.subject) for m in [*messages, marker])
    assert delivered == expected
    assert set(expected.values()) == {1}
    for message in OutboundMessage.objects.filter(pk__in=[m.pk for m in messages]):
        assert message.attempts == 1
    for document in GeneratedDocument.objects.filter(pk__in=[d.pk for d in documents]):
        assert (document.status, document.attempts) == (DocumentStatus.READY, 1)
        with document.file.open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
    panel_copies = [m for m in sent_mail(tmp_path / "mail") if m["To"] == "panel@opcc.example"]
    attached = [part.get_filename() for part in panel_copies[0].walk() if part.get_filename()]
    assert attached == [report.document.filename]


def queue_one_message(to: str = "panel.member@council.example") -> OutboundMessage:
    with transaction.atomic():
        return outbox.queue_message(
            kind="test", to=to, template="account_created",
            context={"user": {"full_name": "Pat Reader", "get_role_display": "panel member"}},
        )  # fmt: skip


def sending_pid(barrier: Path) -> int:
    assert wait_for(lambda: any(barrier.glob("sending-*")), 60)
    [sending] = barrier.glob("sending-*")
    return int(sending.name.removeprefix("sending-"))


def assert_delivered_once(message: OutboundMessage, mail_dir: Path, log_path: Path) -> None:
    def status():
        return OutboundMessage.objects.get(pk=message.pk).status

    assert wait_for(lambda: status() == MessageStatus.SENT, 60), log_path.read_text()[-5000:]
    # A marker behind it in the queue: once it is sent, any repeat of the task has run too.
    marker = queue_one_message(to="marker@example.org")
    assert wait_for(lambda: OutboundMessage.objects.get(pk=marker.pk).status == "sent", 60)
    delivered = [mail["To"] for mail in sent_mail(mail_dir)]
    assert sorted(delivered) == ["marker@example.org", message.to]
    message.refresh_from_db()
    assert message.attempts == 1  # the killed try's transaction was rolled back


def test_a_delivery_whose_worker_process_is_killed_is_delivered_again_once(
    own_redis, start_worker, publish_to, tmp_path
):
    queue = queue_name()
    publish_to(own_redis.url, queue)
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    worker, log_path = start_worker(
        own_redis.url, queue, pool="prefork",
        EMAIL_BACKEND="tests.opcc.test_reliability.BarrierEmailBackend",
        **{BARRIER_ENV: str(barrier)},
    )  # fmt: skip
    message = queue_one_message()

    child = sending_pid(barrier)
    assert child != worker.pid  # the pool's process running the task, not the worker itself
    os.kill(child, signal.SIGKILL)
    assert wait_for(lambda: "WorkerLostError" in log_path.read_text(), 30), log_path.read_text()
    (barrier / "release").touch()

    # Acks late and reject on worker lost: the message went back to the queue, and the
    # worker's new process delivers it.
    assert_delivered_once(message, tmp_path / "mail", log_path)
    assert worker.poll() is None


def test_a_delivery_whose_whole_worker_died_is_taken_by_a_new_worker_once(
    own_redis, start_worker, publish_to, tmp_path
):
    queue = queue_name()
    publish_to(own_redis.url, queue)
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    # Redis gives an unacknowledged task to another worker after the visibility timeout: an
    # hour in production, two seconds here.
    environment = {
        "EMAIL_BACKEND": "tests.opcc.test_reliability.BarrierEmailBackend",
        BARRIER_ENV: str(barrier),
        "CELERY_BROKER_VISIBILITY_TIMEOUT": "2",
    }
    first, _ = start_worker(own_redis.url, queue, name="first", **environment)
    message = queue_one_message()

    assert sending_pid(barrier) == first.pid  # the solo pool runs tasks in the worker itself
    os.kill(first.pid, signal.SIGKILL)  # the machine died: nothing acknowledged or rejected
    first.wait(timeout=10)
    (barrier / "release").touch()
    time.sleep(2.5)  # the visibility timeout passes before the new worker looks
    _, log_path = start_worker(own_redis.url, queue, name="second", **environment)

    assert_delivered_once(message, tmp_path / "mail", log_path)
