"""French full-text search: stemmed, accent-blind, weighted, ranked, websearch syntax."""

import pytest
from django.db import connection
from django.urls import reverse

from tests.workshops.factories import make_member
from workshops.models import Contribution
from workshops.services.contributions import contribution_create

URL = reverse("workshops:contributions")


@pytest.fixture
def corpus(group):
    author = make_member(group, "auteur@exemple.test")

    def post(title, body):
        return contribution_create(
            author=author, kind="proposal", title=title, body=body, group=group
        )

    return {
        "title": post("Rénovation des écoles rurales", "Isoler les bâtiments scolaires."),
        "body": post("Guichet unique", "Accompagner la rénovation énergétique des logements."),
        "other": post("Covoiturage rural", "Des lignes de covoiturage dans le Perche."),
        "heating": post("Chaudières au bois", "Remplacer les chaudières au fioul des mairies."),
    }


def found(client, q: str) -> str:
    return client.get(URL, {"q": q}).content.decode()


@pytest.mark.parametrize("q", ["chaudiere", "CHAUDIERES", "chaudière", "Chaudieres fioul"])
def test_a_word_typed_without_its_accents_finds_the_accented_one(client, corpus, q):
    page = found(client, q)

    assert "Chaudières au bois" in page
    assert "Guichet unique" not in page


def test_accents_in_the_query_are_ignored_as_well(client, corpus):
    page = found(client, "rénôvation")

    assert "Rénovation des écoles rurales" in page
    assert "Guichet unique" in page


def test_a_phrase_in_quotes_matches_only_the_words_in_that_order(client, corpus):
    assert "Chaudières au bois" in found(client, '"chaudieres au fioul"')
    assert "Chaudières au bois" not in found(client, '"fioul chaudieres"')


def test_a_minus_sign_excludes_a_word_even_typed_without_accents(client, corpus):
    page = found(client, "renovation -ecoles")

    assert "Guichet unique" in page
    assert "Rénovation des écoles rurales" not in page


def test_a_plural_finds_the_singular(client, corpus):
    page = client.get(URL, {"q": "rénovations"}).content.decode()

    assert "Rénovation des écoles rurales" in page
    assert "Guichet unique" in page
    assert "Covoiturage rural" not in page
    assert "2 contributions pour « rénovations »" in page


def test_a_match_in_the_title_ranks_before_a_match_in_the_body(client, corpus):
    page = client.get(URL, {"q": "rénovation"}).content.decode()

    assert page.index("Rénovation des écoles rurales") < page.index("Guichet unique")


def test_the_websearch_syntax_excludes_a_word_and_never_errors(client, corpus):
    page = client.get(URL, {"q": "rénovation -écoles"}).content.decode()
    assert "Guichet unique" in page
    assert "Rénovation des écoles rurales" not in page

    odd = client.get(URL, {"q": '"(&|!: «'})
    assert odd.status_code == 200


def test_an_edited_contribution_is_found_by_its_new_words(client, client_of, corpus):
    contribution = corpus["other"]
    client_of(contribution.author).post(
        reverse("workshops:contribution_edit", args=[contribution.pk]),
        {"kind": "proposal", "title": "Autopartage villageois", "body": "Des voitures partagées."},
    )

    page = client.get(URL, {"q": "voiture"}).content.decode()

    assert "Autopartage villageois" in page


def test_a_text_changed_by_a_bulk_update_is_found_by_its_new_words(client, corpus):
    Contribution.objects.filter(pk=corpus["other"].pk).update(body="Des pompes à chaleur.")

    assert "Covoiturage rural" in found(client, "pompe chaleur")
    assert "Covoiturage rural" not in found(client, "Perche")


def test_a_title_saved_as_the_admin_saves_it_is_found(client, corpus):
    contribution = Contribution.objects.get(pk=corpus["other"].pk)
    contribution.title = "Autopartage villageois"
    contribution.save()

    assert "Autopartage villageois" in found(client, "villageois")


def test_the_search_document_has_a_gin_index(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'contribution_search_gin'"
        )
        (definition,) = cursor.fetchone()
    assert "USING gin (search_vector)" in definition
