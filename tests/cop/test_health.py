"""``GET /healthz``: 200 while the database answers, 503 when it does not."""

import socket

import pytest
from django.db import connections
from django.urls import reverse

from config.celery import app as celery_app
from cop import health


def closed_port() -> int:
    """A local TCP port nobody listens on (bound then released at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def unreachable_database(monkeypatch):
    """The view's connection points at a closed port: a real connection failure."""
    broken = connections.create_connection("default")
    broken.settings_dict = {**broken.settings_dict, "HOST": "127.0.0.1", "PORT": closed_port()}
    monkeypatch.setattr(health, "connection", broken)
    yield broken
    broken.close()


@pytest.mark.django_db
def test_healthz_answers_200_with_one_cheap_query_when_the_database_answers(
    client, django_assert_num_queries
):
    with django_assert_num_queries(1):  # SELECT 1
        response = client.get(reverse("cop:healthz"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["database"]["ok"] is True
    assert body["database"]["vendor"] == "postgresql"


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_unreachable(client, unreachable_database):
    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["database"] == {
        "ok": False,
        "vendor": unreachable_database.vendor,
        "error": "OperationalError",
    }


@pytest.mark.django_db
def test_healthz_reports_the_configured_cache_backend(client, settings):
    response = client.get("/healthz")

    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    assert response.json()["cache"] == {"ok": True, "backend": backend}


@pytest.mark.django_db
def test_healthz_stays_200_but_says_error_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "error"
    assert body["database"]["ok"] is True
    assert body["cache"]["ok"] is False
    assert body["cache"]["backend"] == "RedisCache"


@pytest.mark.django_db
def test_healthz_says_tasks_run_in_process_when_celery_is_eager(client, monkeypatch):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)

    response = client.get("/healthz")

    assert response.json()["celery"] == {"mode": "eager"}


@pytest.mark.django_db
def test_healthz_stays_200_and_reports_no_worker_when_the_broker_is_down(client, monkeypatch):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setitem(celery_app.conf, "broker_url", f"redis://127.0.0.1:{closed_port()}/0")

    response = client.get("/healthz")

    assert response.status_code == 200
    celery = response.json()["celery"]
    assert celery["ok"] is False
    assert celery["workers"] == 0


@pytest.mark.django_db
def test_healthz_sets_no_cookie_and_is_never_cached(client):
    response = client.get("/healthz")

    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]


def test_healthz_refuses_writes(client):
    response = client.post("/healthz")

    assert response.status_code == 405
