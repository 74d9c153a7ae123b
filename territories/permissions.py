"""Who may act for a territory: ``rules`` predicates of the geography.

A local authority representative is granted the role for one territory by
staff (``cop.services.roles``, scope registered in ``territories/roles.py``),
and must be an approved member of the organisation tied to that territory by an
``OrganisationTerritory``: both are checked on every call, so a representative
whose membership ends stops acting at once. Not cached.
"""

import rules
from django.contrib.contenttypes.models import ContentType

from cop.models import Membership, Role, RoleAssignment
from cop.permissions import is_authenticated

from .models import OrganisationTerritory, Territory
from .reference import Place, reference_of


def _granted_territories(user) -> list[Territory]:
    grants = RoleAssignment.objects.filter(user_id=user.pk, role=Role.LOCAL_AUTHORITY)
    return [grant.scope for grant in grants.prefetch_related("scope") if grant.scope is not None]


@rules.predicate
def is_local_authority_representative(user) -> bool:
    """Granted the role for a territory whose local authority they are a member of."""
    if not is_authenticated(user):
        return False
    return any(is_member_of_local_authority_of(user, t) for t in _granted_territories(user))


@rules.predicate
def represents_territory(user, territory: Place | None) -> bool:
    """Granted the role for exactly this territory, and member of its local authority."""
    if territory is None or not is_authenticated(user):
        return False
    granted = RoleAssignment.objects.filter(
        user_id=user.pk,
        role=Role.LOCAL_AUTHORITY,
        scope_type=ContentType.objects.get_for_model(Territory),
        scope_id=str(reference_of(territory).pk),
    ).exists()
    return granted and is_member_of_local_authority_of(user, territory)


def is_member_of_local_authority_of(user, territory: Place | None) -> bool:
    """Approved member of the organisation tied to exactly this territory (the role's rule)."""
    if territory is None or not is_authenticated(user):
        return False
    return OrganisationTerritory.objects.filter(
        territory=reference_of(territory),
        organisation__memberships__user_id=user.pk,
        organisation__memberships__status=Membership.Status.APPROVED,
    ).exists()
