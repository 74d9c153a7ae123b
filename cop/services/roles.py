"""The one writer of granted roles: every grant and revocation is audited.

Facilitator, local authority representative, staff and publisher are granted
here and nowhere else (the staff page ``/suivi/roles/``, the demo, and the
admin, which only reads). Two things follow from each change, in the same
transaction:

- ``User.is_staff`` is recomputed (staff or publisher, or superuser): it is
  never set by hand, and apps that may not import cop recognise agents by it;
- the hooks of the role's registered scope run (``cop.roles.RoleScope``): the
  workshops app keeps its ``GroupFacilitator`` rows in step with the facilitator
  role, so that the two cannot disagree.

The roadmap's double approval rests on who holds a publisher signature: the
audit rows (``role.grant``, ``role.revoke``) say who gave or took it, when, on
which side.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cop import audit
from cop.models import (
    GRANTED_ROLES,
    SCOPED_ROLES,
    SIDED_ROLES,
    STAFF_LEVEL_ROLES,
    Role,
    RoleAssignment,
    Side,
    User,
)
from cop.roles import RoleScope, scope_of


def _scope_filter(scope: models.Model | None) -> dict:
    if scope is None:
        return {"scope_type__isnull": True, "scope_id__isnull": True}
    return {
        "scope_type": ContentType.objects.get_for_model(scope, for_concrete_model=False),
        "scope_id": str(scope.pk),
    }


def _checked_scope(*, user: User, role: str, scope: models.Model | None) -> RoleScope | None:
    """The registered scope of ``role`` once ``scope`` is validated (French errors)."""
    if role not in SCOPED_ROLES:
        if scope is not None:
            raise ValidationError(_("Ce rôle ne s’attribue pas pour un périmètre."))
        return None
    registered = scope_of(role)
    if registered is None:
        raise ValidationError(_("Ce rôle n’est pas disponible sur cette plateforme."))
    if scope is None or scope.pk is None or not isinstance(scope, registered.models):
        raise ValidationError(
            _("Choisissez le périmètre du rôle : %(label)s.")
            % {"label": str(registered.label).lower()}
        )
    if registered.check is not None:
        registered.check(user, scope)
    return registered


def _details(assignment: RoleAssignment, scope: models.Model | None) -> dict:
    details: dict = {"role": assignment.role}
    if assignment.side:
        details["side"] = assignment.side
    if scope is not None:
        details["scope"] = str(scope)[:200]
        details["scope_type"] = scope._meta.label_lower
        details["scope_id"] = scope.pk
    return details


def sync_is_staff(user: User) -> bool:
    """Set ``is_staff`` from the roles (staff, publisher; superusers keep it); True if changed."""
    expected = user.is_superuser or (
        RoleAssignment.objects.filter(user_id=user.pk, role__in=STAFF_LEVEL_ROLES).exists()
    )
    if user.is_staff == expected:
        return False
    user.is_staff = expected
    User.objects.filter(pk=user.pk).update(is_staff=expected)
    return True


def _lock(user: User) -> None:
    # Two grants of the same person at once would each see the other's row missing
    # when recomputing is_staff: the row lock puts them one after the other.
    User.objects.select_for_update().filter(pk=user.pk).first()


@transaction.atomic
def grant_role(
    *,
    user: User,
    role: str,
    side: str = "",
    scope: models.Model | None = None,
    by: User | None,
) -> RoleAssignment:
    """Give ``user`` a granted role on a side and, when scoped, for one object (idempotent)."""
    if role not in GRANTED_ROLES:
        raise ValidationError(_("Ce rôle ne s’attribue pas à la main."))
    if role in SIDED_ROLES and side not in Side.values:
        raise ValidationError(_("Choisissez le côté : État ou Région."))
    if role not in SIDED_ROLES:
        side = ""  # a representative speaks for a territory, not for a co-pilot
    registered = _checked_scope(user=user, role=role, scope=scope)
    _lock(user)
    assignment = (
        RoleAssignment.objects.select_for_update()
        .filter(user=user, role=role, **_scope_filter(scope))
        .first()
    )
    if assignment is not None and assignment.side == side:
        return assignment
    if role == Role.FACILITATOR:
        holder = (
            RoleAssignment.objects.filter(role=role, side=side, **_scope_filter(scope))
            .exclude(user=user)
            .select_related("user")
            .first()
        )
        if holder is not None:
            raise ValidationError(
                _(
                    "%(person)s anime déjà ce groupe côté %(side)s : retirez-lui ce rôle "
                    "avant de le confier à quelqu’un d’autre."
                )
                % {"person": holder.user, "side": Side(side).label}
            )
    try:
        with transaction.atomic():
            if assignment is None:
                assignment = RoleAssignment(user=user, role=role, scope=scope)
            assignment.side = side
            assignment.granted_by = by
            assignment.granted_at = timezone.now()
            assignment.save()
            if registered is not None and registered.on_grant is not None:
                registered.on_grant(assignment)
    except IntegrityError as error:  # the same place granted to someone else at that moment
        raise ValidationError(
            _("Ce rôle vient d’être attribué à quelqu’un d’autre : rechargez la page.")
        ) from error
    sync_is_staff(user)
    audit.record(actor=by, action="role.grant", target=user, **_details(assignment, scope))
    return assignment


@transaction.atomic
def revoke_role(
    *, user: User, role: str, scope: models.Model | None = None, by: User | None
) -> None:
    """Take a role back (for ``scope`` when scoped); is_staff follows."""
    _lock(user)
    assignment = (
        RoleAssignment.objects.select_for_update()
        .filter(user=user, role=role, **_scope_filter(scope))
        .first()
    )
    if assignment is None:
        return
    revoke_assignment(assignment=assignment, by=by)


@transaction.atomic
def revoke_assignment(*, assignment: RoleAssignment, by: User | None) -> None:
    """Take back one assignment (the staff page revokes by row)."""
    user = assignment.user
    _lock(user)
    scope = assignment.scope if assignment.scope_id is not None else None
    registered = scope_of(assignment.role) if scope is not None else None
    deleted, _rows = RoleAssignment.objects.filter(pk=assignment.pk).delete()
    if not deleted:
        return  # revoked by someone else meanwhile
    if registered is not None and registered.on_revoke is not None:
        registered.on_revoke(assignment)
    sync_is_staff(user)
    audit.record(actor=by, action="role.revoke", target=user, **_details(assignment, scope))
