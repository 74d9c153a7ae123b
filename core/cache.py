"""A Redis cache that degrades instead of failing when Redis does not answer.

The cache is an optimisation and a store of counters (rate limits): with Redis
down, a read is a miss, a write or a delete does nothing, ``add`` and ``incr``
let the caller through (rate limits fail open), and the failure is logged once.
After a failure the backend does not try Redis again for ``retry_after``
seconds (in process memory), so a page with many cache calls does not wait for
each of them; Redis answering again is noticed after that pause. Each attempt is
bounded by short socket timeouts (``OPTIONS`` in the settings).

``available()`` asks Redis itself, bypassing the pause: ``/healthz`` reports
the real state.
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

T = TypeVar("T")

RETRY_AFTER = 5.0  # seconds without trying Redis after a failure


class ResilientRedisCache(RedisCache):
    """Django's ``RedisCache`` that logs and degrades on any Redis error."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("retry_after", RETRY_AFTER))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._down_until = 0.0
        self._lock = threading.Lock()

    # --- the degradation -------------------------------------------------------------

    def _guard(self, operation: str, call: Callable[[], T], fallback: T) -> T:
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return call()
        except Exception as error:  # any Redis or socket error means "not now"
            with self._lock:
                was_up = time.monotonic() >= self._down_until
                self._down_until = time.monotonic() + self.retry_after
            if was_up:
                logger.warning(
                    "Cache unavailable (%s on %s): degraded for %.0f s",
                    type(error).__name__,
                    operation,
                    self.retry_after,
                )
            return fallback

    def available(self) -> bool:
        """Does Redis answer now? (bypasses the pause; one round trip)"""
        try:
            self._cache.get_client(write=False).ping()  # type: ignore[attr-defined]
        except Exception:
            return False
        with self._lock:
            self._down_until = 0.0
        return True

    # --- the cache API -------------------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(
            "add", lambda: super(ResilientRedisCache, self).add(key, value, timeout, version), True
        )

    def get(self, key, default=None, version=None):
        return self._guard(
            "get", lambda: super(ResilientRedisCache, self).get(key, default, version), default
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._guard(
            "set", lambda: super(ResilientRedisCache, self).set(key, value, timeout, version), None
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(
            "touch", lambda: super(ResilientRedisCache, self).touch(key, timeout, version), False
        )

    def delete(self, key, version=None):
        return self._guard(
            "delete", lambda: super(ResilientRedisCache, self).delete(key, version), False
        )

    def get_many(self, keys, version=None):
        return self._guard(
            "get_many", lambda: super(ResilientRedisCache, self).get_many(keys, version), {}
        )

    def has_key(self, key, version=None):
        return self._guard(
            "has_key", lambda: super(ResilientRedisCache, self).has_key(key, version), False
        )

    def incr(self, key, delta=1, version=None):
        # As if the counter started now: a limit counted in a cache that is down
        # lets the caller through rather than locking everyone out.
        return self._guard(
            "incr", lambda: super(ResilientRedisCache, self).incr(key, delta, version), delta
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(
            "set_many",
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version),
            list(data),
        )

    def delete_many(self, keys, version=None):
        self._guard(
            "delete_many",
            lambda: super(ResilientRedisCache, self).delete_many(keys, version),
            None,
        )

    def clear(self):
        return self._guard("clear", lambda: super(ResilientRedisCache, self).clear(), False)
