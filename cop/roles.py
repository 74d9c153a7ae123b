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

Granted roles that hold for one object of a higher app (a facilitator for a
working group, a representative for a territory) have their scope registered
the same way, with ``register_role_scope(RoleScope(...))``: the higher app says
which objects may be chosen, which rule the person must meet, and what else
must change in the same transaction (``workshops.GroupFacilitator``).
``cop.services.roles`` is the one writer and calls these hooks.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db.models import Exists, Model, OuterRef
from django.utils.functional import Promise

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


@dataclass(frozen=True)
class RoleScope:
    """How a higher app scopes a granted role (see the module docstring)."""

    role: Role
    # The French label of the scope's form field ("Groupe de travail").
    label: "str | Promise"
    # The models a scope may be an instance of.
    models: tuple[type[Model], ...]
    # The objects the staff page offers, in display order.
    choices: Callable[[], Iterable[Model]]
    # ``check(user, scope)`` raises ``ValidationError`` (French) when the person
    # may not hold the role there.
    check: Callable[[User, Model], None] | None = None
    # Called inside the grant or revoke transaction with the assignment.
    on_grant: Callable[[RoleAssignment], None] | None = None
    on_revoke: Callable[[RoleAssignment], None] | None = None
    # ``holds(user)``: whether the person still meets the rule for a grant (their
    # membership may have ended since); ``roles_of`` lists the role only then.
    holds: Callable[[User], bool] | None = None
    # The data check (``manage.py check_roles``): one French line per disagreement.
    problems: Callable[[], Iterable[str]] | None = None


_scopes: dict[str, RoleScope] = {}


def register_role_scope(scope: RoleScope) -> None:
    """Declare the scope of a scoped role (the last registration wins)."""
    _scopes[scope.role] = scope


def unregister_role_scope(role: Role) -> None:
    """Remove the scope of ``role`` (for tests)."""
    _scopes.pop(role, None)


def scope_of(role: str) -> RoleScope | None:
    """The registered scope of ``role``, or None when no app registered it."""
    return _scopes.get(role)


def registered_scopes() -> list[RoleScope]:
    return list(_scopes.values())


def scope_key(obj: Model) -> str:
    """A stable form value for a scope object: ``app_label.model:pk``."""
    return f"{obj._meta.label_lower}:{obj.pk}"


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
        scope = _scopes.get(role)
        if scope is not None and scope.holds is not None and not scope.holds(user):
            continue
        held.append((Role(role), Side(side) if side else None))
    for provider in _providers:
        held.extend(provider(user))
    if not held:
        return [(Role.VISITOR, None)]
    unique = list(dict.fromkeys(held))
    return sorted(unique, key=lambda pair: (_ORDER.index(pair[0]), pair[1] or ""))
