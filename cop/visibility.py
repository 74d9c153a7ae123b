"""Whether a person may still see what a notification is about, asked at send time.

A notification may wait (a digest runs in the morning, a failed email is retried)
while what it is about gets hidden. ``cop`` cannot read the models of higher
apps, so each app registers, at start-up, a check for the models it owns::

    # workshops/apps.py
    def ready(self):
        from cop.visibility import register_visibility_check
        register_visibility_check(Contribution, visible_contribution_ids)

A check takes the recipient and a list of ids of that model, and returns the ids
the recipient may still see. A model without a check is always visible.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from .models import Notification, User

VisibilityCheck = Callable[[User, list[int]], Iterable[int]]

_checks: dict[str, VisibilityCheck] = {}


def register_visibility_check(model: type[Model], check: VisibilityCheck) -> None:
    """Say which objects of ``model`` a person may see (registering again replaces it)."""
    _checks[model._meta.label_lower] = check


def still_visible(*, user: User, notifications: Iterable[Notification]) -> list[Notification]:
    """The notifications whose target ``user`` may still see (or that have no target)."""
    notifications = list(notifications)
    ids_by_type: dict[int, list[int]] = defaultdict(list)
    for notification in notifications:
        if notification.target_type_id is not None and notification.target_id is not None:
            ids_by_type[notification.target_type_id].append(notification.target_id)
    visible: dict[int, set[int] | None] = {}
    for type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(type_id)
        check = _checks.get(f"{model.app_label}.{model.model}")
        visible[type_id] = None if check is None else set(check(user, ids))
    return [
        notification
        for notification in notifications
        if notification.target_type_id is None
        or visible[notification.target_type_id] is None
        or notification.target_id in visible[notification.target_type_id]  # type: ignore[operator]
    ]


def target_fields(target: Model | None) -> dict:
    """The ``target_type`` and ``target_id`` of a notification about ``target``."""
    if target is None:
        return {"target_type": None, "target_id": None}
    return {"target_type": ContentType.objects.get_for_model(target), "target_id": target.pk}
