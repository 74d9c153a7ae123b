"""Celery tasks of meetings: thin, they call one service."""

from celery import shared_task
from django.utils import timezone

from .services.meetings import meeting_reminders_send


@shared_task(name="workshops.send_meeting_reminders")
def send_meeting_reminders() -> int:
    """Hourly: remind the registrants of the meetings of the next 24 hours, once each."""
    return meeting_reminders_send(now=timezone.now())
