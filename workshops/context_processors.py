"""What the layout needs from the working groups."""

import rules
from django.http import HttpRequest


def moderation(request: HttpRequest) -> dict:
    """``moderates``: whether the header links to the moderation queue.

    A callable, so the query runs only where the header asks (signed-in pages),
    once per request.
    """
    cache: dict[str, bool] = {}

    def moderates() -> bool:
        if "value" not in cache:
            user = getattr(request, "user", None)
            cache["value"] = bool(
                user is not None
                and user.is_authenticated
                and rules.has_perm("workshops.view_moderation_queue", user)
            )
        return cache["value"]

    return {"moderates": moderates}
