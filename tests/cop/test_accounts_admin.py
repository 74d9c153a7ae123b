"""Staff reach the admin through the platform's own login."""

import pytest
from django.core.cache import cache

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_the_admin_login_address_redirects_to_the_platform_login(client):
    response = client.get("/admin/login/")

    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/login/?next=")


def test_a_visitor_opening_the_admin_lands_on_the_platform_login(client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0] == "/comptes/login/?next=%2Fadmin%2F"
    assert "<h1>Se connecter</h1>" in response.content.decode()


def test_staff_log_into_the_admin_through_the_platform_login(client, staff):
    response = client.post(
        "/comptes/login/?next=/admin/", {"login": staff.email, "password": PASSWORD}
    )

    assert response["Location"] == "/admin/"
    page = client.get("/admin/").content.decode()
    assert "Administration de la COP Planification Action" in page


def test_the_header_shows_the_administration_link_to_staff_only(client_of, staff, citizen):
    assert "Administration</a>" in client_of(staff).get("/").content.decode()
    assert "Administration</a>" not in client_of(citizen).get("/").content.decode()


def test_a_signed_in_citizen_is_refused_the_admin_with_a_french_403(client_of, citizen):
    response = client_of(citizen).get("/admin/login/")

    assert response.status_code == 403
    assert "<h1>Accès refusé</h1>" in response.content.decode()
