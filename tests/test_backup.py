"""A backup restores: the README's ``pg_dump``/``pg_restore`` and media tar, end to end.

Data is seeded in the test database, dumped with ``pg_dump -Fc``, restored into
a fresh database with ``pg_restore``, and the media folder goes through ``tar``.
Then every table has the same number of rows, every sequence the same value, and
a few pages and a file render the same from the restored database as from the
original (``manage.py shell`` in a subprocess pointed at each).
"""

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import timezone

from tests.factories import DocumentFactory, MembershipFactory, PlenarySessionFactory
from tests.workshops.factories import (
    CommentFactory,
    ContributionFactory,
    GroupDocumentFactory,
    MeetingFactory,
    RegistrationFactory,
    SupportFactory,
    WorkingGroupFactory,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (shutil.which("pg_dump") and shutil.which("pg_restore")),
        reason="the PostgreSQL client (pg_dump, pg_restore) is not installed",
    ),
]

ROOT = Path(__file__).resolve().parent.parent
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"

# Renders pages as a visitor and prints a digest of each: the nonce and CSRF
# token change on every request, everything else must be identical.
PROBE = r"""
import hashlib, json, os, re
import django
django.setup()
from django.test import Client

client = Client(HTTP_HOST="localhost")
result = {}
for url in json.loads(os.environ["PROBE_PAGES"]):
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    body = re.sub(rb'(nonce|value)="[A-Za-z0-9+/=_-]{20,}"', b'\\1=""', body)
    result[url] = [response.status_code, hashlib.sha256(body).hexdigest()]
print(json.dumps(result))
"""


def database_url(name: str) -> str:
    params = connection.settings_dict
    user = quote(params["USER"] or "postgres")
    password = f":{quote(params['PASSWORD'])}" if params["PASSWORD"] else ""
    host = params["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{params['PORT'] or 5432}/{name}"


def run(*command: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}{result.stderr}"
    return result.stdout


def table_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url, autocommit=True) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        counts = {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        for name, value in db.execute(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
        ):
            counts[f"sequence {name}"] = value or 0
    return counts


def render(urls: list[str], *, database: str, media: Path) -> dict[str, list]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "CELERY_"))
    }
    # No Redis: a page cached by the first run must not answer for the second.
    env.update(
        DJANGO_DEBUG="1",
        DATABASE_URL=database,
        DJANGO_MEDIA_ROOT=str(media),
        PROBE_PAGES=json.dumps(urls),
    )
    output = run(sys.executable, "manage.py", "shell", "-c", PROBE, env=env)
    return json.loads(output.strip().splitlines()[-1])


@pytest.fixture
def seeded(transactional_db, settings):
    """A little of everything the platform holds, committed, with a stored file."""
    group = WorkingGroupFactory(slug="mobilite", name="Mobilité")
    past = MeetingFactory(group=group, starts_at=timezone.now() - dt.timedelta(days=3))
    past.minutes, past.minutes_published_at = "Le covoiturage progresse.", timezone.now()
    past.save()
    RegistrationFactory(meeting=past)
    contributions = ContributionFactory.create_batch(3, group=group)
    CommentFactory(contribution=contributions[0])
    SupportFactory(contribution=contributions[1])
    MembershipFactory()
    plenary = PlenarySessionFactory()
    DocumentFactory(plenary=plenary, edition=plenary.edition)
    document = GroupDocumentFactory.build(group=group, url="")
    document.file.save("feuille de route.pdf", ContentFile(PDF), save=True)
    return {
        "pages": [
            "/",
            "/calendrier/",
            "/groupes/",
            "/groupes/mobilite/",
            f"/reunions/{past.pk}/",
            "/contributions/",
            f"/contributions/{contributions[0].pk}/",
            document.file.url,
        ],
        "media": Path(settings.MEDIA_ROOT),
    }


@pytest.fixture
def restored_name():
    name = f"{connection.settings_dict['NAME']}_restore"
    admin = database_url("postgres")
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_dump_restores_into_a_fresh_database_with_the_same_rows_and_pages(
    seeded, restored_name, tmp_path
):
    source = database_url(connection.settings_dict["NAME"])
    restored = database_url(restored_name)
    dump, archive = tmp_path / "cop.dump", tmp_path / "media.tar.gz"

    # The README's commands.
    run("pg_dump", "--format=custom", f"--file={dump}", source)
    run("tar", "-czf", str(archive), "-C", str(seeded["media"]), ".")
    run("pg_restore", "--no-owner", "--no-privileges", f"--dbname={restored}", str(dump))
    media_copy = tmp_path / "media-restored"
    media_copy.mkdir()
    run("tar", "-xzf", str(archive), "-C", str(media_copy))

    before, after = table_counts(source), table_counts(restored)
    assert before["workshops_contribution"] == 3
    assert before["workshops_groupdocument"] == 1
    assert after == before
    pages_before = render(seeded["pages"], database=source, media=seeded["media"])
    pages_after = render(seeded["pages"], database=restored, media=media_copy)
    assert {url: status for url, (status, _) in pages_before.items()} == dict.fromkeys(
        seeded["pages"], 200
    )
    assert pages_after == pages_before
