"""``GET /healthz``: is this instance able to serve?

The answer is 200 when the database answers and 503 otherwise: a load balancer
or an orchestrator only needs that. The JSON says more for a human or a
monitor: a cache (Redis) or Celery being down turns ``status`` into
``"error"`` and its own ``ok`` into false, but keeps the 200, because pages
still render without them (the cache is an optimisation, PDF dossiers wait in
the queue).

Cheap and side-effect free: no authentication, no session, no write; the
Celery ping (the only slow part, ~1 s at most) happens only when a real broker
is configured and tasks are not executed in-process.
"""

from typing import Any

from celery import current_app as celery_app  # the project's app (config.celery), set as current
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

CELERY_PING_TIMEOUT = 1.0  # seconds; also bounds the broker connection attempt
HEALTH_CACHE_KEY = "cop:healthz"


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
    """Read one key from the default cache (a read reaches Redis as a write would)."""
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    try:
        cache.get(HEALTH_CACHE_KEY)
    except Exception as error:  # any backend error means "not usable"
        return {"ok": False, "backend": backend, "error": type(error).__name__}
    return {"ok": True, "backend": backend}


def check_celery() -> dict[str, Any]:
    """Count the Celery workers answering a ping, unless tasks run in-process."""
    if celery_app.conf.task_always_eager or celery_app.conf.broker_url.startswith("memory://"):
        return {"mode": "eager"}
    try:
        with celery_app.connection_for_write() as conn:
            # Fail fast when the broker is down instead of retrying for minutes.
            conn.ensure_connection(max_retries=0, timeout=CELERY_PING_TIMEOUT)
            replies = celery_app.control.ping(timeout=CELERY_PING_TIMEOUT, connection=conn)
    except Exception as error:  # broker unreachable or refusing us
        return {"ok": False, "workers": 0, "error": type(error).__name__}
    return {"ok": bool(replies), "workers": len(replies)}


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    database = check_database()
    checks = {"database": database, "cache": check_cache(), "celery": check_celery()}
    healthy = all(check.get("ok", True) for check in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks},
        status=200 if database["ok"] else 503,
        json_dumps_params={"ensure_ascii": False},
    )
