"""CSV and XLSX exports of the regional panorama and of any scenario."""

import io

import pandas as pd
import pytest
from django.urls import reverse


def read(response, file_format):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if file_format == "csv":
        return pd.read_csv(io.BytesIO(content), sep=";", decimal=",", encoding="utf-8-sig")
    return pd.read_excel(io.BytesIO(content), sheet_name=None)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_panorama_export_lists_the_30_levers_with_their_effort(client, sgpe, file_format):
    response = client.get(reverse("panorama:export", args=[file_format]))

    assert response.status_code == 200
    assert f'filename="panorama-leviers-24.{file_format}"' in response["Content-Disposition"]
    frame = read(response, file_format)
    if file_format == "xlsx":
        assert "Chiffres indicatifs de travail" in frame["Source"].iloc[0, 0]
        frame = frame["Panorama"]
    assert len(frame) == 30
    assert round(frame["Effort 2030 (ktCO₂e)"].sum()) == 9504
    cars = frame.set_index("Identifiant").loc["augm_voitelec"]
    assert round(cars["Valeur 2019"], 1) == 4.2
    assert round(cars["Valeur 2030"], 1) == 229.7


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_scenario_export_carries_its_targets(client, sgpe, file_format):
    url = (
        reverse("panorama:simulator_export", args=[file_format])
        + "?t-augm_voitelec=600&c-reduc_rfioul=100"
    )

    frame = read(client.get(url), file_format)
    if file_format == "xlsx":
        frame = frame["Scénario"]

    assert round(frame["Ambition 2030 (ktCO₂e)"].sum()) == 9622
    rows = frame.set_index("Identifiant")
    assert round(rows.loc["augm_voitelec", "Valeur 2030 du scénario"], 1) == 284.8
    assert rows.loc["reduc_rfioul", "Déjà réalisé ou engagé (ktCO₂e)"] == 100


def test_an_unknown_export_format_is_not_found(client, sgpe):
    assert client.get("/panorama/export.pdf").status_code == 404


def test_the_csv_opens_in_a_french_spreadsheet(client, sgpe):
    content = client.get(reverse("panorama:export", args=["csv"])).getvalue()

    assert content.startswith(b"\xef\xbb\xbf")  # byte-order mark: Excel reads the accents
    header = content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Secteur;Chantier;Identifiant;Levier;Effort 2030 (ktCO₂e)")
    assert ";482,1358;" in content.decode("utf-8-sig")


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_name_that_starts_a_formula_stays_text_in_the_exports(client, sgpe, file_format):
    from panorama.models import RegionalEffort

    RegionalEffort.objects.filter(region_code="24", lever__slug="augm_voitelec").update(
        name='=HYPERLINK("https://exemple.test")'
    )

    frame = read(client.get(reverse("panorama:export", args=[file_format])), file_format)

    if file_format == "xlsx":
        frame = frame["Panorama"]
    cars = frame.set_index("Identifiant").loc["augm_voitelec"]
    assert cars["Levier"] == '\'=HYPERLINK("https://exemple.test")'
    assert round(cars["Valeur 2030"], 1) == 229.7  # numbers stay numbers
