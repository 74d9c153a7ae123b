"""Per-person rate limits of the platform's writes, and the client's address.

One mechanism for every app: a view asks ``refusal = limit(request, action=...)``
just before the write it guards; ``None`` means go ahead (and the attempt is
counted), otherwise the view shows ``refusal.message`` (in the form, the htmx
partial or the 429 page of ``too_many_requests``) and writes nothing.

The rates live in ``settings.COP_RATE_LIMITS`` (``{"comment": "30/10m", ...}``,
allauth's syntax: an amount, ``/``, a duration in s, m, h or d). Counters are
fixed windows in the Django cache, counted per signed-in person (or per client
address for a visitor) with ``add`` then ``incr``, which Redis does atomically.

A rate limit protects the platform; it must never take it down: when the cache
cannot be reached, every attempt is allowed (and logged).
"""

from __future__ import annotations

import ipaddress
import logging
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    amount: int
    seconds: int


def parse_rate(text: str) -> Rate:
    """``"30/10m"`` → 30 attempts per 600 seconds; ``ImproperlyConfigured`` otherwise."""
    amount, _slash, duration = text.strip().partition("/")
    unit = duration[-1:]
    count = duration[:-1] or "1"
    if not (amount.isascii() and amount.isdigit() and count.isascii() and count.isdigit()):
        raise ImproperlyConfigured(f"Limite de débit invalide : {text!r} (ex. « 30/10m »).")
    if unit not in UNITS or int(amount) < 1 or int(count) < 1:
        raise ImproperlyConfigured(f"Limite de débit invalide : {text!r} (ex. « 30/10m »).")
    return Rate(amount=int(amount), seconds=int(count) * UNITS[unit])


def rate_of(action: str) -> Rate | None:
    """The configured rate of ``action``; ``None`` when it is not limited."""
    text = settings.COP_RATE_LIMITS.get(action, "")
    return parse_rate(text) if text.strip() else None


# --- Who is asking --------------------------------------------------------------------------


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip().strip("[]")))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    """The address of the client, seen through ``TRUSTED_PROXY_COUNT`` proxies of ours.

    Each trusted proxy appends the address it received the request from to
    ``X-Forwarded-For``; what the client itself sent stands to the left and is
    never believed. So the client is the entry ``count`` places from the right
    (the right-most hop that no trusted proxy vouches for beyond). With fewer
    entries than trusted proxies (a request that skipped the outer ones), the
    left-most entry, written by our outermost proxy it passed, is the best we
    know. Without trusted proxies, or without a usable entry, ``REMOTE_ADDR``.
    """
    count = settings.TRUSTED_PROXY_COUNT
    # No REMOTE_ADDR (gunicorn on a Unix socket): all such requests share one key,
    # hence DJANGO_TRUSTED_PROXY_COUNT behind a proxy.
    remote = _address(request.META.get("REMOTE_ADDR", "")) or "unknown"
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count <= 0 or not forwarded.strip():
        return remote
    hops = [hop for hop in forwarded.split(",") if hop.strip()]
    if not hops:
        return remote
    hop = hops[-count] if len(hops) >= count else hops[0]
    return _address(hop) or remote


def _who(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_ip(request)}"


# --- Limits ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    """An attempt over the limit: what to tell the person, and when to come back."""

    action: str
    rate: Rate
    retry_after: int  # seconds

    @property
    def message(self) -> str:
        return _(
            "Trop d’envois en peu de temps : cette action est limitée à %(amount)s en "
            "%(period)s, pour protéger les échanges des envois en masse. Vous pourrez "
            "recommencer dans %(wait)s."
        ) % {
            "amount": self.rate.amount,
            "period": duration_text(self.rate.seconds),
            "wait": duration_text(max(60, math.ceil(self.retry_after / 60) * 60)),
        }


def duration_text(seconds: int) -> str:
    """A duration for people: "1 heure", "10 minutes", "2 jours"."""
    for unit, label_one, label_many in (
        (86400, "%(n)d jour", "%(n)d jours"),
        (3600, "%(n)d heure", "%(n)d heures"),
        (60, "%(n)d minute", "%(n)d minutes"),
    ):
        if seconds >= unit and seconds % unit == 0:
            n = seconds // unit
            return ngettext(label_one, label_many, n) % {"n": n}
    return ngettext("%(n)d seconde", "%(n)d secondes", seconds) % {"n": seconds}


def limit(request: HttpRequest, *, action: str) -> Refusal | None:
    """Count one attempt of ``action`` by whoever sends ``request``; a ``Refusal`` past the rate.

    Fails open: if the cache raises (Redis down, timeout, a degraded backend
    that lost the counter), the attempt is allowed.
    """
    rate = rate_of(action)
    if rate is None:
        return None
    now = time.time()
    window = int(now // rate.seconds)
    key = f"ratelimit:{action}:{_who(request)}:{window}"
    try:
        # The counter outlives its window by a little, so that incr never finds
        # it expired between the add and itself.
        cache.add(key, 0, timeout=rate.seconds + 60)
        count = cache.incr(key)
    except Exception:  # redis errors, timeouts, a degraded backend's ValueError: never block
        logger.warning("Rate limit %s not checked: the cache failed.", action, exc_info=True)
        return None
    if not isinstance(count, int) or count <= rate.amount:
        # Not a count (a degraded cache answering None): allowed, like an error.
        return None
    retry_after = math.ceil((window + 1) * rate.seconds - now)
    return Refusal(action=action, rate=rate, retry_after=retry_after)


def too_many_requests(request: HttpRequest, refusal: Refusal) -> HttpResponse:
    """The French 429 page for ``refusal``, with ``Retry-After``."""
    response = render(
        request,
        "429.html",
        {"title": _("Trop d’envois"), "reason": refusal.message},
        status=429,
    )
    response["Retry-After"] = str(refusal.retry_after)
    return response
