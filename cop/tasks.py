"""Celery tasks of the process core: thin, they take ids and call one service."""

from celery import shared_task

from cop.services.mail import membership_notify_decision


@shared_task
def send_membership_decision_email(membership_id: int) -> None:
    membership_notify_decision(membership_id=membership_id)
