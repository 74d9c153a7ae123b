"""/panorama/: the region's levers by sector, its total and its share of the national effort."""

import re

from django.urls import reverse

from tests.html_safety import dangerous_markup
from tests.panorama.helpers import text_of

NOTICE = "Chiffres indicatifs de travail, qui n’engagent pas l’État."


def test_it_shows_the_regional_total_and_its_share_of_metropolitan_france(client, sgpe):
    page = text_of(client.get(reverse("panorama:index")))

    assert "Centre-Val de Loire" in page
    assert "9 504 ktCO₂e" in page
    assert "4,9 %" in page


def test_it_says_the_figures_are_indicative_with_their_source(client, sgpe):
    page = text_of(client.get(reverse("panorama:index")))

    assert NOTICE in page
    assert "Source : Secrétariat général à la planification écologique (SGPE)" in page


def test_it_draws_an_accessible_svg_chart_with_the_data_table_beside_it(client, sgpe):
    page = text_of(client.get(reverse("panorama:index")))

    svg = re.search(r"<svg[^>]*>", page).group(0)
    assert 'role="img"' in svg
    assert 'aria-labelledby="chart-title chart-desc"' in svg
    assert '<title id="chart-title">Effort 2030 par levier en Centre-Val de Loire</title>' in page
    assert '<desc id="chart-desc">' in page
    assert (
        "<caption>Effort 2030 des leviers en Centre-Val de Loire, par secteur (ktCO₂e)</caption>"
        in page
    )
    assert page.count("<rect ") == 30


def test_levers_are_grouped_by_sector_with_their_effort(client, sgpe):
    page = text_of(client.get(reverse("panorama:index")))

    table = page[page.index('id="panorama-table"') :]
    assert re.search(
        r'<th scope="rowgroup">Résidentiel</th>\s*<td class="fr-cell--right"><strong>969</strong>',
        table,
    )
    assert "Changement de chaudière à fioul</a>" in table
    assert "131,5 → 32,1" in table
    assert f'href="{reverse("panorama:lever_detail", args=["augm_voitelec"])}"' in table


def test_the_page_is_drawn_with_two_queries(client, sgpe, django_assert_num_queries):
    # 1. the region's efforts with their lever, sector and workstream
    # 2. the national and metropolitan sums
    with django_assert_num_queries(2):
        response = client.get(reverse("panorama:index"))

    assert response.status_code == 200


def test_the_page_says_when_nothing_was_imported(client, db):
    page = text_of(client.get(reverse("panorama:index")))

    assert "Les leviers du SGPE n’ont pas encore été importés" in page


def test_a_region_can_run_its_own_cop(client, sgpe, settings):
    settings.COP_REGION_CODE = "53"

    page = text_of(client.get(reverse("panorama:index")))

    assert "Panorama des leviers de décarbonation — Bretagne" in page


def test_the_chart_and_table_are_free_of_script(client, sgpe):
    response = client.get(reverse("panorama:index"))
    content = response.content.decode()
    main = content[content.index("<main") : content.index("</main>")]

    assert dangerous_markup(main) == []


def test_the_chart_rounds_sector_totals_as_the_table_does(client, sgpe):
    page = text_of(client.get(reverse("panorama:index")))

    assert "Résidentiel — 969 ktCO₂e</text>" in page  # 968.76 kt
    assert "Tertiaire — 959 ktCO₂e</text>" in page
