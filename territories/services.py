"""Writes of the geography (the import itself lives in ``importers``, the territory
reference in ``reference``)."""

from django.db import transaction

from cop.models import Organisation

from .models import OrganisationTerritory
from .reference import Place, reference_of


@transaction.atomic
def tie_organisation_to_territory(
    *, organisation: Organisation, territory: Place
) -> tuple[OrganisationTerritory, bool]:
    """Make ``organisation`` the local authority of ``territory``; returns (tie, created)."""
    return OrganisationTerritory.objects.update_or_create(
        organisation=organisation, defaults={"territory": reference_of(territory)}
    )
