"""The roles a user holds, for display (profile, admin) and for other apps.

``roles_of(user)`` reads the facts of the process core in two queries. Roles
that depend on a higher app (a local authority representative is tied to a
territory) come from providers that the higher app registers at start-up, so
that ``cop`` never imports upwards::

    # territories/apps.py
    def ready(self):
        from cop.roles import register_role_provider
        register_role_provider(local_authority_roles)

A provider takes the user and returns ``(Role, Side | None)`` pairs.
"""

from collections.abc import Callable, Iterable

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef

from .models import Membership, Role, RoleAssignment, Side, User

RoleHeld = tuple[Role, Side | None]
RoleProvider = Callable[[User], Iterable[RoleHeld]]

_providers: list[RoleProvider] = []

# Display order: from the widest role to the narrowest.
_ORDER = list(Role)


def register_role_provider(provider: RoleProvider) -> None:
    """Add roles computed by another app (registering twice has no effect)."""
    if provider not in _providers:
        _providers.append(provider)


def unregister_role_provider(provider: RoleProvider) -> None:
    """Remove a provider (for tests)."""
    if provider in _providers:
        _providers.remove(provider)


def roles_of(user) -> list[RoleHeld]:
    """Every role ``user`` holds, with its side; a visitor when nothing else."""
    if not (user and user.is_authenticated):
        return [(Role.VISITOR, None)]
    facts = (
        User.objects.filter(pk=user.pk)
        .annotate(
            has_verified_email=Exists(
                EmailAddress.objects.filter(user=OuterRef("pk"), verified=True, primary=True)
            ),
            has_approved_membership=Exists(
                Membership.objects.filter(user=OuterRef("pk"), status=Membership.Status.APPROVED)
            ),
        )
        .values("has_verified_email", "has_approved_membership")
        .first()
    )
    if facts is None:
        return [(Role.VISITOR, None)]
    held: list[RoleHeld] = []
    if facts["has_verified_email"] or user.is_superuser:
        held.append((Role.CITIZEN, None))
    if facts["has_approved_membership"]:
        held.append((Role.STAKEHOLDER, None))
    for role, side in RoleAssignment.objects.filter(user_id=user.pk).values_list("role", "side"):
        held.append((Role(role), Side(side)))
    for provider in _providers:
        held.extend(provider(user))
    if not held:
        return [(Role.VISITOR, None)]
    unique = list(dict.fromkeys(held))
    return sorted(unique, key=lambda pair: (_ORDER.index(pair[0]), pair[1] or ""))
