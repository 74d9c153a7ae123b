"""A malformed SGPE file is refused whole, with the line and the column of each error."""

import json

import pandas as pd
import pytest

from panorama.importers import DEFAULT_LEVERS_FILE, ImportRejected, read_levers
from panorama.models import RegionalEffort


def centre_rows() -> pd.DataFrame:
    frame = pd.DataFrame(json.loads(DEFAULT_LEVERS_FILE.read_text(encoding="utf-8")))
    return frame[frame.regionName == "Centre-Val de Loire"].reset_index(drop=True)


def refusal(frame: pd.DataFrame, tmp_path, suffix: str = "csv") -> list[str]:
    path = tmp_path / f"leviers.{suffix}"
    if suffix == "csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_excel(path, index=False)
    with pytest.raises(ImportRejected) as rejected:
        read_levers(path)
    return rejected.value.messages


def test_a_missing_column_is_named(tmp_path):
    messages = refusal(centre_rows().drop(columns=["objCO2"]), tmp_path)

    assert messages == ["En-tête, colonne « objCO2 » : colonne obligatoire absente du fichier."]


def test_a_non_numeric_effort_names_its_line_and_column(tmp_path):
    frame = centre_rows().astype({"objCO2": object})
    frame.loc[2, "objCO2"] = "beaucoup"

    messages = refusal(frame, tmp_path)

    # Line 1 is the header: the third lever is on line 4.
    assert messages == ["Ligne 4, colonne « objCO2 » : « beaucoup » n’est pas un nombre."]


def test_an_unknown_region_is_refused(tmp_path):
    frame = centre_rows()
    frame.loc[0, "regionName"] = "Atlantide"

    assert refusal(frame, tmp_path, "xlsx") == [
        "Ligne 2, colonne « regionName » : région inconnue « Atlantide »."
    ]


def test_a_duplicate_region_and_lever_is_refused(tmp_path):
    frame = pd.concat([centre_rows(), centre_rows().iloc[[5]]], ignore_index=True)

    messages = refusal(frame, tmp_path)

    assert messages == [
        "Ligne 32, colonne « id » : doublon : le levier « augm_vélotc » de la région "
        "Centre-Val de Loire figure déjà en ligne 7."
    ]


def test_a_missing_value_and_a_bad_flag_are_both_reported(tmp_path):
    frame = centre_rows().astype({"relative": object})
    frame.loc[0, "id"] = None
    frame.loc[1, "relative"] = "peut-être"

    messages = refusal(frame, tmp_path)

    assert "Ligne 2, colonne « id » : valeur manquante." in messages
    assert any(m.startswith("Ligne 3, colonne « relative »") for m in messages)


def test_json_errors_name_the_object(tmp_path):
    records = json.loads(DEFAULT_LEVERS_FILE.read_text(encoding="utf-8"))[:3]
    records[1]["objCO2"] = "n/a"
    path = tmp_path / "leviers.json"
    path.write_text(json.dumps(records), encoding="utf-8")

    with pytest.raises(ImportRejected) as rejected:
        read_levers(path)

    assert rejected.value.messages == [
        "Objet n° 2, colonne « objCO2 » : « n/a » n’est pas un nombre."
    ]


def test_a_file_that_is_not_a_table_is_refused_with_a_message(tmp_path):
    path = tmp_path / "leviers.xlsx"
    path.write_bytes(b"ceci n'est pas un classeur")

    with pytest.raises(ImportRejected) as rejected:
        read_levers(path)

    assert rejected.value.messages[0].startswith(
        "Fichier : le fichier ne peut pas être lu comme du XLSX"
    )


def test_a_bad_row_in_a_good_file_changes_nothing(sgpe, tmp_path):
    from django.core.management import CommandError, call_command

    frame = pd.DataFrame(json.loads(DEFAULT_LEVERS_FILE.read_text(encoding="utf-8"))).astype(
        {"objCO2": object}
    )
    frame.loc[90, "objCO2"] = 999.0  # a valid change that must not be applied either
    frame.loc[400, "objCO2"] = "erreur"
    path = tmp_path / "leviers.csv"
    frame.to_csv(path, index=False)
    before = list(RegionalEffort.objects.order_by("pk").values_list("effort_kt", flat=True))

    with pytest.raises(CommandError, match="Ligne 402, colonne « objCO2 »"):
        call_command("import_panorama", str(path), "--sans-barometre")

    assert (
        list(RegionalEffort.objects.order_by("pk").values_list("effort_kt", flat=True)) == before
    )
