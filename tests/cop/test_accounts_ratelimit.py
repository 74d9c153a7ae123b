"""Rate limits on logins, kept in the cache: a French answer, never a 500."""

import pytest
from django.core.cache import cache

from tests.factories import PASSWORD, VerifiedUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters live in the cache: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def claire():
    return VerifiedUserFactory(email="claire@exemple.test")


def test_repeated_failed_logins_on_one_account_block_it_with_a_french_message(client, claire):
    for _ in range(5):
        client.post("/comptes/login/", {"login": claire.email, "password": "mauvais"})

    # Even the right password is refused until the counter expires.
    response = client.post("/comptes/login/", {"login": claire.email, "password": PASSWORD})

    assert response.status_code == 200
    assert "Trop de tentatives de connexion échouées" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_too_many_login_attempts_from_one_address_answer_429_with_a_french_page(
    client, claire, settings
):
    # The platform's limit is 30 a minute per IP address; a lower one keeps the test short.
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}
    for _ in range(3):
        client.post("/comptes/login/", {"login": claire.email, "password": "mauvais"})

    response = client.post("/comptes/login/", {"login": claire.email, "password": PASSWORD})

    page = response.content.decode()
    assert response.status_code == 429
    assert '<html lang="fr"' in page
    assert "<h1>Trop de tentatives</h1>" in page
    assert "Erreur 429" in page
    assert 'class="fr-header"' in page
    assert "_auth_user_id" not in client.session


def test_the_platform_limits_failed_logins_and_signups_through_the_cache(settings):
    limits = settings.ACCOUNT_RATE_LIMITS

    assert limits["login_failed"]
    assert limits["signup"]
    assert limits["login"]
