"""Nothing a page queues is lost while Redis is down.

`enqueue_or_park(task, *args)` puts a Huey task in the queue; when the queue cannot be
reached it stores the call as a ParkedTask row instead. The workers put parked tasks in the
queue again once it is back (`parked_drain`, from the resend thread every
ANALYSIS_RESEND_SECONDS and from the minute's requeue, coaching/tasks.py), oldest first,
deleting each row only after its enqueue succeeded. A row can therefore be enqueued twice
(its enqueue went through but the commit that deletes it did not), so every task queued this
way must be safe to run twice: e-mails go through `send_once`.

Analyses have their own, older mechanism (Analysis.NOT_QUEUED, coaching/services.py).
"""

from __future__ import annotations

import importlib
import logging
import sqlite3
from collections.abc import Callable
from typing import Any

import redis
from django.db import transaction
from django.db.models import F
from huey.contrib.djhuey import HUEY
from huey.exceptions import HueyException

from coaching.models import ParkedTask, SentMail

logger = logging.getLogger(__name__)

# What an enqueue raises when the queue is away: Redis refused or timed out the connection
# (ConnectionError, TimeoutError), is read-only after a failover or out of memory
# (ResponseError): all RedisError. The embedded SQLite queue raises "database is locked".
QUEUE_DOWN: tuple[type[Exception], ...] = (redis.exceptions.RedisError, sqlite3.OperationalError)


def task_name(task: Any) -> str:
    """The name Huey registers a task under (module.function)."""
    return str(HUEY._registry.task_to_string(task.task_class))


def enqueue_or_park(task: Any, *args: Any, **kwargs: Any) -> bool:
    """Enqueue the Huey task `task(*args, **kwargs)`; with the queue down, park it.

    True when it went into the queue, False when it was parked. Arguments must be JSON
    (ids, short strings). Call it from `transaction.on_commit(..., robust=True)`: should
    the database be down too, the failure is logged and the saved change still stands.
    """
    try:
        task(*args, **kwargs)
        return True
    except QUEUE_DOWN as exc:
        name = task_name(task)
        ParkedTask.objects.create(name=name, args=list(args), kwargs=kwargs, error=_short(exc))
        logger.warning("queue down: task parked", extra={"task": name})
        return False


def _short(exc: Exception) -> str:
    return (str(exc) or exc.__class__.__name__)[:300]


def _task_of(row: ParkedTask) -> Any:
    # Importing the module registers its tasks (a worker has them all already).
    importlib.import_module(row.name.rsplit(".", 1)[0])
    task_class = HUEY._registry.string_to_task(row.name)
    return task_class(tuple(row.args), dict(row.kwargs))


def parked_drain(*, limit: int = 100) -> int:
    """Put parked tasks into the queue again, oldest first; how many went.

    Stops at the first enqueue that fails (the queue is still down): that row stays, its
    attempts counted, and the next call tries again. Rows are locked with SKIP LOCKED on
    PostgreSQL, so two workers draining at once never take the same row; on SQLite the
    transaction is IMMEDIATE (config/settings.py) and the drains run one after the other.
    """
    sent = 0
    with transaction.atomic():
        rows = list(
            ParkedTask.objects.select_for_update(skip_locked=True).order_by("created_at", "pk")[
                :limit
            ]
        )
        for row in rows:
            try:
                task = _task_of(row)
            except (ImportError, HueyException) as exc:  # renamed or removed by a deploy
                logger.error("parked task %s is unknown: left in place", row.name)
                ParkedTask.objects.filter(pk=row.pk).update(
                    attempts=F("attempts") + 1, error=_short(exc)
                )
                continue
            try:
                HUEY.enqueue(task)
            except QUEUE_DOWN as exc:
                ParkedTask.objects.filter(pk=row.pk).update(
                    attempts=F("attempts") + 1, error=_short(exc)
                )
                logger.info("queue still down: %s parked tasks wait", len(rows) - sent)
                break
            row.delete()
            sent += 1
    if sent:
        logger.info("parked tasks sent", extra={"sent": sent})
    return sent


def send_once(key: str, send: Callable[[], object]) -> bool:
    """Call `send` unless an e-mail under `key` was sent already; True when it was sent now.

    The key is recorded in the same transaction as the send: a second run of the task
    waits on the first's row (unique key) and then finds it; a send that raises rolls the
    key back, so Huey's retry sends it. (A crash after the mail left but before the commit
    can still send twice: the mail server is not part of the transaction.)
    """
    with transaction.atomic():
        _row, created = SentMail.objects.get_or_create(key=key)
        if not created:
            return False
        send()
    return True
