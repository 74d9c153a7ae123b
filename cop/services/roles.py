from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cop import audit
from cop.models import GRANTED_ROLES, STAFF_LEVEL_ROLES, RoleAssignment, Side, User


@transaction.atomic
def grant_role(*, user: User, role: str, side: str, by: User | None) -> RoleAssignment:
    """Give ``user`` the facilitator, staff or publisher role on one side (idempotent)."""
    if role not in GRANTED_ROLES:
        raise ValidationError(_("Ce rôle ne s’attribue pas à la main."))
    if side not in Side.values:
        raise ValidationError(_("Choisissez le côté : État ou Région."))
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, defaults={"side": side, "granted_by": by}
    )
    if not created and assignment.side != side:
        assignment.side = side
        assignment.granted_by = by
        assignment.granted_at = timezone.now()
        assignment.save(update_fields=["side", "granted_by", "granted_at"])
    elif not created:
        return assignment
    if role in STAFF_LEVEL_ROLES and not user.is_staff:
        # Agents use the admin, and apps that may not import cop recognise them by this flag.
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    audit.record(actor=by, action="role.grant", target=user, role=role, side=side)
    return assignment


@transaction.atomic
def revoke_role(*, user: User, role: str, by: User | None) -> None:
    """Take a role back; an agent left without any staff-level role leaves the admin."""
    deleted, _rows = RoleAssignment.objects.filter(user=user, role=role).delete()
    if not deleted:
        return
    still_staff = RoleAssignment.objects.filter(user=user, role__in=STAFF_LEVEL_ROLES).exists()
    if user.is_staff and not still_staff and not user.is_superuser:
        user.is_staff = False
        user.save(update_fields=["is_staff"])
    audit.record(actor=by, action="role.revoke", target=user, role=role)
