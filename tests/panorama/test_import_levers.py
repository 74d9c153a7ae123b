"""Importing the SGPE levers: the shipped JSON, and CSV or XLSX files with the same fields."""

import json

import pandas as pd
import pytest

from panorama.importers import DEFAULT_LEVERS_FILE, plan_levers_import, read_levers
from panorama.models import Lever, RegionalEffort, Sector, Workstream
from panorama.services import levers_import


def sgpe_frame() -> pd.DataFrame:
    return pd.DataFrame(json.loads(DEFAULT_LEVERS_FILE.read_text(encoding="utf-8")))


def test_the_shipped_file_loads_every_region_but_the_example(db):
    levers_import(rows=read_levers(DEFAULT_LEVERS_FILE))

    assert RegionalEffort.objects.count() == 444
    assert RegionalEffort.objects.values("region_code").distinct().count() == 18
    assert not RegionalEffort.objects.filter(region_name="Région exemple").exists()
    centre = RegionalEffort.objects.filter(region_code="24")
    assert centre.count() == 30
    assert round(sum(centre.values_list("effort_kt", flat=True)), 1) == 9503.9


def test_regions_get_their_insee_code_and_paca_is_93(sgpe):
    assert (
        RegionalEffort.objects.filter(region_name="Centre-Val de Loire").first().region_code
        == "24"
    )
    assert RegionalEffort.objects.filter(region_name="PACA").first().region_code == "93"


def test_levers_keep_their_sgpe_id_sector_and_workstream(sgpe):
    cars = Lever.objects.select_related("sector", "workstream").get(slug="augm_voitelec")

    assert cars.name == "Véhicules électriques"
    assert cars.sector.name == "Transport de voyageurs"
    assert cars.workstream.name == "Mieux se déplacer"
    assert Lever.objects.filter(slug="augm_vélotc").exists()


def test_levers_a_region_cannot_retarget_keep_their_reason(sgpe):
    forest = RegionalEffort.objects.get(region_code="24", lever__slug="co2_foret")

    assert forest.edition_disabled
    assert "non régionalisé" in forest.edition_disabled_reason


def test_reimporting_the_same_file_changes_nothing(sgpe, sgpe_rows):
    before = list(RegionalEffort.objects.order_by("pk").values())

    plan = levers_import(rows=sgpe_rows)

    assert not plan.has_changes
    assert plan.unchanged == 444
    assert list(RegionalEffort.objects.order_by("pk").values()) == before
    assert Sector.objects.count() == 10
    assert Workstream.objects.count() == 5


def test_reimporting_a_newer_file_updates_in_place(sgpe, tmp_path):
    frame = sgpe_frame()
    frame.loc[
        (frame.regionName == "Centre-Val de Loire") & (frame.id == "augm_voitelec"), "objCO2"
    ] = 500.0
    path = tmp_path / "leviers.json"
    frame.to_json(path, orient="records", force_ascii=False)
    effort = RegionalEffort.objects.get(region_code="24", lever__slug="augm_voitelec")

    plan = levers_import(rows=read_levers(path))

    assert [(item.slug, item.region_name) for item in plan.updated] == [
        ("augm_voitelec", "Centre-Val de Loire")
    ]
    assert plan.updated[0].changes[0].column == "objCO2"
    effort_after = RegionalEffort.objects.get(region_code="24", lever__slug="augm_voitelec")
    assert effort_after.pk == effort.pk
    assert effort_after.effort_kt == 500.0


def test_a_lever_missing_from_a_region_of_the_new_file_is_removed_from_that_region(sgpe, tmp_path):
    frame = sgpe_frame()
    frame = frame[~((frame.regionName == "Centre-Val de Loire") & (frame.id == "co2_isdnd"))]
    path = tmp_path / "leviers.json"
    frame.to_json(path, orient="records", force_ascii=False)

    plan = plan_levers_import(read_levers(path))

    assert [(item.slug, item.region_name) for item in plan.deleted] == [
        ("co2_isdnd", "Centre-Val de Loire")
    ]


def test_a_csv_file_written_by_a_french_spreadsheet_gives_the_same_data(db, tmp_path):
    path = tmp_path / "leviers.csv"
    sgpe_frame().to_csv(
        path, sep=";", decimal=",", index=False, encoding="cp1252", errors="replace"
    )

    levers_import(rows=read_levers(path))

    cars = RegionalEffort.objects.get(region_code="24", lever__slug="augm_voitelec")
    assert cars.effort_kt == pytest.approx(482.1358)
    assert cars.start_2019 == pytest.approx(4.196)
    assert RegionalEffort.objects.count() == 444


def test_an_xlsx_file_with_the_same_columns_gives_the_same_data(sgpe, tmp_path):
    path = tmp_path / "leviers.xlsx"
    sgpe_frame().to_excel(path, index=False)

    plan = plan_levers_import(read_levers(path))

    assert not plan.has_changes
    assert plan.unchanged == 444
