"""Queue a Celery task after the current transaction commits, without ever failing the change.

The row the task works on (an outbox message, a queued document) is already saved; if the
broker is down the task is simply not sent now, and the periodic sweeper sends it later.
"""

import logging
from importlib import import_module

from django.db import transaction

log = logging.getLogger(__name__)


def task_named(task_name: str):
    """The task object for a dotted name such as ``opcc.tasks.deliver_message``."""
    module_name, _, function_name = task_name.rpartition(".")
    return getattr(import_module(module_name), function_name)


def send_task_now(task_name: str, *args) -> bool:
    task = task_named(task_name)
    try:
        task.apply_async(args=args)
    except Exception as error:
        log.warning(
            "could not queue %s%r now (%s); the sweeper will retry",
            task_name,
            args,
            type(error).__name__,
        )
        return False
    return True


def enqueue_on_commit(task_name: str, *args) -> None:
    transaction.on_commit(lambda: send_task_now(task_name, *args))
