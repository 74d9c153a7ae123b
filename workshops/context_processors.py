"""What the layout needs from the working groups, without a database query per page."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from .permissions import facilitates_any_group

# Whether the person facilitated a group when they signed in (one query, at login).
FACILITATES_KEY = "workshops.facilitates"


@receiver(user_logged_in, dispatch_uid="workshops.remember_facilitation")
def remember_facilitation(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[FACILITATES_KEY] = bool(facilitates_any_group(user))


def moderation(request: HttpRequest) -> dict:
    """``moderates``: whether the header links to the moderation queue.

    Staff (``is_staff`` follows from the staff roles) and the facilitators of a
    group, as the queue's permission says; a facilitator named since they signed
    in sees the link at their next sign-in (the queue itself checks live).
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"moderates": False}
    session = getattr(request, "session", None) or {}
    return {"moderates": bool(user.is_staff or user.is_superuser or session.get(FACILITATES_KEY))}
