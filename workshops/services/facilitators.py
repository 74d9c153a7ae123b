"""The facilitator role, scoped to a working group, and ``GroupFacilitator`` in step.

``cop.services.roles`` is the one writer of roles; this module registers the
facilitator's scope with it (``WorkshopsConfig.ready``) so that granting a
facilitator of a group creates the ``GroupFacilitator`` row in the same
transaction, and revoking removes it. The admin only reads those rows, and
deleting a group deletes its facilitator roles (``WorkingGroup.role_assignments``).
"""

from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from cop.models import Role, RoleAssignment
from cop.roles import RoleScope

from ..models import GroupFacilitator, WorkingGroup


def _on_grant(assignment: RoleAssignment) -> None:
    # Same person, same group: only the side may change (a facilitator moved sides).
    GroupFacilitator.objects.update_or_create(
        group_id=assignment.scope_id,
        user_id=assignment.user_id,
        defaults={"side": assignment.side},
    )


def _on_revoke(assignment: RoleAssignment) -> None:
    GroupFacilitator.objects.filter(
        group_id=int(assignment.scope_id or 0), user_id=assignment.user_id
    ).delete()


def facilitator_problems() -> Iterator[str]:
    """Where the facilitator roles and the groups' facilitators disagree (French lines)."""
    group_type = ContentType.objects.get_for_model(WorkingGroup)
    roles = {
        (int(a.scope_id or 0), a.user_id, a.side): a
        for a in RoleAssignment.objects.filter(
            role=Role.FACILITATOR, scope_type=group_type
        ).select_related("user")
    }
    rows = {
        (f.group_id, f.user_id, f.side): f
        for f in GroupFacilitator.objects.select_related("user", "group")
    }
    for key in sorted(rows.keys() - roles.keys()):
        row = rows[key]
        yield str(
            _("%(person)s anime « %(group)s » sans avoir le rôle d’animateur pour ce groupe.")
            % {"person": row.user, "group": row.group}
        )
    for key in sorted(roles.keys() - rows.keys()):
        assignment = roles[key]
        yield str(
            _("%(person)s a le rôle d’animateur du groupe n° %(group)s sans l’animer.")
            % {"person": assignment.user, "group": assignment.scope_id}
        )
    stray = RoleAssignment.objects.filter(role=Role.FACILITATOR).exclude(scope_type=group_type)
    for assignment in stray.select_related("user"):
        yield str(
            _("%(person)s a un rôle d’animateur qui ne porte pas sur un groupe de travail.")
            % {"person": assignment.user}
        )


FACILITATOR_SCOPE = RoleScope(
    role=Role.FACILITATOR,
    label=_("Groupe de travail"),
    models=(WorkingGroup,),
    choices=lambda: WorkingGroup.objects.order_by("position", "name"),
    on_grant=_on_grant,
    on_revoke=_on_revoke,
    problems=facilitator_problems,
)
