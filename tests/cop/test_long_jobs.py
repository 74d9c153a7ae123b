"""Long jobs: started in a request, run once by a worker, followed and downloaded by
their owner, failed with a French message, deleted with their file when expired."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cop.jobs import register_job_kind, unregister_job_kind
from cop.models import LongJob, QueuedTask
from cop.services.jobs import job_run, job_start, jobs_purge_expired
from cop.tasks import purge_expired_jobs, run_long_job

KIND = "tests.report"
seen_progress: list[tuple[int, str]] = []


def report_runner(job, progress):
    progress(40, "Calcul des lignes")
    seen_progress.append(
        (LongJob.objects.get(pk=job.pk).progress, LongJob.objects.get(pk=job.pk).message)
    )
    return f"rapport-{job.params['year']}.csv", "année;total\r\n2024;12\r\n".encode()


def broken_runner(job, progress):
    raise RuntimeError("connection reset by peer at 10.0.0.3")


def lost_file_runner(job, progress):
    return "rapport.csv", Path("/nonexistent/rapport.csv")


def refusing_runner(job, progress):
    raise ValidationError("Aucune donnée pour l’année demandée.")


@pytest.fixture(autouse=True)
def _production_mode(settings):
    settings.DEBUG = False


@pytest.fixture
def report_kind():
    seen_progress.clear()
    register_job_kind(KIND, report_runner, title="Rapport de test")
    yield KIND
    unregister_job_kind(KIND)


def started(owner, django_capture_on_commit_callbacks, kind=KIND, **params):
    """A job started as a view starts it, its task run after the commit (eager Celery)."""
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(kind=kind, owner=owner, params=params or {"year": 2024})
    job.refresh_from_db()
    return job


def test_a_job_runs_after_the_commit_and_its_owner_downloads_the_file(
    stakeholder, stakeholder_client, report_kind, django_capture_on_commit_callbacks
):
    job = started(stakeholder, django_capture_on_commit_callbacks)

    page = stakeholder_client.get(f"/mon-espace/travaux/{job.pk}/").content.decode()
    download = stakeholder_client.get(job.result.url)

    assert job.status == LongJob.Status.DONE
    assert job.progress == 100
    assert seen_progress == [(40, "Calcul des lignes")]  # seen while it ran
    assert job.result.name.startswith("jobs/")
    assert job.result.name.endswith(".csv")
    assert "Télécharger le fichier" in page
    assert job.result.url in page
    assert "every 2s" not in page  # done: the page stops polling
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == "année;total\r\n2024;12\r\n".encode()
    assert not QueuedTask.objects.exists()  # the outbox row is gone once the task ran


def test_running_the_task_twice_changes_nothing_the_second_time(
    stakeholder, report_kind, django_capture_on_commit_callbacks
):
    job = started(stakeholder, django_capture_on_commit_callbacks)
    before = LongJob.objects.filter(pk=job.pk).values().get()

    run_long_job(job.pk)
    assert job_run(job_id=job.pk) is False

    assert LongJob.objects.filter(pk=job.pk).values().get() == before
    assert len(seen_progress) == 1  # the runner ran once
    assert len(list((Path(job.result.storage.location) / "jobs").rglob("*.csv"))) == 1


def test_a_second_delivery_while_the_first_runs_does_nothing(stakeholder, report_kind):
    job = LongJob.objects.create(kind=KIND, owner=stakeholder, params={"year": 2024})
    LongJob.objects.filter(pk=job.pk).update(status=LongJob.Status.RUNNING)

    assert job_run(job_id=job.pk) is False

    job.refresh_from_db()
    assert job.status == LongJob.Status.RUNNING
    assert not job.result
    assert seen_progress == []


def test_a_job_that_crashes_fails_with_a_french_message_that_hides_the_error(
    stakeholder, stakeholder_client, django_capture_on_commit_callbacks
):
    register_job_kind("tests.broken", broken_runner)
    try:
        job = started(stakeholder, django_capture_on_commit_callbacks, kind="tests.broken")
    finally:
        unregister_job_kind("tests.broken")

    page = stakeholder_client.get(f"/mon-espace/travaux/{job.pk}/").content.decode()

    assert job.status == LongJob.Status.FAILED
    assert job.finished_at is not None
    assert "n’a pas pu aboutir" in job.message
    assert "10.0.0.3" not in page
    assert "n’a pas pu aboutir" in page
    assert "every 2s" not in page
    assert "Télécharger" not in page


def test_a_runner_that_refuses_fails_the_job_with_its_own_message(
    stakeholder, django_capture_on_commit_callbacks
):
    register_job_kind("tests.refusing", refusing_runner)
    try:
        job = started(stakeholder, django_capture_on_commit_callbacks, kind="tests.refusing")
    finally:
        unregister_job_kind("tests.refusing")

    assert job.status == LongJob.Status.FAILED
    assert job.message == "Aucune donnée pour l’année demandée."


def test_an_unknown_kind_or_oversized_parameters_are_refused_and_nothing_is_recorded(
    stakeholder, report_kind
):
    with pytest.raises(ValidationError, match="n’existe pas"):
        job_start(kind="tests.nothing", owner=stakeholder, params={})
    with pytest.raises(ValidationError, match="trop longs"):
        job_start(kind=KIND, owner=stakeholder, params={"ids": list(range(5000))})

    assert not LongJob.objects.exists()
    assert not QueuedTask.objects.exists()


def test_a_job_waiting_or_running_polls_its_status_with_htmx(
    stakeholder, stakeholder_client, report_kind
):
    job = LongJob.objects.create(kind=KIND, owner=stakeholder, params={"year": 2024})
    LongJob.objects.filter(pk=job.pk).update(
        status=LongJob.Status.RUNNING, progress=55, message="Lignes 550 sur 1000"
    )

    page = stakeholder_client.get(f"/mon-espace/travaux/{job.pk}/").content.decode()
    partial = stakeholder_client.get(
        f"/mon-espace/travaux/{job.pk}/", headers={"HX-Request": "true"}
    ).content.decode()

    assert f'data-hx-get="/mon-espace/travaux/{job.pk}/"' in page
    assert 'data-hx-trigger="every 2s"' in page
    assert 'value="55"' in page
    assert "Lignes 550 sur 1000" in page
    assert partial.lstrip().startswith('<div id="job-status"')
    assert "<html" not in partial
    assert 'data-hx-trigger="every 2s"' in partial


def test_only_the_owner_and_staff_see_a_job_and_download_its_file(
    stakeholder,
    visitor,
    citizen_client,
    staff_client,
    stakeholder_client,
    report_kind,
    django_capture_on_commit_callbacks,
):
    job = started(stakeholder, django_capture_on_commit_callbacks)
    url = f"/mon-espace/travaux/{job.pk}/"

    assert visitor.get(url).status_code == 302  # to the login page
    assert visitor.get(job.result.url).status_code == 404
    refused = citizen_client.get(url)
    assert refused.status_code == 403
    assert "une autre personne" in refused.content.decode()
    assert citizen_client.get(job.result.url).status_code == 404
    assert citizen_client.get("/mon-espace/travaux/999999/").status_code == 404
    assert staff_client.get(url).status_code == 200
    assert staff_client.get(job.result.url).status_code == 200
    assert stakeholder_client.get(url).status_code == 200


def test_expired_jobs_are_deleted_with_their_files_and_no_longer_downloaded(
    stakeholder, stakeholder_client, report_kind, django_capture_on_commit_callbacks
):
    old = started(stakeholder, django_capture_on_commit_callbacks)
    fresh = started(stakeholder, django_capture_on_commit_callbacks)
    old_file = Path(old.result.path)
    LongJob.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))

    # Past its expiry and before the purge: no download any more.
    assert stakeholder_client.get(old.result.url).status_code == 404
    assert "a expiré" in stakeholder_client.get(f"/mon-espace/travaux/{old.pk}/").content.decode()

    assert purge_expired_jobs() == {"deleted": 1, "lost": 0}
    assert purge_expired_jobs() == {"deleted": 0, "lost": 0}  # run twice: nothing more

    assert not old_file.exists()
    assert Path(fresh.result.path).exists()
    assert list(LongJob.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert stakeholder_client.get(f"/mon-espace/travaux/{old.pk}/").status_code == 404


def test_a_job_is_kept_seven_days_by_default(stakeholder, report_kind):
    job = job_start(kind=KIND, owner=stakeholder, params={"year": 2024})

    lifetime = job.expires_at - job.created_at
    assert abs(lifetime - dt.timedelta(days=7)) < dt.timedelta(seconds=5)


def test_a_job_left_running_by_a_dead_worker_is_failed_by_the_purge(settings, stakeholder):
    job = LongJob.objects.create(kind=KIND, owner=stakeholder)
    started_at = timezone.now() - dt.timedelta(seconds=3 * settings.COP_TASK_VISIBILITY_TIMEOUT)
    LongJob.objects.filter(pk=job.pk).update(status=LongJob.Status.RUNNING, started_at=started_at)

    assert jobs_purge_expired() == {"deleted": 0, "lost": 1}

    job.refresh_from_db()
    assert job.status == LongJob.Status.FAILED
    assert "interrompu" in job.message


def test_the_purge_runs_every_hour(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["purge-expired-jobs"]
    assert entry["task"] == "cop.tasks.purge_expired_jobs"


def test_a_result_that_cannot_be_stored_fails_the_job(
    stakeholder, django_capture_on_commit_callbacks
):
    register_job_kind("tests.lost", lost_file_runner)
    try:
        job = started(stakeholder, django_capture_on_commit_callbacks, kind="tests.lost")
    finally:
        unregister_job_kind("tests.lost")

    assert job.status == LongJob.Status.FAILED
    assert not job.result
