"""An organisation is tied to exactly one territory."""

import pytest
from django.db import IntegrityError

from territories.models import Commune, Departement, OrganisationTerritory
from territories.reference import reference_of
from territories.services import tie_organisation_to_territory
from tests.factories import OrganisationFactory


def test_a_tie_without_territory_is_refused(geography):
    with pytest.raises(IntegrityError):
        OrganisationTerritory.objects.create(organisation=OrganisationFactory())


def test_an_organisation_has_a_single_tie(geography):
    organisation = OrganisationFactory()
    OrganisationTerritory.objects.create(
        organisation=organisation, territory=reference_of(Commune.objects.get(code="45234"))
    )

    with pytest.raises(IntegrityError):
        OrganisationTerritory.objects.create(
            organisation=organisation,
            territory=reference_of(Departement.objects.get(code="45")),
        )


def test_retying_an_organisation_moves_it_to_the_new_territory(geography):
    organisation = OrganisationFactory(name="Ville d’Orléans")
    _, created = tie_organisation_to_territory(
        organisation=organisation, territory=Commune.objects.get(code="45234")
    )
    assert created

    tie, created = tie_organisation_to_territory(
        organisation=organisation, territory=Departement.objects.get(code="45")
    )

    assert not created
    assert tie.territory == reference_of(Departement.objects.get(code="45"))
    assert OrganisationTerritory.objects.count() == 1
