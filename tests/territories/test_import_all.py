"""``--all`` loads the whole of France, in bulk."""

from io import StringIO

import pytest
from django.core.management import call_command

from territories.models import Commune, Departement, Epci, Region

from .tiny_dataset import write_dataset

pytestmark = pytest.mark.usefixtures("empty_geography")


def test_all_loads_every_commune_of_france_in_a_bounded_number_of_queries(
    django_assert_max_num_queries,
):
    out = StringIO()

    # Bulk writes in batches of 1 000: a few dozen queries, not one per commune.
    with django_assert_max_num_queries(60):
        call_command("import_territories", "--all", stdout=out)

    assert Commune.objects.count() == 34_969
    assert Departement.objects.count() == 109
    assert Region.objects.count() == 26
    assert Epci.objects.count() == 1255
    assert "France entière : 109 départements, 34\xa0969 communes, 1\xa0255 EPCI" in out.getvalue()


def test_the_region_can_be_imported_after_the_whole_country_without_change(tmp_path):
    data_dir = write_dataset(tmp_path)
    call_command("import_territories", "--all", "--data-dir", data_dir, stdout=StringIO())
    out = StringIO()

    call_command("import_territories", "--region", "24", "--data-dir", data_dir, stdout=out)

    assert "(0 créés, 0 mis à jour, 8 inchangés)" in out.getvalue()
    assert Commune.objects.count() == 4
