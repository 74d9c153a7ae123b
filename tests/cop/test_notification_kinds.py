"""Each app registers its kinds of notification; cop needs no migration for a new one."""

import io

import pytest
from django.core.management import call_command
from django.utils.translation import gettext_lazy as _

from cop import selectors
from cop.models import Frequency, Notification
from cop.notification_kinds import (
    notification_kinds,
    register_notification_kind,
    unregister_notification_kind,
)
from cop.services.notifications import notify, notify_many


@pytest.fixture
def test_kind():
    register_notification_kind(
        "consultation_answer",
        label=_("Réponses à la concertation"),
        help_text=_("Quand votre réponse à la concertation est publiée."),
        default_frequency=Frequency.DAILY,
        order=70,
    )
    yield "consultation_answer"
    unregister_notification_kind("consultation_answer")


@pytest.mark.django_db
def test_registering_a_kind_needs_no_migration(test_kind):
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_a_registered_kind_is_notified_with_its_default(test_kind, citizen):
    notification = notify(user=citizen, kind=test_kind, subject="Réponse publiée", body="")

    assert notification.kind == "consultation_answer"
    assert notification.frequency == "daily"
    assert selectors.notification_frequencies(user=citizen)[test_kind] == "daily"


def test_an_unknown_kind_is_refused_at_notify_time(citizen):
    with pytest.raises(ValueError, match="Unknown notification kind"):
        notify(user=citizen, kind="no_such_kind", subject="?", body="")
    with pytest.raises(ValueError, match="Unknown notification kind"):
        notify_many(users=[citizen], kind="no_such_kind", subject="?", body="")
    assert not Notification.objects.exists()


def test_the_preferences_page_lists_the_registered_kinds_in_order(test_kind, citizen_client):
    html = citizen_client.get("/profil/notifications/").content.decode()

    keys = [kind.key for kind in notification_kinds()]
    assert keys[0] == "moderation"
    assert keys[-1] == "membership"
    positions = [html.index(f'id="id_{key}-fieldset"') for key in keys]
    assert positions == sorted(positions)
    assert "Réponses à la concertation" in html


def test_a_stored_row_of_a_kind_no_longer_registered_keeps_its_value(citizen):
    register_notification_kind(
        "old_kind", label="Ancien", default_frequency=Frequency.DAILY, order=99
    )
    notify(user=citizen, kind="old_kind", subject="Ancien type", body="")
    unregister_notification_kind("old_kind")

    assert Notification.objects.get().kind == "old_kind"
    assert "old_kind" not in selectors.notification_frequencies(user=citizen)


@pytest.mark.parametrize("key", ["", "a b", "x" * 33, "kind-with-dash"])
def test_a_kind_key_is_a_short_identifier(key):
    with pytest.raises(ValueError, match="short identifier"):
        register_notification_kind(key, label="?", default_frequency=Frequency.DAILY, order=1)


def test_a_kind_has_a_known_default_frequency():
    with pytest.raises(ValueError, match="Unknown frequency"):
        register_notification_kind("bad", label="?", default_frequency="weekly", order=1)
