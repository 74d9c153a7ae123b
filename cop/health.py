"""``GET /healthz``: is this instance able to serve?

The answer is 200 when the database answers and 503 otherwise: a load balancer
or an orchestrator only needs that. The JSON says more for a human or a
monitor: ``database``, ``cache`` (Redis), ``broker`` (Redis for Celery),
``workers`` (how many Celery workers answer a ping) and ``outbox`` (the emails
and tasks waiting, given up or uncertain). Anything but the database being down
turns ``status`` into ``"degraded"`` and keeps the 200: pages still render, writes
are committed and their emails wait in the outbox (see the README).

Cheap and side-effect free: no authentication, no session, no write. The slow
part (the Celery ping waits up to a second for replies) and the outbox counts
are kept in process memory for ``SNAPSHOT_SECONDS``, and one request at a time
refreshes them: many clients calling at once cause one ping, not one each.
"""

import threading
import time
from typing import Any

from celery import current_app as celery_app  # the project's app (config.celery), set as current
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from cop.services.notifications import notifications_backlog
from cop.services.outbox import queued_tasks_backlog

CELERY_PING_TIMEOUT = 1.0  # seconds; also bounds the broker connection attempt
HEALTH_CACHE_KEY = "cop:healthz"
SNAPSHOT_SECONDS = 10.0


def check_database() -> dict[str, Any]:
    """Run ``SELECT 1`` on the default database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        # The class name only: the message may carry hosts or user names.
        return {"ok": False, "vendor": connection.vendor, "error": type(error).__name__}
    return {"ok": True, "vendor": connection.vendor}


def check_cache() -> dict[str, Any]:
    """Ask the cache whether it answers (the resilient backend hides failures otherwise)."""
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    available = getattr(cache, "available", None)
    try:
        if available is not None:
            if not available():
                return {"ok": False, "backend": backend, "error": "unavailable"}
        else:
            cache.get(HEALTH_CACHE_KEY)
    except Exception as error:  # any backend error means "not usable"
        return {"ok": False, "backend": backend, "error": type(error).__name__}
    return {"ok": True, "backend": backend}


def check_celery() -> dict[str, dict[str, Any]]:
    """The broker and the workers answering a ping, unless tasks run in-process."""
    if celery_app.conf.task_always_eager or celery_app.conf.broker_url.startswith("memory://"):
        return {"broker": {"mode": "eager"}, "workers": {"mode": "eager"}}
    try:
        with celery_app.connection_for_write() as conn:
            # Fail fast when the broker is down instead of retrying for minutes.
            conn.ensure_connection(max_retries=0, timeout=CELERY_PING_TIMEOUT)
            broker: dict[str, Any] = {"ok": True}
            try:
                replies = celery_app.control.ping(timeout=CELERY_PING_TIMEOUT, connection=conn)
            except Exception as error:
                return {
                    "broker": broker,
                    "workers": {"ok": False, "count": 0, "error": type(error).__name__},
                }
    except Exception as error:  # broker unreachable or refusing us
        return {
            "broker": {"ok": False, "error": type(error).__name__},
            "workers": {"ok": False, "count": 0},
        }
    return {"broker": broker, "workers": {"ok": bool(replies), "count": len(replies)}}


def check_outbox() -> dict[str, Any]:
    """What waits to be sent or run; ``ok`` is false when something was given up."""
    try:
        emails = notifications_backlog()
        tasks = queued_tasks_backlog()
    except DatabaseError as error:
        return {"ok": False, "error": type(error).__name__}
    healthy = not (emails["failed"] or emails["uncertain"] or tasks["failed"])
    return {"ok": healthy, "emails": emails, "tasks": tasks}


class Snapshot:
    """The slow checks, refreshed by one caller at a time, at most every ``ttl`` seconds."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._lock = threading.Lock()
        self._value: dict[str, Any] | None = None
        self._taken_at = 0.0

    def get(self) -> dict[str, Any]:
        if self._value is not None and time.monotonic() - self._taken_at < self.ttl:
            return self._value
        # Somebody refreshing already: serve what we have rather than ping again.
        if not self._lock.acquire(blocking=self._value is None):
            return self._value  # type: ignore[return-value]
        try:
            if self._value is None or time.monotonic() - self._taken_at >= self.ttl:
                self._value = {**check_celery(), "outbox": check_outbox()}
                self._taken_at = time.monotonic()
            return self._value
        finally:
            self._lock.release()

    def clear(self) -> None:
        self._value = None


snapshot = Snapshot(SNAPSHOT_SECONDS)


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    database = check_database()
    checks = {"database": database, "cache": check_cache()}
    if database["ok"]:
        checks.update(snapshot.get())
    if not database["ok"]:
        status = "error"
    elif all(check.get("ok", True) for check in checks.values()):
        status = "ok"
    else:
        status = "degraded"
    return JsonResponse(
        {"status": status, **checks},
        status=200 if database["ok"] else 503,
        json_dumps_params={"ensure_ascii": False},
    )
