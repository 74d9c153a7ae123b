"""The kinds of long job, registered by the app that knows how to run each.

A runner takes the job and a ``progress(percent, message)`` callback and
returns ``(filename, content)``, the content being bytes or the path of a file
it wrote. It raises ``ValidationError`` or ``PermissionDenied`` with a French
message to fail the job with that message; any other error fails it with a
general one (and is logged)::

    # workshops/apps.py
    def ready(self):
        from cop.jobs import register_job_kind
        register_job_kind("workshops.export", export, title=_("Export des contributions"))

Jobs are started with ``cop.services.jobs.job_start(kind=..., owner=..., params=...)``.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.utils.functional import Promise

from .models import LongJob

Progress = Callable[[int, str], None]
JobRunner = Callable[[LongJob, Progress], tuple[str, bytes | str | Path]]


@dataclass(frozen=True)
class JobKind:
    key: str
    runner: JobRunner
    title: str | Promise


_kinds: dict[str, JobKind] = {}


def register_job_kind(key: str, runner: JobRunner, *, title: str | Promise = "") -> None:
    """Say how jobs of kind ``key`` run (registering the same key again replaces it)."""
    _kinds[key] = JobKind(key, runner, title or key)


def unregister_job_kind(key: str) -> None:
    """Remove a kind (for tests)."""
    _kinds.pop(key, None)


def job_kind(key: str) -> JobKind | None:
    return _kinds.get(key)
