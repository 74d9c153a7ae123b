"""A malformed file stops the import whole, naming the file, the line and the column."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from territories import importers
from territories.models import Commune, Departement, Epci, Region

from .tiny_dataset import write_dataset

pytestmark = pytest.mark.usefixtures("empty_geography")


def run_import(data_dir, *args: str) -> str:
    out = StringIO()
    call_command("import_territories", "--data-dir", data_dir, *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    return {
        "regions": list(Region.objects.values_list("code", "name", "chef_lieu")),
        "departements": list(Departement.objects.values_list("code", "name")),
        "communes": list(Commune.objects.values_list("code", "name", "population", "epci")),
        "epcis": list(Epci.objects.values_list("siren", "name", "population")),
    }


MALFORMED = {
    "missing column": (
        {"communes": (",population\n", "\n")},
        ["communes.csv", "ligne 1", "colonne « population »", "manquante"],
    ),
    "non-numeric population": (
        {"communes": ("135463", "135 000 environ")},
        ["communes.csv", "ligne 4", "colonne « population »", "« 135 000 environ »"],
    ),
    "negative population": (
        {"communes": ("16768", "-16768")},
        ["communes.csv", "ligne 3", "colonne « population »"],
    ),
    "unknown département": (
        {"communes": ("45285,Saint-Jean-de-la-Ruelle,45", "45285,Saint-Jean-de-la-Ruelle,99")},
        ["communes.csv", "ligne 3", "colonne « departement »", "« 99 »", "departements.csv"],
    ),
    "duplicate commune code": (
        {"communes": ("75056,Paris", "45234,Paris")},
        ["communes.csv", "ligne 5", "colonne « code »", "« 45234 » figure déjà ligne 2"],
    ),
    "bad postcode": (
        {"communes": ("45000 45100", "4500 45100")},
        ["communes.csv", "ligne 2", "colonne « codes_postaux »", "« 4500 45100 »"],
    ),
    "region not the département's": (
        {"communes": ("37261,Tours,37,24", "37261,Tours,37,11")},
        ["communes.csv", "ligne 4", "colonne « region »"],
    ),
    "missing commune name": (
        {"communes": ("45285,Saint-Jean-de-la-Ruelle,", "45285,,")},
        ["communes.csv", "ligne 3", "colonne « nom »", "valeur manquante"],
    ),
    "short row": (
        {"communes": ("37261,Tours,37,24,213702611,37000 37100 37200,135463", "37261,Tours")},
        ["communes.csv", "ligne 4", "colonne « departement »", "valeur manquante"],
    ),
    "row longer than the header": (
        {"communes": ("37261,Tours,37,24", "37261,Tours,Indre-et-Loire,37,24")},
        ["communes.csv", "ligne 4", "8 valeurs au lieu de 7"],
    ),
    "unknown EPCI type": (
        {"epci": ("243700754,Tours Métropole Val de Loire,METRO", "243700754,Tours,SIVOM")},
        ["epci.csv", "ligne 3", "colonne « type »", "« SIVOM »"],
    ),
    "bad SIREN": (
        {"epci": ("244500468,", "24450046,")},
        ["epci.csv", "ligne 2", "colonne « siren »", "« 24450046 »"],
    ),
    "commune in two EPCI": (
        {"epci_membres": ("243700754,37261\n", "243700754,37261\n243700754,45234\n")},
        ["epci-membres.csv", "ligne 5", "colonne « commune_code »", "figure déjà ligne 2"],
    ),
    "member of an unknown EPCI": (
        {"epci_membres": ("243700754,37261", "999999999,37261")},
        ["epci-membres.csv", "ligne 4", "colonne « epci_siren »", "« 999999999 »"],
    ),
    "département of an unknown region": (
        {"departements": ("37,Indre-et-Loire,24", "37,Indre-et-Loire,99")},
        ["departements.csv", "ligne 3", "colonne « region »", "« 99 »"],
    ),
}


@pytest.mark.parametrize(
    ("replacements", "expected"), list(MALFORMED.values()), ids=list(MALFORMED)
)
def test_a_malformed_file_changes_nothing_and_says_where(tmp_path, replacements, expected):
    run_import(write_dataset(tmp_path / "good"))
    before = snapshot()
    # The broken release also carries a valid change (Orléans grew): it must not land either.
    replacements = {"epci": ("293673", "299999"), **replacements}
    broken = write_dataset(tmp_path / "broken", **replacements)

    with pytest.raises(CommandError) as error:
        run_import(broken)

    message = str(error.value)
    assert message.startswith("Import annulé, rien n’a été modifié.")
    for fragment in expected:
        assert fragment in message
    assert snapshot() == before


def test_a_missing_file_is_named(tmp_path):
    data_dir = write_dataset(tmp_path)
    (data_dir / "epci.csv").unlink()

    with pytest.raises(CommandError, match=r"epci\.csv : fichier introuvable"):
        run_import(data_dir)

    assert not Region.objects.exists()


def test_an_unknown_region_is_refused(tmp_path):
    with pytest.raises(CommandError, match="la région « 99 » n’existe pas"):
        run_import(write_dataset(tmp_path), "--region", "99")


def test_region_and_all_cannot_be_combined(tmp_path):
    with pytest.raises(CommandError):
        run_import(write_dataset(tmp_path), "--region", "24", "--all")


def test_a_failure_while_writing_rolls_back_what_was_already_written(tmp_path, monkeypatch):
    upsert = importers._upsert

    def failing_on_communes(model, fields, rows):
        if model is Commune:
            raise RuntimeError("disque plein")
        return upsert(model, fields, rows)

    monkeypatch.setattr(importers, "_upsert", failing_on_communes)

    with pytest.raises(RuntimeError):
        run_import(write_dataset(tmp_path))

    # Regions, départements and EPCI were written before the failure, then rolled back.
    assert not Region.objects.exists()
    assert not Departement.objects.exists()
    assert not Epci.objects.exists()
