"""Celery beat sends the daily digest every morning at 7:00, Paris time."""

from pathlib import Path

import yaml
from django.conf import settings

import cop.tasks  # noqa: F401 - registers the tasks with the Celery app
from config.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[2]


def test_the_digest_is_scheduled_every_day_at_seven():
    entry = settings.CELERY_BEAT_SCHEDULE["send-daily-digests"]

    assert entry["task"] in celery_app.tasks
    assert entry["task"] == "cop.tasks.send_daily_digests"
    assert entry["schedule"].hour == {7}
    assert entry["schedule"].minute == {0}
    assert set(entry["schedule"].day_of_week) == set(range(7))
    assert celery_app.conf.timezone == "Europe/Paris"


def test_every_scheduled_task_is_found_as_a_worker_finds_it():
    # What a worker or beat does at start-up: import every app's tasks module.
    celery_app.loader.import_default_modules()

    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in celery_app.tasks


def test_meeting_reminders_are_sent_every_hour():
    entry = settings.CELERY_BEAT_SCHEDULE["send-meeting-reminders"]

    assert entry["schedule"].minute == {0}
    assert entry["schedule"].hour == set(range(24))


def test_the_real_stack_runs_one_beat_with_the_app_image_and_environment():
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]

    beat = services["beat"]
    assert beat["command"][:4] == ["celery", "-A", "config", "beat"]
    assert beat["image"] == services["worker"]["image"]
    assert beat["environment"] == services["worker"]["environment"]
    assert "deploy" not in beat  # never replicated: two beats send two digests
