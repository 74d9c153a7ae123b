"""CSV and XLSX exports of the split among the départements."""

import io

import pandas as pd
import pytest
from django.urls import reverse

from panorama.models import RegionalEffort
from territories.split import services
from territories.split.keys_file import KeyRow
from tests.territories.test_split_support import (  # noqa: F401 -- fixtures
    effort,
    fret_key,
    panorama,
    population,
    sgpe,
    sgpe_rows,
)

pytestmark = pytest.mark.usefixtures("panorama")


def read(response, file_format):
    if file_format == "csv":
        return pd.read_csv(
            io.BytesIO(response.getvalue()), sep=";", decimal=",", encoding="utf-8-sig"
        )
    return pd.read_excel(io.BytesIO(response.getvalue()), sheet_name=None)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_export_gives_each_lever_split_among_the_six_departements(client, file_format):
    response = client.get(reverse("split:export", args=[file_format]))

    assert response.status_code == 200
    assert (
        f'filename="repartition-departements-24.{file_format}"' in response["Content-Disposition"]
    )
    frame = read(response, file_format)
    if file_format == "xlsx":
        assert "Chiffres indicatifs de travail" in frame["Source"].iloc[0, 0]
        frame = frame["Répartition"]
    assert len(frame) == 30
    departements = [column for column in frame.columns if column.endswith("(ktCO₂e)")][1:]
    assert departements[-1] == "Loiret (45) (ktCO₂e)"
    assert len(departements) == 6
    assert round(frame[departements].to_numpy().sum()) == 9504
    cars = frame.set_index("Identifiant").loc["augm_voitelec"]
    assert cars["Clé de répartition"] == "population"
    assert cars["Loiret (45) (ktCO₂e)"] == pytest.approx(
        effort("augm_voitelec") * population("45") / population(), abs=1e-3
    )


def test_the_xlsx_details_the_key_share_and_physical_part(client, staff):
    rows = [KeyRow(f"ligne {n}", *line) for n, line in enumerate(fret_key(), start=2)]
    services.distribution_keys_import(rows=rows, actor=staff, region_code="24")

    sheets = read(client.get(reverse("split:export", args=["xlsx"])), "xlsx")

    detail = sheets["Détail"].set_index(["Identifiant", "Code du département"])
    loiret_fret = detail.loc[("augm_fret", 45)]
    assert loiret_fret["Valeur de la clé"] == 3
    assert loiret_fret["Part du département (%)"] == 75
    assert loiret_fret["Clé de répartition"].startswith("clé importée le ")
    assert loiret_fret["Traduction physique"] == pytest.approx(
        effort("augm_fret")
        * 0.75
        * RegionalEffort.objects.get(region_code="24", lever__slug="augm_fret").ratio,
        abs=1e-3,
    )
    assert pd.isna(detail.loc[("augm_voitelec", 45)]["Traduction physique"])  # a 2030 stock


def test_the_csv_opens_in_a_french_spreadsheet(client):
    content = client.get(reverse("split:export", args=["csv"])).getvalue()

    assert content.startswith(b"\xef\xbb\xbf")
    header = content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Secteur;Identifiant;Levier;Clé de répartition;Effort régional")


def test_an_unknown_export_format_is_not_found(client):
    assert client.get("/panorama/departements/export.pdf").status_code == 404


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_name_that_starts_a_formula_stays_text_in_the_split_exports(client, file_format):
    RegionalEffort.objects.filter(region_code="24", lever__slug="augm_fret").update(
        name="@SUM(1+1)*cmd"
    )

    frame = read(client.get(reverse("split:export", args=[file_format])), file_format)

    if file_format == "xlsx":
        frame = frame["Répartition"]
    assert "'@SUM(1+1)*cmd" in list(frame["Levier"])
