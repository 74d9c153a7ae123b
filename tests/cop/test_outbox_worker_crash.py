"""A Celery worker killed in the middle of sending: nothing lost, nothing sent twice.

A real worker process on a private Redis sends to an SMTP sink on loopback. It is
killed (SIGKILL) twice: once before it reached the mail server, once just after
the mail server took the message but before it could answer. Restarted, the
worker gets both tasks back (after the short visibility timeout set here): the
first email is sent, the second is not sent again (it had left).
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import redis as redis_client
from django.db import connection

from config.celery import app as celery_app
from cop import health
from cop.models import Notification
from cop.tasks import send_notification
from tests.factories import VerifiedUserFactory
from tests.faults import PrivateRedis, SmtpSink, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
VISIBILITY_TIMEOUT = 3  # seconds, instead of the production setting
LEASE = 2  # seconds before a claim left before the mail server is taken again


def database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    def __init__(self, *, broker: str, smtp_port: int, log) -> None:
        self.log = log
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": database_url(),
            "REDIS_URL": broker,
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
            "COP_OUTBOX_LEASE_SECONDS": str(LEASE),
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "DJANGO_EMAIL_HOST": "127.0.0.1",
            "DJANGO_EMAIL_PORT": str(smtp_port),
            "DJANGO_LOG_LEVEL": "WARNING",
        }
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo"),
                *("--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "INFO"),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)


@pytest.fixture
def broker(monkeypatch):
    server = PrivateRedis()
    server.start()
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setitem(celery_app.conf, "broker_url", server.url)
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    yield server
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    server.stop()


@pytest.fixture
def sink():
    server = SmtpSink()
    server.start()
    yield server
    server.stop()


def test_a_worker_killed_mid_send_loses_nothing_and_sends_nothing_twice(
    broker, sink, settings, tmp_path
):
    first = VerifiedUserFactory(email="premiere@exemple.test")
    second = VerifiedUserFactory(email="second@exemple.test")
    rows = [
        Notification.objects.create(
            user=user, kind="reply", subject=f"Réponse pour {user.email}", frequency="immediately"
        )
        for user in (first, second)
    ]
    log = (tmp_path / "worker.log").open("w")
    worker = Worker(broker=broker.url, smtp_port=sink.port, log=log)
    queue = redis_client.Redis.from_url(broker.url)
    try:
        # 1. Killed while the mail server has not even said hello.
        sink.hold_ehlo = True
        worker.start()
        for row in rows:
            send_notification.apply_async((row.pk,))
        wait_for(sink.held.is_set, timeout=60, what="the first send to start")
        worker.kill()
        sink.release()

        # 2. Killed after the mail server took the second message, before it answered.
        sink.hold_after_data_for = {"second@exemple.test"}
        worker.start()
        wait_for(sink.held.is_set, timeout=60, what="the second message to leave")
        worker.kill()
        sink.release()

        # 3. Restarted: both tasks come back after the visibility timeout.
        worker.start()
        wait_for(
            lambda: sink.received_by("premiere@exemple.test") >= 1,
            timeout=60,
            what="the first email",
        )
        wait_for(
            lambda: queue.llen("celery") == 0 and queue.hlen("unacked") == 0,
            timeout=60,
            what="every task to be done",
        )
    finally:
        worker.kill()
        queue.close()
        log.close()
        print((tmp_path / "worker.log").read_text())  # shown when the test fails

    assert sink.received_by("premiere@exemple.test") == 1
    assert sink.received_by("second@exemple.test") == 1
    first_row, second_row = (Notification.objects.get(pk=row.pk) for row in rows)
    assert first_row.sent_at is not None
    # The second may have left: it is not sent again, and staff see it.
    assert second_row.sent_at is None
    assert second_row.handed_over_at is not None
    settings.COP_OUTBOX_LEASE_SECONDS = LEASE
    health.snapshot.clear()
    wait_for(lambda: health.check_outbox()["emails"]["uncertain"] == 1, timeout=10, what="lease")
