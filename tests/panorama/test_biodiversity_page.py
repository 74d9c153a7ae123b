"""/panorama/biodiversite-ressources/: the baromètre's levers by chantier, filterable."""

import re

from django.urls import reverse

from panorama.models import BiodiversityLever
from tests.panorama.helpers import text_of

URL = reverse("panorama:biodiversity")


def count_shown(page: str) -> int:
    return int(re.search(r'id="results-count">(\d+) levier', page).group(1))


def test_the_134_levers_are_imported_without_the_heading_rows(barometre):
    assert BiodiversityLever.objects.count() == 134
    assert not BiodiversityLever.objects.filter(name="Indicateur de chantier").exists()


def test_a_flag_that_is_not_yes_or_no_is_kept_as_unknown(barometre):
    lever = BiodiversityLever.objects.get(short_name="Forêt préventive")

    assert lever.territorial is None
    assert lever.adaptation
    assert not lever.biodiversity


def test_levers_are_grouped_by_theme_and_chantier(client, barometre):
    page = text_of(client.get(URL))

    assert count_shown(page) == 134
    assert '<h2 class="fr-mt-4w">Préserver</h2>' in page
    assert "<caption>Chantier « Développer et gérer les aires protégées »</caption>" in page


def test_the_list_filters_by_tag(client, barometre):
    page = text_of(client.get(URL, {"tag": ["eau", "biodiversite"]}))

    expected = BiodiversityLever.objects.filter(water=True, biodiversity=True).count()
    assert count_shown(page) == expected == 14  # counted in the CSV
    assert 'value="eau" checked' in page


def test_the_list_filters_by_territorial_flag(client, barometre):
    page = text_of(client.get(URL, {"territorial": "non"}))

    assert count_shown(page) == 44  # 48 "false" in the CSV, 4 of them heading rows
    assert '<option value="non" selected>' in page


def test_htmx_gets_only_the_results(client, barometre):
    response = client.get(URL, {"tag": "pollution", "territorial": "oui"}, HTTP_HX_REQUEST="true")

    page = text_of(response)
    assert page.lstrip().startswith('<div id="results"')
    assert (
        count_shown(page)
        == BiodiversityLever.objects.filter(pollution=True, territorial=True).count()
    )
    assert "HX-Request" in response["Vary"]


def test_an_unknown_filter_shows_everything_with_a_warning(client, barometre):
    page = text_of(client.get(URL, {"tag": "magie"}))

    assert count_shown(page) == 134
    assert "Filtre non reconnu" in page


def test_the_page_is_drawn_with_one_query(client, barometre, django_assert_num_queries):
    with django_assert_num_queries(1):  # 1. the levers
        client.get(URL, {"tag": "eau"})
