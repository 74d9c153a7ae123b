"""The geography's demo seeder ties Orléans Métropole to its EPCI."""

from territories import demo
from territories.models import OrganisationTerritory
from tests.factories import OrganisationFactory


def test_the_demo_ties_orleans_metropole_to_its_epci_once(geography):
    OrganisationFactory(name="Orléans Métropole", college="local_authorities")
    lines: list[str] = []

    demo.seed(lines.append)
    demo.seed(lines.append)

    tie = OrganisationTerritory.objects.get()
    assert tie.organisation.name == "Orléans Métropole"
    assert (tie.territory.kind, tie.territory.code) == ("epci", "244500468")
    assert (
        lines[-1] == "Territoires : « Orléans Métropole » déjà relié à l’EPCI Orléans Métropole."
    )


def test_the_demo_skips_the_tie_when_the_organisation_is_missing(geography):
    lines: list[str] = []

    demo.seed(lines.append)

    assert not OrganisationTerritory.objects.exists()
    assert "absente" in lines[0]


def test_the_demo_runs_after_cop_and_is_discovered():
    from cop.demo import seeders

    orders = {seeder.app_label: seeder.order for seeder in seeders()}
    assert orders["territories"] == 20
    assert orders.get("cop", 10) < orders["territories"]
