"""Importing the configured region from the real COG files."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum

from territories.models import Commune, Departement, Epci, Region

pytestmark = pytest.mark.usefixtures("empty_geography")


def import_command(*args: str) -> str:
    out = StringIO()
    call_command("import_territories", *args, stdout=out)
    return out.getvalue()


def test_the_default_region_is_centre_val_de_loire_with_its_six_departements():
    output = import_command()

    assert list(Region.objects.values_list("code", "name")) == [("24", "Centre-Val de Loire")]
    assert list(Departement.objects.values_list("code", flat=True)) == [
        "18",
        "28",
        "36",
        "37",
        "41",
        "45",
    ]
    assert Commune.objects.count() == 1754
    assert Epci.objects.count() == 82
    assert "6 départements, 1\xa0754 communes, 82 EPCI importés" in output


def test_the_region_has_its_known_population_and_its_chef_lieu():
    import_command()

    assert Commune.objects.aggregate(total=Sum("population"))["total"] == 2_587_031
    assert Region.objects.get(code="24").chef_lieu.name == "Orléans"
    assert Departement.objects.get(code="36").chef_lieu.name == "Châteauroux"


def test_orleans_is_imported_with_its_postcodes_and_its_metropole():
    import_command()

    orleans = Commune.objects.select_related("epci", "departement").get(code="45234")
    assert orleans.name == "Orléans"
    assert orleans.postcode_list == ["45000", "45100"]
    assert orleans.population == 116_357
    assert orleans.departement.name == "Loiret"
    assert orleans.epci.siren == "244500468"
    assert orleans.epci.kind == Epci.Kind.METRO


def test_every_loaded_commune_member_of_an_epci_points_at_it():
    import_command()

    # 1 754 communes in the region; the DGCL list leaves none of them outside an EPCI.
    assert Commune.objects.filter(epci__isnull=False).count() == 1754
    assert Epci.objects.filter(communes__isnull=True).count() == 0


def test_an_epci_straddling_two_regions_keeps_its_full_population_from_the_file():
    import_command()

    # CC du Pays Houdanais lies mostly in Île-de-France, partly in Eure-et-Loir.
    houdanais = Epci.objects.get(siren="247800550")
    loaded = Commune.objects.filter(epci=houdanais).aggregate(total=Sum("population"))["total"]
    assert houdanais.population == 30_287
    assert 0 < loaded < houdanais.population


def test_another_region_can_be_chosen():
    output = import_command("--region", "94")

    assert Region.objects.get().name == "Corse"
    assert set(Departement.objects.values_list("code", flat=True)) == {"2A", "2B"}
    assert Commune.objects.filter(code="2A004", name="Ajaccio").exists()
    assert "Corse" in output


def test_the_default_region_follows_the_cop_region_code_setting(settings):
    settings.COP_REGION_CODE = "94"

    import_command()

    assert Region.objects.get().code == "94"
