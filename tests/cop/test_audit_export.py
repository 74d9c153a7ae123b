"""Staff export the audit log as a CSV file, prepared by a long job."""

import csv
import io

import pytest

from cop import audit
from cop.exports import AUDIT_EXPORT
from cop.models import LongJob, RoleAssignment
from cop.tasks import run_long_job


@pytest.fixture(autouse=True)
def _production_mode(settings):
    settings.DEBUG = False


@pytest.fixture
def events(staff, stakeholder):
    audit.record(actor=staff, action="membership.approve", target=stakeholder, note="=SOMME(A1)")
    audit.record(actor=staff, action="membership.decline", target=stakeholder)
    audit.record(actor=None, action="contribution.hide", target=None, reason="hors sujet")


def rows_of(job) -> list[list[str]]:
    text = job.result.read().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def test_staff_export_the_filtered_audit_log_and_download_it(
    staff_client, events, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post("/suivi/journal/export/", {"action": "membership"})

    job = LongJob.objects.get()
    rows = rows_of(job)
    download = staff_client.get(job.result.url)

    assert response.status_code == 302
    assert response["Location"] == f"/mon-espace/travaux/{job.pk}/"
    assert job.kind == AUDIT_EXPORT
    assert job.status == LongJob.Status.DONE
    assert rows[0] == [
        "Date",
        "Auteur",
        "Action",
        "Type d’objet",
        "Identifiant",
        "Objet",
        "Détails",
    ]
    assert [row[2] for row in rows[1:]] == ["membership.decline", "membership.approve"]
    assert rows[2][1] == "agent-etat@exemple.test"
    assert rows[2][6] == '{"note": "=SOMME(A1)"}'  # JSON, never a formula cell
    assert download.status_code == 200
    assert "journal-des-actions" in download["Content-Disposition"]


def test_the_audit_log_page_offers_the_export_of_what_it_shows(staff_client, events):
    page = staff_client.get("/suivi/journal/?action=membership").content.decode()

    assert 'action="/suivi/journal/export/"' in page
    assert 'name="action" value="membership"' in page


def test_people_who_are_not_staff_cannot_export_the_audit_log(
    citizen_client, stakeholder_client, facilitator_client, visitor, events
):
    for client in (citizen_client, stakeholder_client, facilitator_client):
        assert client.post("/suivi/journal/export/").status_code == 403
    assert visitor.post("/suivi/journal/export/").status_code == 302
    assert not LongJob.objects.exists()


def test_an_agent_whose_role_was_revoked_before_the_run_gets_no_file(staff, events):
    job = LongJob.objects.create(kind=AUDIT_EXPORT, owner=staff, params={})
    RoleAssignment.objects.filter(user=staff).delete()

    run_long_job(job.pk)

    job.refresh_from_db()
    assert job.status == LongJob.Status.FAILED
    assert not job.result
    assert "réservé aux agents" in job.message
