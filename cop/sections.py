"""The sections the process core adds to "Mon espace" (registered in ``cop/apps.py``)."""

from django.http import HttpRequest
from django.utils import timezone

from . import selectors


def my_jobs_section(request: HttpRequest) -> dict | None:
    """The person's exports and other long jobs not expired yet (1 query)."""
    jobs = selectors.jobs_of(user=request.user, now=timezone.now())
    return {"jobs": jobs} if jobs else None
