"""Writes of the process core, one module per feature.

Services take keyword arguments, assume the caller checked permissions unless
their docstring says otherwise, raise ``ValidationError`` with a French message
when the input cannot be honoured, and change nothing in that case.
"""

from .mail import membership_notify_decision
from .memberships import (
    membership_decide,
    membership_request,
    membership_request_new_organisation,
)
from .notifications import notification_preferences_set, notify, notify_many
from .organisations import organisation_decide
from .profile import profile_update
from .roles import grant_role, revoke_assignment, revoke_role, sync_is_staff

__all__ = [
    "grant_role",
    "membership_decide",
    "membership_notify_decision",
    "membership_request",
    "membership_request_new_organisation",
    "notification_preferences_set",
    "notify",
    "notify_many",
    "organisation_decide",
    "profile_update",
    "revoke_assignment",
    "revoke_role",
    "sync_is_staff",
]
