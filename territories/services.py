"""Writes of the geography (the import itself lives in ``importers``)."""

from django.db import transaction

from cop.models import Organisation

from .models import Commune, Departement, Epci, OrganisationTerritory, Region

Territory = Region | Departement | Epci | Commune

_FIELD_OF = {Region: "region", Departement: "departement", Epci: "epci", Commune: "commune"}


@transaction.atomic
def tie_organisation_to_territory(
    *, organisation: Organisation, territory: Territory
) -> tuple[OrganisationTerritory, bool]:
    """Make ``organisation`` the local authority of ``territory``; returns (tie, created)."""
    field = _FIELD_OF[type(territory)]
    values: dict[str, Territory | None] = dict.fromkeys(_FIELD_OF.values())
    values[field] = territory
    return OrganisationTerritory.objects.update_or_create(
        organisation=organisation, defaults=values
    )
