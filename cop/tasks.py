"""Celery tasks of the process core: thin, they take ids and call one service."""

from celery import shared_task
from celery.signals import task_success

# Module imports, not names: the services enqueue these tasks (see
# cop/services/notifications.py), so either side may be imported first.
from cop.services import jobs, mail, notifications, outbox


@shared_task
def send_notification(notification_id: int) -> None:
    # A mail server that does not answer releases the claim and schedules the
    # next attempt on the row: the periodic sender retries it, not Celery.
    notifications.notification_send(notification_id=notification_id)


@shared_task
def send_daily_digests() -> None:
    notifications.digests_send()


@shared_task
def sweep_outbox() -> dict[str, int]:
    """Every minute: send the immediate notifications due, run again the lost tasks."""
    return {
        "notifications": notifications.notifications_send_due(),
        "tasks": outbox.queued_tasks_requeue(),
    }


@shared_task
def send_membership_decision_email(membership_id: int) -> None:
    """Notify a decision not told yet (a decision is normally notified as it is taken)."""
    mail.membership_notify_decision(membership_id=membership_id)


@shared_task
def run_long_job(job_id: int) -> None:
    """Run a long job once (a second delivery finds it claimed and does nothing)."""
    jobs.job_run(job_id=job_id)


@shared_task
def purge_expired_jobs() -> dict[str, int]:
    """Hourly: delete the expired long jobs and their files."""
    return jobs.jobs_purge_expired()


@task_success.connect
def _forget_queued_task(sender=None, **kwargs) -> None:
    """A task enqueued through the task outbox ran: its row is done."""
    outbox.queued_task_done(getattr(getattr(sender, "request", None), "id", None))
