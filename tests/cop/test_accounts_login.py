"""Logging in with a verified account, and logging out (a POST, never a GET)."""

import re

import pytest
from django.core.cache import cache

from tests.factories import PASSWORD, VerifiedUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters live in the cache: each test starts from zero."""
    cache.clear()


@pytest.fixture
def claire():
    return VerifiedUserFactory(email="claire@exemple.test")


def log_in(client, email="claire@exemple.test", password=PASSWORD):
    return client.post("/comptes/login/", {"login": email, "password": password})


def test_a_verified_account_logs_in_with_its_email_and_password(client, claire):
    response = log_in(client)

    assert response.status_code == 302
    assert response["Location"] == "/profil/"
    assert client.session["_auth_user_id"] == str(claire.pk)


def test_after_logging_in_the_header_offers_the_profile_and_logout(client, claire):
    log_in(client)

    page = client.get("/").content.decode()

    assert "Mon profil" in page
    assert "Se déconnecter" in page
    assert "Créer un compte</a>" not in page


def test_logging_in_says_so_in_a_dsfr_alert(client, claire):
    log_in(client)

    page = client.get("/").content.decode()

    assert re.search(
        r'<div class="fr-alert fr-alert--sm fr-mb-2w fr-alert--success">\s*<p>Connexion', page
    )


def test_a_wrong_password_shows_a_french_error_and_keeps_the_email(client, claire):
    response = log_in(client, password="pas-le-bon")

    page = response.content.decode()
    assert response.status_code == 200
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in page
    assert 'value="claire@exemple.test"' in page
    assert "_auth_user_id" not in client.session


def test_the_header_logout_is_a_post_form_with_a_csrf_token(client, claire):
    client.force_login(claire)

    page = client.get("/").content.decode()

    form = re.search(r'<form method="post" action="/comptes/logout/">(.*?)</form>', page, re.S)
    assert form is not None
    assert 'name="csrfmiddlewaretoken"' in form.group(1)
    assert 'type="submit"' in form.group(1)
    assert 'href="/comptes/logout/"' not in page


def test_opening_the_logout_address_asks_for_confirmation_without_logging_out(client, claire):
    client.force_login(claire)

    page = client.get("/comptes/logout/").content.decode()

    assert "<h1>Se déconnecter</h1>" in page
    assert "Voulez-vous vraiment vous déconnecter ?" in page
    assert client.session["_auth_user_id"] == str(claire.pk)


def test_posting_to_logout_logs_out_and_returns_home(client, claire):
    client.force_login(claire)

    response = client.post("/comptes/logout/")

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session
    assert "Se connecter" in client.get("/").content.decode()


def test_a_deactivated_account_cannot_log_in_and_is_told_why_in_french(client, claire):
    claire.is_active = False
    claire.save()

    response = log_in(client)

    assert response["Location"] == "/comptes/inactive/"
    assert "_auth_user_id" not in client.session
    page = client.get("/comptes/inactive/").content.decode()
    assert "<h1>Compte désactivé</h1>" in page
