"""Error pages in the DSFR style, in French; the 500 page needs nothing."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.urls import path
from django.views.defaults import server_error

from config.urls import urlpatterns as site_patterns

pytestmark = pytest.mark.django_db


def refuse_with_a_reason(request):
    raise PermissionDenied("Seuls les animateurs du groupe peuvent publier ce compte rendu.")


def refuse_silently(request):
    raise PermissionDenied


def crash(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("essai/refus-motive/", refuse_with_a_reason),
    path("essai/refus/", refuse_silently),
    path("essai/panne/", crash),
    *site_patterns,
]


def test_an_unknown_address_gives_a_french_404_page(client):
    response = client.get("/cette-page-n-existe-pas/")

    page = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page non trouvée</h1>" in page
    assert "Erreur 404" in page
    assert 'class="fr-header"' in page


@pytest.mark.urls(__name__)
def test_a_refusal_with_a_reason_shows_the_reason(client):
    response = client.get("/essai/refus-motive/")

    page = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Accès refusé</h1>" in page
    assert "Seuls les animateurs du groupe peuvent publier ce compte rendu." in page


@pytest.mark.urls(__name__)
def test_a_refusal_without_a_reason_explains_in_general_terms(client):
    page = client.get("/essai/refus/").content.decode()

    assert "Vous n’avez pas les droits nécessaires" in page
    assert "Se connecter" in page


@pytest.mark.urls(__name__)
def test_a_crash_gives_the_french_500_page():
    response = Client(raise_request_exception=False).get("/essai/panne/")

    page = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Erreur inattendue</h1>" in page
    assert '<html lang="fr">' in page


def test_the_500_page_renders_without_database_request_or_context(django_assert_num_queries):
    request = RequestFactory().get("/")

    with django_assert_num_queries(0):
        response = server_error(request)

    page = response.content.decode()
    assert "Erreur 500" in page
    assert "<script" not in page


def test_a_form_sent_without_its_csrf_token_gives_a_french_page():
    response = Client(enforce_csrf_checks=True).post(
        "/comptes/login/", {"login": "a@exemple.test", "password": "x"}
    )

    assert response.status_code == 403
    assert "<h1>Formulaire expiré</h1>" in response.content.decode()
