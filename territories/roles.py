"""The local authority representative role, granted for one territory.

``cop.services.roles`` grants it; this module registers its scope
(``TerritoriesConfig.ready``): the territories staff may choose are those tied
to an organisation, and the person must be an approved member of the
organisation tied to exactly that territory.
"""

from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cop.models import Role, RoleAssignment
from cop.roles import RoleScope

from .models import OrganisationTerritory, Territory
from .permissions import is_local_authority_representative, is_member_of_local_authority_of

# A representative is granted for a territory of the one reference.
TERRITORY_MODELS = (Territory,)


def tied_territories() -> list:
    """The territories an organisation is tied to, in the order of their organisations."""
    ties = OrganisationTerritory.objects.select_related("organisation", "territory").order_by(
        "organisation__name"
    )
    return [tie.territory for tie in ties]


def check_representative(user, territory) -> None:
    """A representative is an approved member of the local authority tied to ``territory``."""
    if not is_member_of_local_authority_of(user, territory):
        raise ValidationError(
            _(
                "%(person)s n’est pas membre (rattachement accepté) de la collectivité "
                "liée à ce territoire : validez d’abord son rattachement à cette organisation."
            )
            % {"person": user}
        )


def representative_problems() -> Iterator[str]:
    """Representatives who no longer meet the rule (their membership or tie changed)."""
    grants = RoleAssignment.objects.filter(role=Role.LOCAL_AUTHORITY).select_related("user")
    for assignment in grants.prefetch_related("scope"):
        if assignment.scope is None or not is_member_of_local_authority_of(
            assignment.user, assignment.scope
        ):
            yield _(
                "%(person)s est représentant de collectivité pour « %(territory)s » sans être "
                "membre de la collectivité liée à ce territoire."
            ) % {"person": assignment.user, "territory": assignment.scope or "?"}


REPRESENTATIVE_SCOPE = RoleScope(
    role=Role.LOCAL_AUTHORITY,
    label=gettext_lazy("Territoire"),
    models=TERRITORY_MODELS,
    choices=tied_territories,
    check=check_representative,
    holds=is_local_authority_representative,
    problems=representative_problems,
)
