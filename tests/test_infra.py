"""The real stack's description: docker-compose accepts it and it has what production needs.

No Docker engine runs here; ``docker-compose config`` validates and resolves
the file without one.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = shutil.which("docker-compose")
COMPOSE_FILE = ["--project-directory", str(ROOT), "-f", str(ROOT / "docker-compose.yml")]

pytestmark = pytest.mark.skipif(
    COMPOSE is None,
    reason="no docker-compose binary (Debian package docker-compose; .ci/run installs it)",
)


def compose_config(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``docker-compose config`` on the project's file, with only the given variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "POSTGRES_"))}
    return subprocess.run(
        [COMPOSE, *COMPOSE_FILE, "config", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


REQUIRED = {"DJANGO_SECRET_KEY": "x" * 60, "POSTGRES_PASSWORD": "secret"}


@pytest.fixture(scope="module")
def resolved():
    result = compose_config(**REQUIRED)
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)


def test_docker_compose_accepts_the_file():
    result = compose_config("-q", **REQUIRED)

    assert result.returncode == 0, result.stderr


def test_docker_compose_refuses_to_start_without_a_secret_key():
    result = compose_config("-q", POSTGRES_PASSWORD="secret")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_the_stack_has_a_database_a_broker_a_migration_job_the_web_and_a_worker(resolved):
    assert set(resolved["services"]) >= {"db", "redis", "migrate", "web", "worker"}


def test_the_worker_consumes_the_pdf_queue(resolved):
    command = resolved["services"]["worker"]["command"]
    queues = command[command.index("-Q") + 1].split(",")

    assert command[:4] == ["celery", "-A", "config", "worker"]
    assert "pdf" in queues
    assert "celery" in queues


def test_web_and_worker_start_only_after_a_successful_migration(resolved):
    for name in ("web", "worker"):
        depends = resolved["services"][name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully"
    assert resolved["services"]["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_the_web_is_checked_through_healthz_in_production_mode(resolved):
    web = resolved["services"]["web"]

    assert "/healthz" in " ".join(web["healthcheck"]["test"])
    assert web["environment"]["DJANGO_DEBUG"] == "0"
    assert web["environment"]["DATABASE_URL"].startswith("postgres://")
    assert web["environment"]["REDIS_URL"].startswith("redis://")


def test_the_database_and_the_media_survive_a_restart(resolved):
    assert "pgdata" in resolved["volumes"]
    assert "media" in resolved["volumes"]
    for name in ("web", "worker"):
        volumes = resolved["services"][name]["volumes"]
        assert any(v.startswith("media:") for v in volumes)


def test_the_web_counts_one_trusted_proxy_in_front_of_it(resolved):
    # Without it, behind the proxy, every sign-in would come from the proxy's address.
    assert resolved["services"]["web"]["environment"]["DJANGO_TRUSTED_PROXY_COUNT"] == "1"
