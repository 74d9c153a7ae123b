"""Celery tasks of the workshops app (Celery's autodiscovery imports this module).

One module per feature; each is re-exported here.
"""

from .tasks_contributions import notify_group_followers
from .tasks_meetings import send_meeting_reminders

__all__ = ["notify_group_followers", "send_meeting_reminders"]
