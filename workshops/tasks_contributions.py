"""Celery tasks of contributions: thin, they take ids and call one service.

``workshops/tasks.py`` re-exports them, so Celery's autodiscovery finds them.
"""

from celery import shared_task

# The module, not its names: the services enqueue these tasks, so either side
# may be imported first.
from .services import contributions


@shared_task
def notify_group_followers(contribution_id: int) -> int:
    """Tell a group's followers of a new contribution (once each, however often run)."""
    return contributions.contribution_notify_followers(contribution_id=contribution_id)
