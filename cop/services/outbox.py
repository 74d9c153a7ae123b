"""The one way to enqueue a Celery task after a commit, and the task outbox behind it.

``enqueue_after_commit(task, *args)`` is called inside the caller's transaction.
It records a ``QueuedTask`` row in that transaction, then publishes the task
once the transaction commits. Publishing never raises into the request: with
the broker down the user's action is committed and answered normally, the
failure is logged, and the row stays in the outbox, where the periodic sweeper
(``cop.tasks.sweep_outbox``) enqueues it again. The row is deleted when the
task succeeds, so a task that never ran, or whose worker died, is run later.
Tasks must therefore be idempotent (running one twice changes nothing), as
every task of the platform already is.

``keep=False`` skips the row for a task whose work is already in an outbox of
its own (an immediate notification: the periodic sender re-reads
``Notification`` rows).
"""

import logging
from datetime import timedelta
from typing import Any

from celery import Task
from celery import current_app as celery_app
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from cop.models import QueuedTask

logger = logging.getLogger(__name__)

TASK_ID_PREFIX = "cop-queued-"
# After this many publications without success the row waits for staff (it is
# counted as failed on /healthz and the staff pages).
MAX_ATTEMPTS = 8


def lease() -> timedelta:
    """How long a published task may take before the sweeper publishes it again."""
    return timedelta(seconds=settings.COP_OUTBOX_LEASE_SECONDS)


def enqueue_after_commit(task: Task, *args: Any, keep: bool = True) -> None:
    """Run ``task(*args)`` in a worker once the current transaction commits; never raises."""
    row_id = None
    if keep:
        row_id = QueuedTask.objects.create(
            task=task.name, args=list(args), due_at=timezone.now() + lease(), attempts=1
        ).pk

    def publish_after_commit() -> None:
        publish(task, args, row_id=row_id)

    transaction.on_commit(publish_after_commit)


def publish(task: Task, args: tuple | list, *, row_id: int | None) -> bool:
    """Hand the task to the broker; on failure log it and leave it to the sweeper."""
    options = {"task_id": f"{TASK_ID_PREFIX}{row_id}"} if row_id is not None else {}
    try:
        task.apply_async(tuple(args), **options)
    except Exception as error:  # a broker down, or an eager task that failed
        logger.warning(
            "Task %s%r not run now (%s): it stays in the outbox",
            task.name,
            tuple(args),
            type(error).__name__,
            exc_info=True,
        )
        if row_id is not None:
            _note_failure(row_id, error)
        return False
    return True


def _note_failure(row_id: int, error: Exception) -> None:
    try:
        QueuedTask.objects.filter(pk=row_id).update(
            due_at=timezone.now(), last_error=type(error).__name__[:200]
        )
    except DatabaseError:
        logger.warning("Queued task %s could not be marked for the sweeper", row_id)


def queued_task_done(task_id: str | None) -> None:
    """Forget the row of a task that succeeded (called from Celery's ``task_success``)."""
    if task_id and task_id.startswith(TASK_ID_PREFIX):
        row = task_id.removeprefix(TASK_ID_PREFIX)
        if row.isascii() and row.isdigit():
            QueuedTask.objects.filter(pk=int(row)).delete()


def queued_tasks_requeue(*, limit: int = 500) -> int:
    """Publish again the tasks whose time has passed without success; how many."""
    now = timezone.now()
    due = list(
        QueuedTask.objects.filter(due_at__lte=now, attempts__lt=MAX_ATTEMPTS).values_list(
            "pk", "due_at", "attempts"
        )[:limit]
    )
    published = 0
    for pk, due_at, attempts in due:
        # Claim: the row moves forward only if nobody else moved it meanwhile.
        wait = lease() * (2 ** min(attempts, 6))
        if not QueuedTask.objects.filter(pk=pk, due_at=due_at).update(
            due_at=now + wait, attempts=F("attempts") + 1
        ):
            continue
        row = QueuedTask.objects.filter(pk=pk).first()
        if row is None:  # ran and was deleted meanwhile
            continue
        task = celery_app.tasks.get(row.task)
        if task is None:
            logger.error("Queued task %s names an unknown task", pk)
            continue
        published += publish(task, row.args, row_id=pk)
    return published


def queued_tasks_backlog() -> dict[str, int]:
    """How many tasks wait for a run, and how many were given up (staff must look)."""
    return QueuedTask.objects.aggregate(
        waiting=Count("pk", filter=Q(attempts__lt=MAX_ATTEMPTS)),
        failed=Count("pk", filter=Q(attempts__gte=MAX_ATTEMPTS)),
    )
