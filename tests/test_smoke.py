"""Smoke test of the embedded default, driven as the README says: ``make run``.

``make run PORT=<free port>`` from an empty ``VAR_DIR`` (never the developer's
``var/``) starts a private PostgreSQL, migrates, imports, seeds the demo and
serves; a demo stakeholder then signs in, opens the groups and searches without
accents. Ctrl-C stops the server and its PostgreSQL.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 150


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env() -> dict[str, str]:
    """The environment of a newcomer: no database, no Redis, no Django settings."""
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "RUN_DATABASE_URL", "REDIS_URL"))
        and k not in {"CELERY_TASK_ALWAYS_EAGER", "PORT", "VAR_DIR", "MAKEFLAGS", "MFLAGS"}
    }


def scratch_dir() -> Path:
    """A fresh folder in the system's temp directory, not under pytest's: pytest keeps
    its base folder private (0700), which the server's own user (as root) cannot cross."""
    return Path(tempfile.mkdtemp(prefix="cop-smoke-"))


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (dead, not yet reaped) still answers kill(0): read its state.
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split(") ")[-1][:1] != "Z"


def postmaster_pid(pgdata: Path) -> int:
    return int((pgdata / "postmaster.pid").read_text().splitlines()[0])


class Browser:
    """urllib with a cookie jar: enough to sign in through the allauth form."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())

    def get(self, path: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(f"{self.base}{path}", data=body, timeout=20) as response:
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.geturl(), error.read().decode()

    def sign_in(self, email: str, password: str) -> str:
        _, _, form = self.get("/comptes/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        _, landed, page = self.get(
            "/comptes/login/",
            {"csrfmiddlewaretoken": token, "login": email, "password": password},
        )
        assert not landed.endswith("/comptes/login/"), "the login form came back"
        return page


class MakeRun:
    """``make run`` in its own process group, as a terminal would run it."""

    def __init__(self, var_dir: Path):
        self.var_dir = var_dir
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = var_dir.parent / "make-run.log"
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "run", f"PORT={self.port}", f"VAR_DIR={var_dir}"],
            cwd=ROOT,
            env=clean_env(),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        return self.log_path.read_text()

    def wait_until_served(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.output()
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=5):
                    return
            except OSError:
                time.sleep(0.5)
        pytest.fail(f"make run did not serve within {STARTUP_SECONDS} s:\n{self.output()}")

    def interrupt(self) -> int:
        """Ctrl-C: SIGINT to the whole foreground group; the exit code of make."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
        try:
            return self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            raise
        finally:
            self.log.close()


@pytest.fixture(scope="module")
def make_run():
    scratch = scratch_dir()
    run = MakeRun(scratch / "var")
    try:
        run.wait_until_served()
        run.postgres_pid = postmaster_pid(run.var_dir / "postgres")
        yield run
    finally:
        run.interrupt()
        shutil.rmtree(scratch, ignore_errors=True)


@pytest.fixture
def scratch():
    folder = scratch_dir()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_healthz_reports_postgresql_and_in_process_tasks(make_run):
    _, _, body = Browser(make_run.base).get("/healthz")

    health = json.loads(body)
    assert health["database"] == {"ok": True, "vendor": "postgresql"}
    assert health["cache"]["backend"] == "LocMemCache"
    assert health["workers"] == {"mode": "eager"}
    assert (make_run.var_dir / "postgres" / "PG_VERSION").exists()


def test_a_demo_stakeholder_signs_in_and_sees_the_groups_they_belong_to(make_run):
    browser = Browser(make_run.base)
    assert "acteur@demo.test" in browser.sign_in("acteur@demo.test", "demo-cop-cvl")

    status, _, page = browser.get("/groupes/")

    assert status == 200
    assert "Vous en faites partie" in page


def test_a_search_typed_without_accents_finds_the_demo_contribution_on_boilers(make_run):
    browser = Browser(make_run.base)
    browser.sign_in("acteur@demo.test", "demo-cop-cvl")

    status, _, page = browser.get("/contributions/?q=chaudiere")

    assert status == 200
    assert "Remplacer les chaudières fioul des écoles" in page


def test_ctrl_c_stops_the_server_and_its_postgresql(make_run):
    code = make_run.interrupt()

    assert code != 0  # make reports the interruption
    deadline = time.monotonic() + 15
    while pid_alive(make_run.postgres_pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not pid_alive(make_run.postgres_pid), "the embedded PostgreSQL outlived make run"
    assert not (make_run.var_dir / "postgres" / "postmaster.pid").exists()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{make_run.base}/healthz", timeout=5)


def test_the_embedded_postgresql_stops_even_when_its_launcher_is_killed(scratch):
    """kill -9 leaves no chance to clean up: the guard process stops the server."""
    pgdata = scratch / "pg"
    script = (
        "import time\n"
        "from pathlib import Path\n"
        "from config.embedded import embedded_database\n"
        f"with embedded_database(Path({str(pgdata)!r})) as url:\n"
        "    print(url, flush=True)\n"
        "    time.sleep(120)\n"
    )
    launcher = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**clean_env(), "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        lines = iter(launcher.stdout.readline, "")
        url = next(line for line in lines if line.startswith("postgres://"))
        assert url.startswith("postgres://postgres@/cop?host=")
        pid = postmaster_pid(pgdata)
        assert pid_alive(pid)

        launcher.kill()
        launcher.wait()

        deadline = time.monotonic() + 20
        while pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not pid_alive(pid), "the embedded PostgreSQL outlived its launcher"
    finally:
        launcher.kill()
        launcher.wait()
