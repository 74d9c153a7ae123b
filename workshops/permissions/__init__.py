"""Who may do what in the working groups: ``rules`` predicates.

The core predicates below take ``(user, group)``; the feature modules
(``groups``, ``contributions``) compose them into permissions. A facilitator
moderates their own groups; staff moderate everything.
"""

import rules

from cop.permissions import is_authenticated, is_staff_member, is_stakeholder

from ..models import GroupFacilitator, GroupMembership


@rules.predicate
def is_group_facilitator(user, group) -> bool:
    """Co-pilot of this group (named by the State or the Region)."""
    if not is_authenticated(user) or group is None:
        return False
    return GroupFacilitator.objects.filter(user_id=user.pk, group_id=group.pk).exists()


@rules.predicate
def facilitates_any_group(user) -> bool:
    if not is_authenticated(user):
        return False
    return GroupFacilitator.objects.filter(user_id=user.pk).exists()


@rules.predicate
def is_group_member(user, group) -> bool:
    """An accepted member of this group."""
    if not is_authenticated(user) or group is None:
        return False
    return GroupMembership.objects.filter(
        user_id=user.pk, group_id=group.pk, status=GroupMembership.Status.ACCEPTED
    ).exists()


can_moderate_group = is_group_facilitator | is_staff_member

__all__ = [
    "can_moderate_group",
    "facilitates_any_group",
    "is_group_facilitator",
    "is_group_member",
    "is_staff_member",
    "is_stakeholder",
]

# The feature modules register their permissions on import.
from . import contributions, groups  # noqa: E402, F401
