"""The territories page: the region, its départements, and the search."""

import pytest
from django.urls import reverse

from tests.html_safety import dangerous_markup


def text_of(response) -> str:
    # French number formats group thousands with a no-break space.
    return response.content.decode().replace("\xa0", " ").replace("\u202f", " ")


def test_the_page_shows_the_region_with_its_population_and_counts(geography, visitor):
    response = visitor.get(reverse("territories:index"))

    assert response.status_code == 200
    page = text_of(response)
    assert "Les territoires de la région Centre-Val de Loire" in page
    assert "2 587 031" in page
    assert "1 754" in page
    assert ">82<" in page


def test_the_page_lists_the_six_departements_with_their_population(geography, visitor):
    page = text_of(visitor.get(reverse("territories:index")))

    for name, code in [
        ("Cher", "18"),
        ("Eure-et-Loir", "28"),
        ("Indre", "36"),
        ("Indre-et-Loire", "37"),
        ("Loir-et-Cher", "41"),
        ("Loiret", "45"),
    ]:
        url = reverse("territories:departement", kwargs={"code": code})
        assert f'<a href="{url}">{name} ({code})</a>' in page
    assert "691 268" in page  # Loiret


def test_searching_orleans_without_javascript_lists_orleans(geography, visitor):
    response = visitor.get(reverse("territories:index"), {"q": "orleans"})

    page = text_of(response)
    assert response.status_code == 200
    assert 'href="/territoires/communes/45234/"' in page
    assert "116 357" in page
    assert 'value="orleans"' in page


def test_a_search_without_match_says_so(geography, visitor):
    page = text_of(visitor.get(reverse("territories:index"), {"q": "atlantide"}))

    assert "Aucun territoire de la région ne correspond à « atlantide »" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("a", "Saisissez au moins deux lettres ou chiffres"),
        ("’-", "Saisissez au moins deux lettres ou chiffres"),
        ("x" * 101, "Saisissez au plus 100 caractères."),
    ],
)
def test_an_unusable_query_gets_a_french_error_not_a_crash(geography, visitor, query, message):
    response = visitor.get(reverse("territories:index"), {"q": query})

    assert response.status_code == 200
    assert message in text_of(response)
    assert 'aria-describedby="id_q-error"' in text_of(response)


def test_a_nul_byte_in_the_query_answers_a_french_400(geography, visitor):
    # Refused for every page by core.params.BadParameterMiddleware, before any query.
    response = visitor.get(reverse("territories:index"), {"q": "orl\x00eans"})

    assert response.status_code == 400
    assert "L’adresse contient des caractères interdits." in text_of(response)


def test_a_long_result_list_is_paginated(geography, visitor):
    first = text_of(visitor.get(reverse("territories:index"), {"q": "saint"}))
    third = text_of(visitor.get(reverse("territories:index"), {"q": "saint", "page": "3"}))

    assert "237 communes" in first
    assert "(page 1 sur 12)" in first
    assert "(page 3 sur 12)" in third
    assert 'href="?q=saint&amp;page=4"' in third


def test_a_page_number_that_is_not_a_number_shows_the_first_page(geography, visitor):
    response = visitor.get(reverse("territories:index"), {"q": "saint", "page": "abc"})

    assert response.status_code == 200
    assert "(page 1 sur 12)" in text_of(response)


def test_the_query_is_escaped_in_the_page(geography, visitor):
    response = visitor.get(reverse("territories:index"), {"q": "<script>alert(1)</script>"})

    assert response.status_code == 200
    results = response.content.decode().split('id="territory-results"')[1].split("</section>")[0]
    assert dangerous_markup(results) == []


def test_the_results_region_is_announced_to_screen_readers(geography, visitor):
    page = text_of(visitor.get(reverse("territories:index")))

    assert 'id="territory-results" class="fr-mt-3w" aria-live="polite"' in page
