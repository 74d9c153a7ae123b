"""Long jobs: started in a request, run by a Celery worker, purged when expired.

``job_start`` records the job and enqueues ``cop.tasks.run_long_job`` through
the task outbox. ``job_run`` first claims the job (a conditional UPDATE from
queued to running), so a task delivered twice (the outbox's sweeper, a worker
that died after finishing) runs it once. Progress is written outside any
transaction, so the status page sees it while the job runs.
"""

import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

# Services enqueue tasks and tasks call services: importing the module (not its
# names) keeps this cycle harmless whichever side Python imports first.
from cop import tasks
from cop.jobs import job_kind
from cop.models import LongJob, User

from .outbox import enqueue_after_commit

logger = logging.getLogger(__name__)

MAX_PARAMS_SIZE = 10_000  # characters of JSON: parameters are filters, not data


def job_start(*, kind: str, owner: User, params: dict[str, Any] | None = None) -> LongJob:
    """Record a job of a registered kind for ``owner`` and run it in a worker after commit."""
    if job_kind(kind) is None:
        raise ValidationError(_("Ce type de travail n’existe pas."))
    params = params or {}
    if len(DjangoJSONEncoder().encode(params)) > MAX_PARAMS_SIZE:
        raise ValidationError(_("Les paramètres de ce travail sont trop longs."))
    with transaction.atomic():
        job = LongJob.objects.create(
            kind=kind, owner=owner, params=params, message=_("En attente de traitement.")
        )
        enqueue_after_commit(tasks.run_long_job, job.pk)
    return job


def _progress(job_id: int):
    def progress(percent: int, message: str = "") -> None:
        percent = max(0, min(99, int(percent)))  # 100 means done, set at the end only
        LongJob.objects.filter(pk=job_id, status=LongJob.Status.RUNNING).update(
            progress=percent, message=str(message)[:300]
        )

    return progress


def _fail(job: LongJob, message: str) -> None:
    LongJob.objects.filter(pk=job.pk).update(
        status=LongJob.Status.FAILED, message=message[:300], finished_at=timezone.now()
    )


def job_run(*, job_id: int) -> bool:
    """Run a queued job once: claim it, run its kind's runner, store its file; ran or not."""
    now = timezone.now()
    claimed = LongJob.objects.filter(pk=job_id, status=LongJob.Status.QUEUED).update(
        status=LongJob.Status.RUNNING,
        started_at=now,
        progress=0,
        message=_("Traitement en cours."),
    )
    if not claimed:
        return False  # unknown, or already taken by another delivery of the task
    job = LongJob.objects.select_related("owner").get(pk=job_id)
    kind = job_kind(job.kind)
    if kind is None:
        _fail(job, _("Ce type de travail n’existe plus : relancez-le."))
        return True
    try:
        filename, content = kind.runner(job, _progress(job.pk))
        # Inside the try: a file that cannot be stored (disk full, a path that
        # does not exist) fails the job rather than leaving it running.
        _store(job, filename, content)
    except (ValidationError, PermissionDenied) as refusal:
        messages = getattr(refusal, "messages", None) or [str(refusal)]
        _fail(job, " ".join(str(message) for message in messages))
    except Exception:
        logger.exception("Long job %s (%s) failed", job.pk, job.kind)
        _fail(
            job,
            _(
                "Le travail n’a pas pu aboutir. Relancez-le ; si l’échec se répète, "
                "signalez-le à l’équipe de la plateforme."
            ),
        )
    return True


def _store(job: LongJob, filename: str, content: bytes | str | Path) -> None:
    name = Path(filename).name or "resultat"
    if isinstance(content, bytes):
        job.result.save(name, ContentFile(content), save=False)
    else:
        with open(content, "rb") as handle:
            job.result.save(name, File(handle), save=False)
    LongJob.objects.filter(pk=job.pk).update(
        status=LongJob.Status.DONE,
        result=job.result.name,
        progress=100,
        message=_("Terminé."),
        finished_at=timezone.now(),
    )


def stale_after() -> timedelta:
    """How long a job may stay running before it is taken for lost (its worker died)."""
    return timedelta(seconds=2 * settings.COP_TASK_VISIBILITY_TIMEOUT)


def jobs_purge_expired(*, now: datetime | None = None) -> dict[str, int]:
    """Delete the expired jobs and their files; fail the jobs lost with their worker."""
    now = now or timezone.now()
    lost = LongJob.objects.filter(
        status=LongJob.Status.RUNNING, started_at__lt=now - stale_after()
    ).update(
        status=LongJob.Status.FAILED,
        finished_at=now,
        message=_("Le travail a été interrompu. Relancez-le."),
    )
    deleted = 0
    for job in LongJob.objects.filter(expires_at__lte=now).only("pk", "result"):
        if job.result:
            job.result.delete(save=False)  # a missing file is not an error
        deleted += LongJob.objects.filter(pk=job.pk).delete()[0]
    return {"deleted": deleted, "lost": lost}
