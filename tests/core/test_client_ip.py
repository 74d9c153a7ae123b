"""The client's address behind a configured number of trusted proxies, never spoofable."""

import pytest
from django.test import RequestFactory

from core.ratelimit import client_ip
from tests.factories import VerifiedUserFactory


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_address_is_the_connections(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_ip(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_behind_one_proxy_the_client_is_the_address_it_appended(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(request_from("127.0.0.1", "203.0.113.7")) == "203.0.113.7"


def test_what_the_client_writes_in_x_forwarded_for_itself_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    spoofed = request_from("127.0.0.1", "198.51.100.1, 10.0.0.1,203.0.113.7")

    assert client_ip(spoofed) == "203.0.113.7"


def test_behind_two_proxies_the_client_is_second_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    request = request_from("127.0.0.1", "198.51.100.1, 203.0.113.7, 192.0.2.10")

    assert client_ip(request) == "203.0.113.7"


def test_a_request_that_skipped_a_proxy_is_keyed_on_the_outermost_entry(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    assert client_ip(request_from("127.0.0.1", "203.0.113.7")) == "203.0.113.7"
    assert client_ip(request_from("127.0.0.1")) == "127.0.0.1"


@pytest.mark.parametrize("junk", ["pas-une-adresse", " , ,", "\x00", "999.1.1.1", "x" * 5000])
def test_junk_in_x_forwarded_for_falls_back_to_the_connection(settings, junk):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(request_from("127.0.0.1", junk)) == "127.0.0.1"


def test_ipv6_addresses_are_written_one_way(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(request_from("::1", "2001:DB8::0:1")) == "2001:db8::1"


def test_sign_in_through_fewer_proxies_than_configured_is_not_a_500(client, settings, db):
    # allauth's own reading of the header refuses this with ImproperlyConfigured.
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    user = VerifiedUserFactory(email="claire@exemple.test")

    response = client.post(
        "/comptes/login/",
        {"login": user.email, "password": "mauvais"},
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
