"""Sign-in limits behind the reverse proxy count each client, not the proxy.

A real stack on loopback: Debian's nginx (appending the client's address to
X-Forwarded-For) in front of gunicorn serving the project, with
DJANGO_TRUSTED_PROXY_COUNT=1. Two clients are told apart by their source
address (127.0.0.2 and 127.0.0.3: all of 127/8 is loopback).
"""

import http.client
import os
import re
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from tests.factories import PASSWORD
from tests.servers import gunicorn, nginx

pytestmark = pytest.mark.slow

NGINX_PORT, GUNICORN_PORT = 17700, 17701
ATTACKER, PUBLISHER = "127.0.0.2", "127.0.0.3"


class Browser:
    """A client with its own source address and cookies, through the proxy."""

    def __init__(self, address: str):
        self.address = address
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, *, body: str = "", headers=None):
        conn = http.client.HTTPConnection(
            "127.0.0.1", NGINX_PORT, timeout=60, source_address=(self.address, 0)
        )
        all_headers = {"Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn.request(method, path, body=body, headers=all_headers)
        response = conn.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        conn.close()
        return response.status, text

    def sign_in(self, email: str, password: str, *, forwarded_for: str | None = None):
        _status, page = self.request("GET", "/comptes/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{NGINX_PORT}/comptes/login/",
        }
        if forwarded_for:
            headers["X-Forwarded-For"] = forwarded_for
        body = urlencode({"csrfmiddlewaretoken": token, "login": email, "password": password})
        return self.request("POST", "/comptes/login/", body=body, headers=headers)


def cache_location() -> str:
    cache = settings.CACHES["default"]
    return cache["LOCATION"] if cache["BACKEND"].endswith("RedisCache") else ""


@pytest.fixture
def stack(transactional_db, tmp_path):
    """gunicorn (one trusted proxy) behind nginx, on the test database and Redis index."""
    database = connection.settings_dict
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")} | {
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        # The Redis index this test process clears between tests (see conftest).
        "REDIS_URL": cache_location(),
        "DJANGO_TRUSTED_PROXY_COUNT": "1",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_CONN_MAX_AGE": "0",
        "CELERY_TASK_ALWAYS_EAGER": "1",
    }
    with (
        gunicorn(port=GUNICORN_PORT, env=env, tmp=tmp_path),
        nginx(port=NGINX_PORT, upstream=GUNICORN_PORT, tmp=tmp_path),
    ):
        yield


@pytest.fixture
def signataire(region_publisher):
    """The Region publisher, with a password the server's own hasher reads."""
    region_publisher.password = PBKDF2PasswordHasher().encode(PASSWORD, "selfixe12345")
    region_publisher.save(update_fields=["password"])
    return region_publisher


def test_bad_passwords_from_one_client_do_not_lock_out_another_behind_the_proxy(stack, signataire):
    attacker = Browser(ATTACKER)
    # Ten bad passwords on as many accounts, each with a made-up X-Forwarded-For
    # that nginx keeps on the left of the real address.
    for n in range(10):
        attacker.sign_in(f"inconnu{n}@exemple.test", "mauvais", forwarded_for=f"10.0.0.{n}")

    status, page = attacker.sign_in("autre@exemple.test", "mauvais", forwarded_for="10.9.9.9")
    assert status in (200, 429)
    assert "Trop de tentatives" in page

    publisher = Browser(PUBLISHER)
    status, _page = publisher.sign_in(signataire.email, PASSWORD)
    assert status == 302, "the Region publisher is refused with the right password"
    assert "sessionid" in publisher.cookies
