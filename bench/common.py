"""What the benchmark scripts share: a throw-away database, ports, percentiles, waiting.

The scripts are run as ``.venv/bin/python bench/<script>.py``: this folder is on
``sys.path`` (as the script's own), the repository root is added by ``ROOT``.
"""

import contextlib
import os
import shutil
import socket
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(__file__).resolve().parent


def free_port(start: int | None = None, end: int | None = None) -> int:
    """A free loopback port: the first free one of ``start..end`` if given, else any."""
    candidates = range(start, end + 1) if start and end else [0]
    for candidate in candidates:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise RuntimeError(f"aucun port libre entre {start} et {end}")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def _recreate(admin_url: str, name: str, *, drop_only: bool = False) -> None:
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{name}"')


def _with_name(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def bench_database_name(url: str) -> str:
    """The database a benchmark may drop on the server of ``url``: never ``url``'s own,
    unless its name already says it is a benchmark's (ends in ``bench``)."""
    name = urlsplit(url).path.lstrip("/") or "cop"
    return name if name.endswith("bench") else f"{name}_bench"


@contextlib.contextmanager
def throwaway_database(prefix: str) -> Iterator[tuple[str, Path]]:
    """Yield ``(database URL, scratch folder)``: a database that is gone afterwards.

    With ``DATABASE_URL`` set, a database of that server (named by
    ``bench_database_name``) is dropped and created, and dropped at the end, even
    after an error. Without it, an embedded PostgreSQL (``config.embedded``) is
    started with its data in the scratch folder, which is removed at the end.
    """
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    given = os.environ.get("DATABASE_URL", "")
    try:
        if given:
            name = bench_database_name(given)
            admin = _with_name(given, "postgres")
            _recreate(admin, name)
            try:
                yield _with_name(given, name), folder
            finally:
                _recreate(admin, name, drop_only=True)
        else:
            from config.embedded import embedded_database

            with embedded_database(folder / "pg") as url:
                yield url, folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def wait_until_up(base: str, process, deadline: float, path: str = "/healthz") -> None:
    """Until ``base + path`` answers 200, or ``RuntimeError`` at ``deadline`` or if it exits."""
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"le serveur s’est arrêté (code {process.returncode}).")
        try:
            with urllib.request.urlopen(base + path, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{base} ne répond pas.")


def stop(process) -> None:
    """Stop a server this script started (by its process id), politely first."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except Exception:
        process.kill()
        process.wait()
