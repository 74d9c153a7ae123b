"""Production settings: ``check --deploy`` is clean and the protections are in force.

Settings are read once, at start-up, from the environment: each test runs
Django in a subprocess with production values rather than patching settings.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
HOST = "cop.example.gouv.fr"

# Runs inside a production-configured Django and prints what a browser would see.
PROBE = """
import json
import django
from django.conf import settings
from django.test import Client

django.setup()
# Static files are collected at image build time (Dockerfile), not here: the
# manifest storage would refuse to name files it has not collected.
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
client = Client(HTTP_HOST="cop.example.gouv.fr")
plain = client.get("/")
health = client.get("/healthz")
secure = client.get("/healthz", HTTP_X_FORWARDED_PROTO="https")
login = client.get("/comptes/login/", HTTP_X_FORWARDED_PROTO="https")
csrf = login.cookies.get(settings.CSRF_COOKIE_NAME)
print(json.dumps({
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location"),
    "health_status": health.status_code,
    "hsts": secure.get("Strict-Transport-Security"),
    "csp": login.get("Content-Security-Policy"),
    "login_status": login.status_code,
    "csrf_cookie_secure": bool(csrf and csrf["secure"]),
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
    "session_cookie_httponly": settings.SESSION_COOKIE_HTTPONLY,
}))
"""


def production_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL"))}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_SETTINGS_MODULE="config.settings",
        PYTHONPATH=str(ROOT),
    )
    return env


def test_check_deploy_passes_with_production_values():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_with_the_development_secret():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stdout + result.stderr


@pytest.fixture(scope="module")
def production_responses():
    env = production_env()
    # The probe only needs a database that answers: the server's maintenance database.
    env["DATABASE_URL"] = urlunsplit(urlsplit(env["DATABASE_URL"])._replace(path="/postgres"))
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_plain_http_is_redirected_to_https_behind_the_proxy(production_responses):
    assert production_responses["plain_status"] == 301
    assert production_responses["plain_location"] == f"https://{HOST}/"


def test_healthz_answers_on_plain_http_for_the_load_balancer(production_responses):
    assert production_responses["health_status"] == 200


def test_https_responses_carry_hsts_for_a_year_with_subdomains(production_responses):
    hsts = production_responses["hsts"]
    assert hsts is not None
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts


def test_pages_carry_a_content_security_policy_without_inline_scripts(production_responses):
    csp = production_responses["csp"]
    assert csp is not None
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"].startswith("'self'")
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"


def test_cookies_are_secure_in_production(production_responses):
    assert production_responses["login_status"] == 200
    assert production_responses["csrf_cookie_secure"] is True
    assert production_responses["session_cookie_secure"] is True
    assert production_responses["session_cookie_httponly"] is True


@pytest.mark.parametrize("database_url", [None, "sqlite:///db.sqlite3"])
def test_the_settings_refuse_anything_but_a_postgresql_database(database_url):
    env = production_env()
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
    assert "PostgreSQL" in result.stderr
