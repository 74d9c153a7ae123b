"""Every account page renders in the DSFR layout, in French, with one h1."""

import re

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

VISITOR_PAGES = [
    ("/comptes/login/", "Se connecter"),
    ("/comptes/signup/", "Créer un compte"),
    ("/comptes/confirm-email/", "Confirmez votre adresse e-mail"),
    ("/comptes/confirm-email/cle-inconnue/", "Confirmer l’adresse e-mail"),
    ("/comptes/password/reset/", "Mot de passe oublié"),
    ("/comptes/password/reset/done/", "Vérifiez votre boîte de réception"),
    ("/comptes/password/reset/key/done/", "Mot de passe modifié"),
    ("/comptes/inactive/", "Compte désactivé"),
]
MEMBER_PAGES = [
    ("/comptes/password/change/", "Modifier le mot de passe"),
    ("/comptes/email/", "Adresses e-mail"),
    ("/comptes/logout/", "Se déconnecter"),
]
# allauth's own English wording, which must never reach a page.
ENGLISH = [
    "Sign In",
    "Sign Up",
    "Sign Out",
    "Password Reset",
    "Change Password",
    "Email Addresses",
]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def assert_french_dsfr_page(page: str, heading: str) -> None:
    assert '<html lang="fr"' in page
    assert 'class="fr-header"' in page
    assert 'class="fr-footer"' in page
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.S) == [heading]
    assert f"<title>{heading} — COP Planification Action Centre-Val de Loire</title>" in page
    for english in ENGLISH:
        assert english not in page


@pytest.mark.parametrize(("url", "heading"), VISITOR_PAGES)
def test_account_pages_for_visitors_are_french_dsfr_pages(client, url, heading):
    response = client.get(url)

    assert response.status_code == 200
    assert_french_dsfr_page(response.content.decode(), heading)


@pytest.mark.parametrize(("url", "heading"), MEMBER_PAGES)
def test_account_pages_for_members_are_french_dsfr_pages(client_of, citizen, url, heading):
    response = client_of(citizen).get(url)

    assert response.status_code == 200
    assert_french_dsfr_page(response.content.decode(), heading)


def test_account_management_pages_have_a_side_menu_marking_the_current_page(client_of, citizen):
    page = client_of(citizen).get("/comptes/email/").content.decode()

    assert 'class="fr-sidemenu"' in page
    assert 'href="/comptes/email/" aria-current="page"' in page
    assert 'href="/comptes/password/change/" aria-current' not in page


def test_every_form_field_of_the_signup_page_has_a_label(client):
    page = client.get("/comptes/signup/").content.decode()

    inputs = re.findall(r'<input type="(?:email|password|text)"[^>]*id="([^"]+)"', page)
    assert set(inputs) == {"id_email", "id_password1", "id_password2"}
    for field_id in inputs:
        assert f'<label class="fr-label" for="{field_id}">' in page


def test_the_email_page_scripts_carry_the_csp_nonce(client_of, citizen):
    response = client_of(citizen).get("/comptes/email/")

    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    scripts = re.findall(r"<script[^>]*>", response.content.decode())
    assert len(scripts) >= 4
    assert [tag for tag in scripts if f'nonce="{nonce}"' not in tag] == []
