"""Signing up: a verification email in French, no login before the address is confirmed."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache

from cop.models import User
from tests.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "une-phrase-de-passe-solide"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters live in the cache: each test starts from zero."""
    cache.clear()


def sign_up(client, email="nouvelle@exemple.test", password=PASSWORD, again=None):
    return client.post(
        "/comptes/signup/",
        {"email": email, "password1": password, "password2": again or password},
    )


def confirmation_link(message) -> str:
    return re.search(r"https?://\S+/comptes/confirm-email/\S+/", message.body).group(0)


def test_signing_up_sends_a_verification_email_in_french(client, mailoutbox):
    response = sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == "/comptes/confirm-email/"
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["nouvelle@exemple.test"]
    assert message.subject == (
        "[COP Centre-Val de Loire] Confirmez votre adresse e-mail pour activer votre compte"
    )
    assert "Bonjour," in message.body
    assert "Pour confirmer cette adresse, ouvrez le lien suivant" in message.body
    assert "/comptes/confirm-email/" in confirmation_link(message)


def test_the_page_after_signing_up_asks_to_check_the_inbox(client):
    page = client.get(sign_up(client)["Location"]).content.decode()

    assert "<h1>Confirmez votre adresse e-mail</h1>" in page
    assert "Un e-mail de vérification vous a été envoyé" in page


def test_a_new_account_cannot_log_in_before_its_email_is_confirmed(client, mailoutbox):
    sign_up(client)
    assert "_auth_user_id" not in client.session

    response = client.post(
        "/comptes/login/", {"login": "nouvelle@exemple.test", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/comptes/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert client.get("/profil/").status_code == 302


def test_following_the_emailed_link_confirms_the_address_and_logs_in(client, mailoutbox):
    sign_up(client)
    link = confirmation_link(mailoutbox[0])

    page = client.get(link).content.decode()
    assert "<h1>Confirmer l’adresse e-mail</h1>" in page
    assert "nouvelle@exemple.test" in page
    response = client.post(link)

    assert response.status_code == 302
    assert response["Location"] == "/profil/"
    user = User.objects.get(email="nouvelle@exemple.test")
    assert EmailAddress.objects.get(user=user).verified
    assert client.session["_auth_user_id"] == str(user.pk)


def test_signup_errors_show_next_to_the_field_and_keep_the_typed_email(client, mailoutbox):
    response = sign_up(client, again="une-autre-phrase-de-passe")

    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="nouvelle@exemple.test"' in page
    # The error sits in the password confirmation's group, tied to its input.
    group = re.search(
        r'<div class="fr-input-group fr-input-group--error">.*?</div>\s*</div>', page, re.S
    )
    assert group is not None
    assert 'for="id_password2"' in group.group(0)
    assert 'aria-describedby="id_password2-error"' in group.group(0)
    assert 'aria-invalid="true"' in group.group(0)
    assert "Vous devez saisir deux fois le même mot de passe." in group.group(0)
    assert not User.objects.filter(email="nouvelle@exemple.test").exists()
    assert mailoutbox == []


def test_a_weak_password_is_refused_in_french(client):
    page = sign_up(client, password="12345678").content.decode()

    assert "Ce mot de passe est trop courant." in page
    assert not User.objects.filter(email="nouvelle@exemple.test").exists()


def test_signing_up_with_a_taken_address_reveals_nothing_and_warns_the_owner(client, mailoutbox):
    VerifiedUserFactory(email="deja@exemple.test")

    response = sign_up(client, email="deja@exemple.test")

    # Same answer as a real signup, so nobody can probe which addresses have an account.
    assert response["Location"] == "/comptes/confirm-email/"
    assert User.objects.filter(email="deja@exemple.test").count() == 1
    assert mailoutbox[0].subject == (
        "[COP Centre-Val de Loire] Un compte existe déjà pour cette adresse"
    )
    assert "/comptes/password/reset/" in mailoutbox[0].body
