"""``GET /healthz``: 200 while the database answers, 503 when it does not."""

import socket
import threading

import pytest
from django.db import connections
from django.urls import reverse

from config.celery import app as celery_app
from cop import health
from tests.factories import NotificationFactory


def closed_port() -> int:
    """A local TCP port nobody listens on (bound then released at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def _fresh_snapshot():
    """The slow checks are kept in process memory: each test starts without them."""
    health.snapshot.clear()
    yield
    health.snapshot.clear()


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
    # SELECT 1, then the counts of the email outbox and of the task outbox
    with django_assert_num_queries(3):
        response = client.get(reverse("cop:healthz"))
    # The counts are kept a few seconds: the next call runs SELECT 1 only.
    with django_assert_num_queries(1):
        client.get(reverse("cop:healthz"))

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
def test_healthz_stays_200_but_says_degraded_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["database"]["ok"] is True
    assert body["cache"]["ok"] is False
    assert body["cache"]["backend"] == "ResilientRedisCache"


@pytest.mark.django_db
def test_healthz_says_tasks_run_in_process_when_celery_is_eager(client, monkeypatch):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)

    response = client.get("/healthz")

    assert response.json()["broker"] == {"mode": "eager"}
    assert response.json()["workers"] == {"mode": "eager"}


@pytest.mark.django_db
def test_healthz_stays_200_and_reports_no_worker_when_the_broker_is_down(client, monkeypatch):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setitem(celery_app.conf, "broker_url", f"redis://127.0.0.1:{closed_port()}/0")

    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["broker"]["ok"] is False
    assert body["workers"] == {"ok": False, "count": 0}


@pytest.mark.django_db(transaction=True)
def test_many_calls_at_once_ping_the_workers_once(client, monkeypatch):
    pings = []
    release = threading.Event()

    def slow_ping():
        pings.append(1)
        release.wait(5)
        return {"broker": {"ok": True}, "workers": {"ok": True, "count": 1}}

    def call():
        client.get("/healthz")
        connections.close_all()  # this thread's own connection

    monkeypatch.setattr(health, "check_celery", slow_ping)
    first = threading.Thread(target=call)
    first.start()
    while not pings:
        release.wait(0.01)
    others = [threading.Thread(target=call) for _ in range(5)]
    for thread in others:
        thread.start()
    for thread in others:
        thread.join(5)
    release.set()
    first.join(5)

    assert client.get("/healthz").json()["workers"] == {"ok": True, "count": 1}
    assert len(pings) == 1


@pytest.mark.django_db
def test_healthz_counts_the_emails_waiting_and_given_up(client, citizen):
    NotificationFactory(user=citizen, frequency="immediately")
    NotificationFactory(user=citizen, frequency="immediately", attempts=8, last_error="SMTPError")

    body = client.get("/healthz").json()

    assert body["outbox"]["emails"]["due"] == 1
    assert body["outbox"]["emails"]["failed"] == 1
    assert body["outbox"]["ok"] is False
    assert body["status"] == "degraded"


@pytest.mark.django_db
def test_healthz_sets_no_cookie_and_is_never_cached(client):
    response = client.get("/healthz")

    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]


def test_healthz_refuses_writes(client):
    response = client.post("/healthz")

    assert response.status_code == 405
