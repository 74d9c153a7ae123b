"""Behind nginx, Django checks the permission and nginx sends the bytes (X-Accel-Redirect).

A real nginx (Debian's) is started on loopback with a private configuration,
in front of Django, and stopped after. Django runs in a thread of the test
(a plain WSGI server: pytest-django's ``live_server`` serves ``MEDIA_URL``
itself, around the project's URLs, so it would not test the view).
"""

import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from django.core.files.base import ContentFile
from django.core.handlers.wsgi import WSGIHandler
from django.db import connections

from tests.workshops.factories import GroupDocumentFactory, MeetingFactory, WorkingGroupFactory
from workshops.models import MeetingAttachment

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed"),
]

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
PORTS = range(17600, 17700)

# The two locations the README documents for production.
CONFIG = """
daemon off;
user root;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass {upstream};
            proxy_set_header Host $http_host;
        }}
        location /protected-media/ {{
            internal;
            alias {media}/;
            # nginx keeps Content-Type and Content-Disposition of the redirecting
            # response, not the other headers: they are copied from Django's.
            add_header X-Content-Type-Options $upstream_http_x_content_type_options always;
            add_header Content-Security-Policy $upstream_http_content_security_policy always;
            add_header Cache-Control $upstream_http_cache_control always;
        }}
    }}
}}
"""


def free_port(*, besides: int = 0) -> int:
    for port in PORTS:
        with socket.socket() as probe:
            if port != besides and probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in 17600-17699")


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def django_server(transactional_db):
    """The project's WSGI application on loopback, its connections closed after each request."""
    django = WSGIHandler()

    def app(environ, start_response):
        try:
            yield from django(environ, start_response)
        finally:
            connections.close_all()

    server = make_server("127.0.0.1", free_port(), app, handler_class=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture
def nginx(django_server, settings, tmp_path):
    settings.MEDIA_ACCEL_REDIRECT = "/protected-media/"
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    run = tmp_path / "nginx"
    run.mkdir()
    port = free_port(besides=int(django_server.rsplit(":", 1)[1]))
    conf = run / "nginx.conf"
    conf.write_text(
        CONFIG.format(tmp=run, port=port, upstream=django_server, media=settings.MEDIA_ROOT)
    )
    process = subprocess.Popen(
        ["nginx", "-c", str(conf), "-p", str(run)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        if process.poll() is not None:
            pytest.fail(f"nginx did not start: {process.stderr.read().decode()}")
        time.sleep(0.05)
    yield base
    process.terminate()
    process.wait(timeout=10)
    log = Path(run / "error.log")
    assert "[emerg]" not in (log.read_text() if log.exists() else "")


def fetch(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_nginx_sends_a_public_file_with_the_headers_django_chose(nginx, transactional_db):
    document = GroupDocumentFactory.build(url="", group=WorkingGroupFactory())
    document.file.save("note.pdf", ContentFile(PDF), save=True)

    status, headers, body = fetch(nginx + document.file.url)

    assert status == 200
    assert body == PDF
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"].startswith("attachment; ")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"].startswith("sandbox")
    assert headers["Cache-Control"] == "private, no-cache"
    assert "X-Accel-Redirect" not in headers


def test_nginx_does_not_serve_a_file_django_refuses(nginx, transactional_db):
    attachment = MeetingAttachment(meeting=MeetingFactory(), title="Brouillon")
    attachment.file.save("brouillon.pdf", ContentFile(PDF), save=True)
    name = attachment.file.name

    assert fetch(nginx + attachment.file.url)[0] == 404
    # The internal location cannot be asked for directly.
    assert fetch(f"{nginx}/protected-media/{name}")[0] == 404


def test_nginx_keeps_the_opaque_type_django_gives_a_file_off_the_list(nginx, transactional_db):
    # An SVG stored before uploads were checked: nginx's own types would say image/svg+xml.
    document = GroupDocumentFactory.build(url="", group=WorkingGroupFactory())
    document.file.save("ancien-logo.svg", ContentFile(b"<svg><script>1</script></svg>"), save=True)

    status, headers, _ = fetch(nginx + document.file.url)

    assert status == 200
    assert headers["Content-Type"] == "application/octet-stream"
    assert headers["Content-Disposition"].startswith("attachment; ")
