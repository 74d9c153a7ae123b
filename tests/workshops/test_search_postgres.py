"""French full-text search on PostgreSQL: stemmed, weighted, ranked, websearch syntax."""

import types

import pytest
from django.db import connection
from django.urls import reverse

from tests.workshops.factories import make_member
from workshops.services.contributions import contribution_create

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="French full-text search is PostgreSQL's"
)
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
    }


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


def test_sqlite_falls_back_to_plain_containment(client, corpus, monkeypatch):
    monkeypatch.setattr(
        "workshops.selectors.contributions.connection", types.SimpleNamespace(vendor="sqlite")
    )

    page = client.get(URL, {"q": "rénovation énergétique"}).content.decode()

    assert "Guichet unique" in page
    assert "Rénovation des écoles rurales" not in page


def test_the_search_document_has_a_gin_index(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'workshops_contribution_search_gin'"
        )
        (definition,) = cursor.fetchone()
    assert "USING gin (search_vector)" in definition
