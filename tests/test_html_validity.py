"""The main pages are valid HTML for the W3C Nu checker (RGAA criterion 8.2).

The pages are rendered by the test client on the demo data (geography, SGPE
levers, ``seed_demo``) and checked in one run of ``vnu.jar`` from npm
(``vnu-jar``), which takes seconds to start. Warnings are allowed, errors not.
"""

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from cop.models import LongJob, User
from cop.services.texts import text_publish, text_save_draft
from panorama.importers import DEFAULT_LEVERS_FILE, read_levers
from panorama.models import Lever
from panorama.services import levers_import
from territories.importers import import_territories
from workshops.models import Contribution, Meeting, WorkingGroup
from workshops.services.meeting_cancellation import meeting_call_off

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture
def demo(db, settings):
    """The demo platform: Centre-Val de Loire, the SGPE levers, the demo accounts and content."""
    settings.COP_REGION_CODE = "24"
    import_territories(region_code="24")
    levers_import(rows=read_levers(DEFAULT_LEVERS_FILE))
    settings.DEBUG = True  # seed_demo refuses to run otherwise
    call_command("seed_demo", stdout=io.StringIO())
    settings.DEBUG = False


def signed_in(email: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(email=email))
    return client


def main_pages() -> list[tuple[str, Client, str, int]]:
    """(name, client, URL, expected status) of every page the test validates."""
    anonymous = Client()
    stakeholder = signed_in("acteur@demo.test")
    staff = signed_in("etat@demo.test")
    group = WorkingGroup.objects.earliest("pk")
    meeting = Meeting.objects.earliest("starts_at")
    contribution = Contribution.objects.earliest("pk")
    lever = Lever.objects.earliest("pk")
    cancelled = meeting_call_off(
        meeting=Meeting.objects.latest("starts_at"),
        by=User.objects.get(email="etat@demo.test"),
        reason="Salle indisponible.",
    )
    agent = User.objects.get(email="etat@demo.test")
    job = LongJob.objects.create(kind="cop.audit_export", owner=agent, progress=30)
    text_save_draft(key="tests.validity", body="# Synthèse\n\nUn texte publié.", author=agent)
    text_publish(key="tests.validity", author=agent)
    return [
        ("accueil", anonymous, "/", 200),
        ("mon espace", stakeholder, "/mon-espace/", 200),
        ("travail long", staff, f"/mon-espace/travaux/{job.pk}/", 200),
        ("versions d’un texte", anonymous, "/textes/tests.validity/versions/", 200),
        ("accueil (connecté)", stakeholder, "/", 200),
        ("calendrier", anonymous, "/calendrier/", 200),
        ("panorama", anonymous, "/panorama/", 200),
        ("levier", anonymous, f"/panorama/leviers/{lever.slug}/", 200),
        ("simulateur", anonymous, "/panorama/simulateur/", 200),
        ("territoires", anonymous, "/territoires/", 200),
        ("département", anonymous, "/territoires/departements/45/", 200),
        ("groupes", stakeholder, "/groupes/", 200),
        ("groupe", stakeholder, f"/groupes/{group.slug}/", 200),
        ("réunions", anonymous, "/reunions/", 200),
        ("réunion", stakeholder, f"/reunions/{meeting.pk}/", 200),
        ("réunion annulée", stakeholder, f"/reunions/{cancelled.pk}/", 200),
        ("annuler une réunion", staff, f"/reunions/{meeting.pk}/annuler/", 200),
        ("contributions", anonymous, "/contributions/", 200),
        ("contribution", stakeholder, f"/contributions/{contribution.pk}/", 200),
        ("connexion", anonymous, "/comptes/login/", 200),
        ("profil", stakeholder, "/profil/", 200),
        ("modération", staff, "/moderation/", 200),
        ("page introuvable", anonymous, "/cette-page-n-existe-pas/", 404),
        ("inscription", anonymous, "/comptes/signup/", 200),
        ("EPCI", anonymous, "/territoires/epci/244500468/", 200),
        ("commune", anonymous, "/territoires/communes/45234/", 200),
        ("biodiversité", anonymous, "/panorama/biodiversite-ressources/", 200),
        ("scénarios", stakeholder, "/panorama/scenarios/", 200),
        ("nouvelle contribution", stakeholder, "/contributions/nouvelle/", 200),
        ("nouvelle réunion", staff, "/reunions/nouvelle/", 200),
        ("synthèse", staff, f"/groupes/{group.slug}/synthese/", 200),
        ("adhésions", staff, "/suivi/adhesions/", 200),
        ("journal", staff, "/suivi/journal/", 200),
        ("rôles", staff, "/suivi/roles/", 200),
        ("notifications", stakeholder, "/profil/notifications/", 200),
        ("accessibilité", anonymous, "/accessibilite/", 200),
        ("import", staff, "/panorama/import/", 200),
        ("interdit", stakeholder, "/suivi/journal/", 403),
    ]


def validate(files: list[Path]) -> list[dict]:
    """The Nu checker's messages on ``files``, from one run."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.stdout, f"vnu.jar printed nothing:\n{result.stderr}"
    return json.loads(result.stdout)["messages"]


def test_the_main_pages_have_no_html_error(demo, tmp_path):
    if shutil.which("java") is None or not VNU.exists():
        pytest.fail("Java and node_modules/vnu-jar are needed (make install).")
    pages: dict[str, str] = {}  # file name -> page
    for number, (name, client, url, status) in enumerate(main_pages()):
        response = client.get(url)
        assert response.status_code == status, f"{name} ({url}): {response.status_code}"
        path = tmp_path / f"{number:02d}.html"
        path.write_bytes(response.content)
        pages[path.name] = f"{name} ({url})"

    messages = validate(sorted(tmp_path / name for name in pages))

    errors = [
        f"{pages.get(Path(m.get('url', '?')).name, m.get('url', '?'))}, "
        f"ligne {m.get('lastLine', '?')}: {m['message']} "
        f"[{' '.join(m.get('extract', '').split())}]"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]
    print("\n".join(errors))
    assert not errors, f"{len(errors)} erreurs HTML :\n" + "\n".join(errors)
