"""Who may act for a territory: ``rules`` predicates of the geography.

A local authority representative is a stakeholder (approved membership) whose
organisation is tied to a territory by an ``OrganisationTerritory``. Like the
predicates of ``cop``, each costs one query and is not cached.
"""

from collections.abc import Iterable

import rules

from cop.models import Membership, Role
from cop.permissions import is_authenticated
from cop.roles import RoleHeld

from .models import Commune, Departement, Epci, OrganisationTerritory, Region, Territory
from .reference import reference_of

Place = Territory | Region | Departement | Epci | Commune


def _approved_memberships(user):
    return Membership.objects.filter(user_id=user.pk, status=Membership.Status.APPROVED)


@rules.predicate
def is_local_authority_representative(user) -> bool:
    """Approved member of an organisation that is tied to a territory."""
    if not is_authenticated(user):
        return False
    return _approved_memberships(user).filter(organisation__local_authority__isnull=False).exists()


@rules.predicate
def represents_territory(user, territory: Place | None) -> bool:
    """Approved member of the local authority tied to exactly this territory."""
    if territory is None or not is_authenticated(user):
        return False
    return OrganisationTerritory.objects.filter(
        territory=reference_of(territory),
        organisation__memberships__user_id=user.pk,
        organisation__memberships__status=Membership.Status.APPROVED,
    ).exists()


def local_authority_roles(user) -> Iterable[RoleHeld]:
    """Role provider registered with ``cop.roles`` (see ``TerritoriesConfig.ready``)."""
    if is_local_authority_representative(user):
        return [(Role.LOCAL_AUTHORITY, None)]
    return []
