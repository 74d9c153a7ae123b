"""The outbox is re-read: what could not be sent or queued is sent later, once."""

import datetime as dt

import pytest
from django.utils import timezone

from config.celery import app as celery_app
from cop import health
from cop.models import Notification, QueuedTask
from cop.services import notify
from cop.services.notifications import MAX_ATTEMPTS, notification_send
from cop.services.outbox import enqueue_after_commit
from cop.tasks import send_membership_decision_email, sweep_outbox
from tests.factories import MembershipFactory, OrganisationFactory
from tests.faults import SmtpSink, free_port


def tell(user, subject="Bruno a commenté votre contribution"):
    return notify(user=user, kind="reply", subject=subject, body="Bonjour.", url="/")


@pytest.fixture
def request_to_join(citizen):
    return MembershipFactory(
        user=citizen, organisation=OrganisationFactory(name="Nature Centre-Val de Loire")
    )


@pytest.fixture
def smtp(settings):
    """Emails go to a real SMTP server on loopback."""
    sink = SmtpSink()
    sink.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = sink.port
    yield sink
    sink.stop()


@pytest.fixture
def smtp_down(settings):
    """Nobody listens where the mail server should be."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    return settings


@pytest.fixture
def broker_down(monkeypatch):
    """Tasks are published to a Redis that does not answer (a real connection refused)."""
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setitem(celery_app.conf, "broker_url", f"redis://127.0.0.1:{free_port()}/0")
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    yield
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def test_an_email_whose_task_was_never_queued_is_sent_by_the_periodic_sender(
    citizen, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):  # the task is lost
        notification = tell(citizen)
    assert mailoutbox == []

    sweep_outbox.delay()
    sweep_outbox.delay()

    assert len(mailoutbox) == 1
    notification.refresh_from_db()
    assert notification.sent_at is not None
    assert notification.attempts == 1


def test_with_the_broker_down_the_action_goes_through_and_the_email_waits(
    citizen, smtp, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(citizen)  # does not raise: the row is committed
    assert smtp.messages == []

    celery_app.conf.task_always_eager = True  # the broker is back
    sweep_outbox.delay()

    assert smtp.received_by("citoyenne@exemple.test") == 1
    notification.refresh_from_db()
    assert notification.sent_at is not None


def test_a_task_that_could_not_be_queued_stays_in_the_outbox_and_runs_later(
    request_to_join, mailoutbox, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request_to_join.status = "approved"
        request_to_join.save()
        enqueue_after_commit(send_membership_decision_email, request_to_join.pk)

    row = QueuedTask.objects.get()
    assert row.task == "cop.tasks.send_membership_decision_email"
    assert row.last_error
    assert row.due_at <= timezone.now()

    celery_app.conf.task_always_eager = True  # the broker is back
    sweep_outbox.delay()
    sweep_outbox.delay()

    assert not QueuedTask.objects.exists()
    assert len(mailoutbox) == 1


def test_a_task_that_ran_leaves_nothing_in_the_outbox(
    request_to_join, mailoutbox, django_capture_on_commit_callbacks
):
    request_to_join.status = "approved"
    request_to_join.save()
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_after_commit(send_membership_decision_email, request_to_join.pk)

    assert not QueuedTask.objects.exists()
    assert len(mailoutbox) == 1


def test_with_the_mail_server_down_the_notification_stays_due_with_a_backoff(
    citizen, smtp_down, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(citizen)

    notification.refresh_from_db()
    assert notification.sent_at is None
    assert notification.claimed_at is None
    assert notification.attempts == 1
    assert notification.last_error.startswith("ConnectionRefusedError")
    assert notification.next_attempt_at > timezone.now()

    # Not due yet: the periodic sender waits for the backoff.
    sweep_outbox.delay()
    notification.refresh_from_db()
    assert notification.attempts == 1


def test_once_the_mail_server_answers_the_periodic_sender_sends_it_once(
    citizen, smtp_down, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(citizen)
    sink = SmtpSink()
    sink.start()
    try:
        settings.EMAIL_PORT = sink.port
        Notification.objects.update(next_attempt_at=timezone.now())  # the backoff has passed

        sweep_outbox.delay()
        sweep_outbox.delay()

        assert sink.received_by("citoyenne@exemple.test") == 1
    finally:
        sink.stop()
    notification.refresh_from_db()
    assert notification.sent_at is not None
    assert notification.attempts == 2
    assert notification.last_error == ""


def test_each_failure_waits_longer_and_the_last_one_is_left_to_staff(citizen, smtp_down):
    notification = Notification.objects.create(
        user=citizen, kind="reply", subject="Réponse", frequency="immediately"
    )
    waits = []
    for _attempt in range(MAX_ATTEMPTS):
        assert notification_send(notification_id=notification.pk) is False
        notification.refresh_from_db()
        waits.append(notification.next_attempt_at - timezone.now())
        Notification.objects.update(next_attempt_at=None)

    assert waits == sorted(waits)
    assert notification.attempts == MAX_ATTEMPTS
    assert notification_send(notification_id=notification.pk) is False  # given up
    health.snapshot.clear()
    assert health.check_outbox()["emails"]["failed"] == 1


def test_a_row_claimed_by_a_live_worker_is_not_sent_again(citizen, mailoutbox):
    notification = Notification.objects.create(
        user=citizen,
        kind="reply",
        subject="Réponse",
        frequency="immediately",
        claimed_at=timezone.now(),
        attempts=1,
    )

    assert notification_send(notification_id=notification.pk) is False
    sweep_outbox.delay()

    assert mailoutbox == []


def test_a_claim_left_by_a_dead_worker_before_the_mail_server_answered_is_sent(
    citizen, mailoutbox, settings
):
    long_ago = timezone.now() - dt.timedelta(seconds=settings.COP_OUTBOX_LEASE_SECONDS + 1)
    Notification.objects.create(
        user=citizen,
        kind="reply",
        subject="Réponse",
        frequency="immediately",
        claimed_at=long_ago,
        attempts=1,
    )

    sweep_outbox.delay()
    sweep_outbox.delay()

    assert len(mailoutbox) == 1


def test_a_claim_left_after_handing_the_message_over_is_never_sent_twice(
    citizen, mailoutbox, settings
):
    long_ago = timezone.now() - dt.timedelta(seconds=settings.COP_OUTBOX_LEASE_SECONDS + 1)
    Notification.objects.create(
        user=citizen,
        kind="reply",
        subject="Réponse",
        frequency="immediately",
        claimed_at=long_ago,
        handed_over_at=long_ago,
        attempts=1,
    )

    sweep_outbox.delay()

    assert mailoutbox == []
    assert health.check_outbox()["emails"]["uncertain"] == 1


def test_the_email_carries_one_message_id_per_notification(citizen, mailoutbox, settings):
    settings.COP_SITE_URL = "https://cop.exemple.test"
    notification = Notification.objects.create(
        user=citizen, kind="reply", subject="Réponse", frequency="immediately"
    )

    notification_send(notification_id=notification.pk)

    assert mailoutbox[0].extra_headers["Message-ID"] == (
        f"<notification-{notification.pk}@cop.exemple.test>"
    )
