"""Fixtures of the geography tests.

Importing Centre-Val de Loire from the real files takes about a second, too
long to repeat for every test: ``region_24`` imports it once for this test
package, outside the tests' transactions (each test still runs in its own
transaction, rolled back), and removes it after the package's last test so
that the tests of other apps never see it. Tests that import by themselves
(``test_import_*``) do not use it and start from an empty geography.
"""

import pytest

from cop.models import Role
from cop.services import grant_role
from territories.importers import import_territories
from territories.models import (
    Commune,
    Departement,
    Epci,
    OrganisationTerritory,
    Region,
    Territory,
    TerritoryCommune,
)
from tests.factories import MembershipFactory, OrganisationFactory, VerifiedUserFactory

from .factories import CommuneFactory, EpciFactory

ORLEANS_METROPOLE = "244500468"


def wipe_geography() -> None:
    """Delete every territory with one plain DELETE per table (no per-row collector)."""
    OrganisationTerritory.objects.all()._raw_delete(using="default")
    TerritoryCommune.objects.all()._raw_delete(using="default")
    Territory.members.through.objects.all()._raw_delete(using="default")
    Territory.objects.all()._raw_delete(using="default")
    Region.objects.update(chef_lieu=None)
    Departement.objects.update(chef_lieu=None)
    for model in (Commune, Epci, Departement, Region):
        model.objects.all()._raw_delete(using="default")


@pytest.fixture(scope="package")
def region_24(django_db_setup, django_db_blocker):
    """Centre-Val de Loire (1 754 communes) imported from territories/data/."""
    with django_db_blocker.unblock():
        wipe_geography()
        import_territories(region_code="24")
    yield
    with django_db_blocker.unblock():
        wipe_geography()


@pytest.fixture
def empty_geography(db):
    """No territory at all, for the tests that import by themselves (rolled back after)."""
    wipe_geography()


@pytest.fixture
def geography(region_24, db):
    """The imported region, inside the test's transaction."""


@pytest.fixture
def paris(db):
    """A commune of another region (Île-de-France), in an EPCI of that region only."""
    return CommuneFactory(code="75056", name="Paris", epci=EpciFactory(siren="200054781"))


@pytest.fixture
def local_authority(geography):
    """A representative of Orléans Métropole, tied to its EPCI."""
    organisation = OrganisationFactory(name="Orléans Métropole", college="local_authorities")
    OrganisationTerritory.objects.create(
        organisation=organisation,
        territory=Territory.objects.get(kind="epci", code=ORLEANS_METROPOLE),
    )
    membership = MembershipFactory(
        user=VerifiedUserFactory(email="elue@orleans-metropole.test"),
        organisation=organisation,
        approved=True,
    )
    grant_role(
        user=membership.user,
        role=Role.LOCAL_AUTHORITY,
        scope=Territory.objects.get(kind="epci", code=ORLEANS_METROPOLE),
        by=None,
    )
    return membership.user
