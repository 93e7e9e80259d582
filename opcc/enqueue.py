"""Queue a Celery task after the current transaction commits, without ever failing the change.

The row the task works on (an outbox message, a queued document) is already saved; if the
broker is down the task is simply not sent now, and the periodic sweeper sends it later.
"""

import logging
import time
from importlib import import_module

from django.db import transaction

log = logging.getLogger(__name__)


def task_named(task_name: str):
    """The task object for a dotted name such as ``opcc.tasks.deliver_message``."""
    module_name, _, function_name = task_name.rpartition(".")
    return getattr(import_module(module_name), function_name)


# After a failed send, the next ones within this many seconds do not try the broker at all: a
# broker that hangs (rather than refusing) costs each send its socket timeouts (5 to 15 s), and
# one request may queue a task for every panel member.
PAUSE_AFTER_FAILURE_SECONDS = 15
_failed_at: float | None = None


def send_task_now(task_name: str, *args) -> bool:
    global _failed_at
    task = task_named(task_name)
    through_broker = not task.app.conf.task_always_eager
    paused = _failed_at is not None and time.monotonic() - _failed_at < PAUSE_AFTER_FAILURE_SECONDS
    if through_broker and paused:
        log.warning(
            "not queueing %s%r: the broker failed just now, the sweeper will send it",
            task_name,
            args,
        )
        return False
    try:
        task.apply_async(args=args)
    except Exception as error:
        if through_broker:
            _failed_at = time.monotonic()
        log.warning(
            "could not queue %s%r now (%s); the sweeper will retry",
            task_name,
            args,
            type(error).__name__,
        )
        return False
    _failed_at = None
    return True


def enqueue_on_commit(task_name: str, *args) -> None:
    transaction.on_commit(lambda: send_task_now(task_name, *args))
