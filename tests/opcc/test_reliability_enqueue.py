"""A broker that hangs instead of refusing costs each send its socket timeouts: after one failed
send, opcc.enqueue leaves the next ones to the sweepers for a while, so a request that queues a
task for every panel member waits on the broker once, not once per member."""

from unittest import mock

import pytest

from opcc import enqueue
from opcc.celery import app as celery_app
from opcc.tasks import deliver_message


@pytest.fixture
def through_a_broker(monkeypatch):
    monkeypatch.setattr(enqueue, "_failed_at", None)
    celery_app.conf.task_always_eager = False  # put back by tests/conftest.py
    yield


def test_after_a_failed_send_the_next_ones_do_not_wait_on_the_broker(through_a_broker):
    with mock.patch.object(
        deliver_message, "apply_async", side_effect=OSError("timed out")
    ) as send:
        results = [enqueue.send_task_now("opcc.tasks.deliver_message", pk) for pk in range(4)]

    assert results == [False] * 4
    assert send.call_count == 1


def test_the_broker_is_tried_again_after_the_pause(through_a_broker, monkeypatch):
    with mock.patch.object(deliver_message, "apply_async", side_effect=OSError("down")):
        assert enqueue.send_task_now("opcc.tasks.deliver_message", 1) is False
    monkeypatch.setattr(
        enqueue, "_failed_at", enqueue._failed_at - enqueue.PAUSE_AFTER_FAILURE_SECONDS
    )

    with mock.patch.object(deliver_message, "apply_async") as send:
        assert enqueue.send_task_now("opcc.tasks.deliver_message", 2) is True
        assert enqueue.send_task_now("opcc.tasks.deliver_message", 3) is True

    assert [call.kwargs["args"] for call in send.call_args_list] == [(2,), (3,)]


def test_in_process_tasks_are_never_paused(monkeypatch):
    monkeypatch.setattr(enqueue, "_failed_at", None)
    with mock.patch.object(deliver_message, "apply_async", side_effect=OSError("boom")) as send:
        for pk in range(3):
            enqueue.send_task_now("opcc.tasks.deliver_message", pk)

    assert send.call_count == 3  # eager (the default here): there is no broker to spare
