"""The split pages: the table levers × départements, the chart, one département's levers."""

import pytest
from django.urls import reverse

from panorama.models import RegionalEffort
from tests.territories.test_split_support import (  # noqa: F401 -- fixtures
    effort,
    panorama,
    population,
    sgpe,
    sgpe_rows,
    text_of,
)

INDEX = reverse("split:index")


@pytest.mark.usefixtures("panorama")
def test_the_table_shows_the_six_departements_and_the_regional_total(client):
    response = client.get(INDEX)

    assert response.status_code == 200
    page = text_of(response)
    assert "Répartition indicative de l’effort par département — Centre-Val de Loire" in page
    for name in ("Cher", "Eure-et-Loir", "Indre", "Indre-et-Loire", "Loir-et-Cher", "Loiret"):
        assert f">{name}</a>" in page
    assert "<caption>Effort 2030 de chaque levier réparti entre les départements" in page
    assert "<strong>9 504</strong>" in page  # the regional total, grouped the French way
    assert "Chiffres indicatifs de travail, qui n’engagent pas l’État." in page
    assert "Source : Secrétariat général à la planification écologique (SGPE)" in page


@pytest.mark.usefixtures("panorama")
def test_each_lever_says_which_key_splits_it(client):
    page = text_of(client.get(INDEX))

    assert page.count(">population</td>") == 30
    assert "Aucun levier n’est réparti par une clé importée" in page


@pytest.mark.usefixtures("panorama")
def test_loirets_total_is_shown_in_the_chart_and_its_data_table(client):
    loiret_total = round(9503.8742 * population("45") / population())  # every lever by population

    response = client.get(INDEX)
    page = text_of(response)

    assert 'role="img"' in page
    assert "Effort 2030 par département en Centre-Val de Loire" in page
    assert f"Loiret (45) : {loiret_total:,} ktCO₂e".replace(",", " ") in page  # the bar's title
    assert "<caption>Effort 2030 par département (somme des leviers)</caption>" in page


@pytest.mark.usefixtures("panorama")
def test_a_departement_page_lists_its_levers_with_their_physical_part(client):
    fret = RegionalEffort.objects.get(region_code="24", lever__slug="augm_fret")
    share = population("45") / population()

    response = client.get(reverse("split:departement", args=["45"]))

    assert response.status_code == 200
    page = text_of(response)
    assert "<h1>Loiret (45) : part indicative de l’effort régional</h1>" in page
    physical = f"+{fret.effort_kt * fret.ratio * share:.1f}".replace(".", ",")
    assert f'{physical} <span class="fr-text--xs">Mtkm/an de transport routier' in page
    assert "niveau 2030 : non réparti" in page  # electric cars: a stock
    assert "taux : non réparti" in page  # km per car
    assert f"{100 * share:.1f} %".replace(".", ",") in page


@pytest.mark.usefixtures("panorama")
def test_choosing_a_departement_in_the_form_opens_its_page(client):
    response = client.get(INDEX, {"departement": "45"})

    assert response.status_code == 302
    assert response["Location"] == reverse("split:departement", args=["45"])


@pytest.mark.usefixtures("panorama")
def test_a_departement_outside_the_region_gets_a_clear_message(client):
    response = client.get(INDEX, {"departement": "75"})

    assert response.status_code == 200
    assert "« 75 » n’est pas un département de la région" in text_of(response)
    assert client.get("/panorama/departements/75/").status_code == 404
    assert client.get("/panorama/departements/xyz/").status_code == 404


def test_the_page_says_when_the_levers_are_not_imported(client, geography):
    page = text_of(client.get(INDEX))

    assert "Les leviers du SGPE n’ont pas encore été importés" in page


@pytest.mark.usefixtures("sgpe")
def test_the_page_says_when_the_geography_is_not_imported(client, empty_geography):
    page = text_of(client.get(INDEX))

    assert "Les départements de la région et leur population n’ont pas encore été importés" in page
