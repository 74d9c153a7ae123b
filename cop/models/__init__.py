"""The process core's models, one module per feature; import them from here.

``from cop.models import X`` is the only import path the rest of the code uses.
"""

from .accounts import (
    GRANTED_ROLES,
    SCOPED_ROLES,
    SIDED_ROLES,
    STAFF_LEVEL_ROLES,
    College,
    Membership,
    Organisation,
    Role,
    RoleAssignment,
    Side,
    User,
    UserManager,
)
from .audit import AuditEvent
from .calendar import (
    Document,
    Edition,
    Phase,
    PhaseQuerySet,
    PlenarySession,
    PlenarySessionQuerySet,
)
from .jobs import JOB_LIFETIME, LongJob
from .notifications import (
    Frequency,
    Notification,
    NotificationPreference,
    QueuedTask,
)
from .texts import TEXT_KEY_PATTERN, PublishedText, PublishedTextVersion

__all__ = [
    "GRANTED_ROLES",
    "JOB_LIFETIME",
    "SCOPED_ROLES",
    "SIDED_ROLES",
    "STAFF_LEVEL_ROLES",
    "TEXT_KEY_PATTERN",
    "AuditEvent",
    "College",
    "Document",
    "Edition",
    "Frequency",
    "LongJob",
    "Membership",
    "Notification",
    "NotificationPreference",
    "Organisation",
    "Phase",
    "PhaseQuerySet",
    "PlenarySession",
    "PlenarySessionQuerySet",
    "PublishedText",
    "PublishedTextVersion",
    "QueuedTask",
    "Role",
    "RoleAssignment",
    "Side",
    "User",
    "UserManager",
]
