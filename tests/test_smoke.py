"""Smoke test of the embedded default (`make run`): SQLite, no Redis, DEBUG on.

Migrate, import the geography, seed the demo and serve with the development
server in subprocesses, as a newcomer would, then fetch a few pages over HTTP.
"""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def manage(*args: str, env: dict[str, str], timeout: int = 120) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}"


@pytest.fixture(scope="module")
def embedded_site(tmp_path_factory):
    """The base URL of a development server on a fresh embedded database."""
    tmp = tmp_path_factory.mktemp("embedded")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "CELERY_"))
    }
    env.update(
        DJANGO_DEBUG="1",
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(tmp / "media"),
        PYTHONUNBUFFERED="1",
    )
    manage("migrate", "--noinput", env=env)
    manage("import_territories", env=env)
    manage("seed_demo", env=env)

    port = free_port()
    log = (tmp / "runserver.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):  # up to ~30 s for the server to listen
            if server.poll() is not None:
                break
            try:
                fetch(f"{base}/healthz")
                break
            except OSError:
                time.sleep(0.2)
        assert server.poll() is None, (tmp / "runserver.log").read_text()
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_the_home_page_names_the_cop_in_the_dsfr_header(embedded_site):
    status, body = fetch(f"{embedded_site}/")

    assert status == 200
    assert 'class="fr-header"' in body
    assert "COP Planification Action" in body


def test_a_demo_account_logs_in_with_the_demo_password(embedded_site):
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    with browser.open(f"{embedded_site}/comptes/login/", timeout=10) as response:
        form = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "login": "etat@demo.test", "password": "demo-cop-cvl"}
    ).encode()

    with browser.open(f"{embedded_site}/comptes/login/", data=data, timeout=10) as response:
        landed, page = response.geturl(), response.read().decode()

    assert not landed.endswith("/comptes/login/"), "the login form came back"
    assert "etat@demo.test" in page


def test_the_territory_search_finds_orleans_without_accents(embedded_site):
    status, body = fetch(f"{embedded_site}/territoires/?q=orleans")

    assert status == 200
    assert "Orléans" in body


def test_healthz_reports_the_sqlite_database_and_in_process_tasks(embedded_site):
    status, body = fetch(f"{embedded_site}/healthz")

    health = json.loads(body)
    assert status == 200
    assert health["database"] == {"ok": True, "vendor": "sqlite"}
    assert health["cache"]["backend"] == "LocMemCache"
    assert health["workers"] == {"mode": "eager"}
