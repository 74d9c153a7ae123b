"""Real servers on loopback for the tests that need them: gunicorn, nginx in front, Redis.

Each is a context manager that starts the server on the given port, waits until
it answers and stops it (the process it started, by its id) on the way out.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NGINX_CONF = """
{user}
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{upstream};
            proxy_set_header Host $host;
            # As in the README: the client's address appended to what it sent.
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
}}
"""


def wait_for_port(port: int, process: subprocess.Popen, *, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server on port {port} exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}")


@contextlib.contextmanager
def running(command: list[str], *, port: int, env=None, log: Path) -> Iterator[subprocess.Popen]:
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            wait_for_port(port, process)
            yield process
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@contextlib.contextmanager
def gunicorn(*, port: int, env: dict[str, str], tmp: Path) -> Iterator[subprocess.Popen]:
    """The project served by gunicorn on 127.0.0.1:``port`` with ``env`` as its environment."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--timeout",
        "120",
    ]
    full_env = {**env, "PYTHONPATH": str(ROOT), "DJANGO_SETTINGS_MODULE": "config.settings"}
    with running(command, port=port, env=full_env, log=tmp / "gunicorn.log") as process:
        yield process


def nginx_binary() -> str | None:
    return shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")


@contextlib.contextmanager
def nginx(*, port: int, upstream: int, tmp: Path) -> Iterator[subprocess.Popen]:
    """Debian's nginx on 127.0.0.1:``port`` as the reverse proxy of 127.0.0.1:``upstream``."""
    binary = nginx_binary()
    assert binary, "nginx is not installed (apt-get install nginx; .ci/run does it)"
    conf = tmp / "nginx.conf"
    # Run as root (CI), the workers would otherwise drop to "nobody", who cannot
    # enter pytest's private temporary folder.
    user = "user root;" if os.geteuid() == 0 else ""
    conf.write_text(NGINX_CONF.format(user=user, tmp=tmp, port=port, upstream=upstream))
    command = [binary, "-p", str(tmp), "-c", str(conf)]
    with running(command, port=port, log=tmp / "nginx.log") as process:
        yield process
