"""Re-running the import changes nothing; a newer file updates only what changed."""

from io import StringIO

import pytest
from django.core.management import call_command

from territories.models import Commune, Epci

from .tiny_dataset import write_dataset

pytestmark = pytest.mark.usefixtures("empty_geography")


def import_command(*args) -> str:
    out = StringIO()
    call_command("import_territories", *args, stdout=out)
    return out.getvalue()


def test_a_second_import_of_the_region_creates_and_updates_nothing(django_assert_max_num_queries):
    first = import_command()
    assert "1\xa0843 créés" in first

    # Reading what exists (4 queries, one per model) and nothing written.
    with django_assert_max_num_queries(6):
        second = import_command()

    assert "(0 créés, 0 mis à jour, 1\xa0843 inchangés)" in second
    assert Commune.objects.count() == 1754


def test_a_changed_population_updates_that_commune_only(tmp_path):
    import_command("--data-dir", write_dataset(tmp_path / "v1"))
    newer = write_dataset(tmp_path / "v2", communes=("116357", "117000"))

    output = import_command("--data-dir", newer)

    assert "(0 créés, 1 mis à jour, 7 inchangés)" in output
    assert Commune.objects.get(code="45234").population == 117_000


def test_a_commune_leaving_its_epci_is_detached(tmp_path):
    import_command("--data-dir", write_dataset(tmp_path / "v1"))
    newer = write_dataset(tmp_path / "v2", epci_membres=("244500468,45285\n", ""))

    import_command("--data-dir", newer)

    assert Commune.objects.get(code="45285").epci is None
    assert Epci.objects.get(siren="244500468").communes.count() == 1
