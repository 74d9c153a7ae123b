"""The kinds of notification: what a notification is about, each with a default frequency.

``cop`` does not know what higher apps notify about, so each app registers its
kinds at start-up (as roles are registered through
``cop.roles.register_role_provider``); a new kind needs no migration of ``cop``::

    # workshops/apps.py
    def ready(self):
        from cop.notification_kinds import register_notification_kind
        register_notification_kind(
            "meeting_seat",
            label=_("Places libérées aux réunions"),
            help_text=_("Quand une place se libère ..."),
            default_frequency=Frequency.IMMEDIATELY,
            order=45,
        )

``notify`` and ``notify_many`` refuse a kind that nobody registered; the
preferences page lists the registered kinds by ``order``. Rows already stored
keep their key: a kind that is removed stops being offered, its rows stay.
"""

from dataclasses import dataclass

from django.utils.functional import Promise

from .models import Frequency

# The kinds of the process core itself.
MEMBERSHIP = "membership"
MODERATION = "moderation"

KEY_MAX_LENGTH = 32


@dataclass(frozen=True)
class NotificationKindInfo:
    key: str
    label: str | Promise
    default_frequency: str
    order: int
    help_text: str | Promise = ""


_kinds: dict[str, NotificationKindInfo] = {}


def register_notification_kind(
    key: str,
    *,
    label: str | Promise,
    default_frequency: str,
    order: int,
    help_text: str | Promise = "",
) -> None:
    """Add a kind (registering the same key again replaces it)."""
    if not key or len(key) > KEY_MAX_LENGTH or not key.replace("_", "").isalnum():
        raise ValueError(f"A notification kind is a short identifier, not {key!r}")
    if default_frequency not in Frequency.values:
        raise ValueError(f"Unknown frequency {default_frequency!r} for kind {key!r}")
    _kinds[key] = NotificationKindInfo(key, label, default_frequency, order, help_text)


def unregister_notification_kind(key: str) -> None:
    """Remove a kind (for tests)."""
    _kinds.pop(key, None)


def is_registered(key: str) -> bool:
    return key in _kinds


def notification_kind(key: str) -> NotificationKindInfo:
    """The registered kind ``key``; ``LookupError`` when nobody registered it."""
    try:
        return _kinds[key]
    except KeyError:
        raise LookupError(f"Unknown notification kind: {key!r}") from None


def notification_kinds() -> list[NotificationKindInfo]:
    """Every registered kind, in the order of the preferences page."""
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.key))


def default_frequency(key: str) -> str:
    """What a user who never chose receives for ``key``."""
    return notification_kind(key).default_frequency
