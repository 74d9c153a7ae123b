"""The rate-limit mechanism itself: its rates, its counting, its French message."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from core.apps import check_rate_limits
from core.ratelimit import Rate, limit, parse_rate


def anonymous_request(address="203.0.113.7"):
    request = RequestFactory().post("/", REMOTE_ADDR=address)
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    return request


@pytest.mark.parametrize(
    ("text", "rate"),
    [("10/h", Rate(10, 3600)), ("30/10m", Rate(30, 600)), ("5/2d", Rate(5, 172800))],
)
def test_rates_read_as_an_amount_per_duration(text, rate):
    assert parse_rate(text) == rate


@pytest.mark.parametrize("text", ["10", "10/x", "0/h", "²/h", "-1/h", "10/0m", "dix/h", "1e9/h"])
def test_a_mistyped_rate_is_refused_with_a_french_message(text):
    with pytest.raises(ImproperlyConfigured, match="Limite de débit invalide"):
        parse_rate(text)


def test_a_mistyped_rate_in_the_settings_fails_the_system_check(settings):
    settings.COP_RATE_LIMITS = {"comment": "trente", "support": ""}

    errors = check_rate_limits()

    assert [error.id for error in errors] == ["core.E001"]
    assert "comment" in errors[0].msg


def test_the_refusal_says_how_many_in_what_time_and_when_to_come_back(settings):
    settings.COP_RATE_LIMITS = {"comment": "2/10m"}
    request = anonymous_request()

    assert limit(request, action="comment") is None
    assert limit(request, action="comment") is None
    refusal = limit(request, action="comment")

    assert refusal is not None
    assert 0 < refusal.retry_after <= 600
    assert "limitée à 2 en 10 minutes" in refusal.message
    assert "Vous pourrez recommencer dans " in refusal.message


def test_visitors_are_counted_by_address(settings):
    settings.COP_RATE_LIMITS = {"report": "1/h"}

    assert limit(anonymous_request("203.0.113.7"), action="report") is None
    assert limit(anonymous_request("203.0.113.8"), action="report") is None
    assert limit(anonymous_request("203.0.113.7"), action="report") is not None


def test_an_action_without_a_rate_is_not_limited(settings):
    settings.COP_RATE_LIMITS = {"support": ""}
    request = anonymous_request()

    assert all(limit(request, action=action) is None for action in ["support", "autre"] * 5)


def test_a_cache_that_keeps_nothing_lets_everything_through(settings):
    # A degraded cache (here Django's dummy one) loses counters: allowed, never an error.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.COP_RATE_LIMITS = {"comment": "1/h"}
    request = anonymous_request()

    assert [limit(request, action="comment") for _ in range(3)] == [None, None, None]
