"""Forgotten password: a French email, a new password, a login with it."""

import re

import pytest
from django.core.cache import cache

from tests.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_a_forgotten_password_is_replaced_through_the_emailed_link(client, mailoutbox):
    VerifiedUserFactory(email="claire@exemple.test")

    response = client.post("/comptes/password/reset/", {"email": "claire@exemple.test"})
    assert response["Location"] == "/comptes/password/reset/done/"
    assert "Vérifiez votre boîte de réception" in client.get(response["Location"]).content.decode()

    message = mailoutbox[0]
    assert message.subject == "[COP Centre-Val de Loire] Réinitialisation de votre mot de passe"
    link = re.search(r"https?://\S+/comptes/password/reset/key/\S+/", message.body).group(0)
    # allauth moves the key into the session and redirects to a key-less address.
    form_url = client.get(link)["Location"]
    assert "<h1>Choisir un nouveau mot de passe</h1>" in client.get(form_url).content.decode()
    done = client.post(
        form_url, {"password1": "nouvelle-phrase-secrete", "password2": "nouvelle-phrase-secrete"}
    )
    assert done["Location"] == "/comptes/password/reset/key/done/"
    assert "Mot de passe modifié" in client.get(done["Location"]).content.decode()

    assert (
        client.post(
            "/comptes/login/",
            {"login": "claire@exemple.test", "password": "nouvelle-phrase-secrete"},
        )["Location"]
        == "/profil/"
    )


def test_an_unknown_address_gets_the_same_answer(client, mailoutbox):
    response = client.post("/comptes/password/reset/", {"email": "inconnue@exemple.test"})

    assert response["Location"] == "/comptes/password/reset/done/"
    assert mailoutbox[0].subject == (
        "[COP Centre-Val de Loire] Aucun compte n’existe pour cette adresse"
    )


def test_a_used_or_wrong_reset_link_says_so_in_french(client):
    page = client.get("/comptes/password/reset/key/1-mauvaise-cle/", follow=True).content.decode()

    assert "<h1>Lien non valable</h1>" in page
    assert "Demander un nouveau lien" in page
