"""Celery tasks of the process core: thin, they take ids and call one service."""

import smtplib

from celery import shared_task

# Module imports, not names: the services enqueue these tasks (see
# cop/services/notifications.py), so either side may be imported first.
from cop.services import mail, notifications

# A mail server that does not answer: try again later, the claim was rolled back.
SEND_RETRY = {
    "autoretry_for": (smtplib.SMTPException, OSError),
    "retry_backoff": 60,
    "max_retries": 6,
}


@shared_task(**SEND_RETRY)
def send_notification(notification_id: int) -> None:
    notifications.notification_send(notification_id=notification_id)


@shared_task
def send_daily_digests() -> None:
    notifications.digests_send()


@shared_task
def send_membership_decision_email(membership_id: int) -> None:
    """Notify a decision not told yet (a decision is normally notified as it is taken)."""
    mail.membership_notify_decision(membership_id=membership_id)
