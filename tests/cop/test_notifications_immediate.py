"""An immediate notification is emailed once, in French, after the action commits."""

import pytest
from django.db import transaction

from cop.models import Notification
from cop.services import notify
from cop.tasks import send_notification
from tests.factories import NotificationPreferenceFactory


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.COP_SITE_URL = "https://cop.exemple.test/"


def tell_about_a_reply(user):
    return notify(
        user=user,
        kind="reply",
        subject="Bruno a commenté votre contribution « Covoiturage rural »",
        body="« Nous menons la même démarche dans le Cher : parlons-en ! »",
        url="/contributions/42/",
    )


def test_the_email_leaves_after_the_commit_and_not_before(
    citizen, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = tell_about_a_reply(citizen)
        assert mailoutbox == []

    assert len(callbacks) == 1
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["citoyenne@exemple.test"]
    notification.refresh_from_db()
    assert notification.sent_at is not None
    assert notification.frequency == "immediately"


def test_an_action_rolled_back_sends_nothing_and_leaves_no_trace(
    citizen, mailoutbox, django_capture_on_commit_callbacks
):
    @transaction.atomic
    def an_action_that_fails_after_notifying():
        tell_about_a_reply(citizen)
        raise RuntimeError("the caller's action failed")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        an_action_that_fails_after_notifying()

    assert mailoutbox == []
    assert not Notification.objects.exists()


def test_the_email_is_in_french_with_an_absolute_link_and_the_signature(
    citizen, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tell_about_a_reply(citizen)

    mail = mailoutbox[0]
    assert mail.subject == (
        "[COP Centre-Val de Loire] Bruno a commenté votre contribution « Covoiturage rural »"
    )
    assert mail.body.startswith("Bonjour Claire,")
    assert "« Nous menons la même démarche dans le Cher : parlons-en ! »" in mail.body
    assert "Pour en savoir plus : https://cop.exemple.test/contributions/42/" in mail.body
    assert "COP Planification Action Centre-Val de Loire" in mail.body
    assert "https://cop.exemple.test/profil/notifications/" in mail.body
    assert "&" not in mail.body  # plain text: nothing HTML-escaped
    assert mail.extra_headers["Auto-Submitted"] == "auto-generated"


def test_running_the_task_twice_sends_one_email(
    citizen, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell_about_a_reply(citizen)

    send_notification.delay(notification.pk)
    send_notification.delay(notification.pk)

    assert len(mailoutbox) == 1


def test_never_records_nothing_and_sends_nothing(
    citizen, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationPreferenceFactory(user=citizen, kind="reply", frequency="never")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert tell_about_a_reply(citizen) is None

    assert callbacks == []
    assert mailoutbox == []
    assert not Notification.objects.exists()


def test_a_daily_choice_keeps_the_notification_for_the_digest(
    citizen, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationPreferenceFactory(user=citizen, kind="reply", frequency="daily")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = tell_about_a_reply(citizen)

    assert callbacks == []
    assert mailoutbox == []
    assert notification.frequency == "daily"
    assert notification.sent_at is None


def test_the_immediate_task_never_sends_a_digest_item_on_its_own(
    citizen, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationPreferenceFactory(user=citizen, kind="reply", frequency="daily")
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell_about_a_reply(citizen)

    send_notification.delay(notification.pk)

    assert mailoutbox == []
    notification.refresh_from_db()
    assert notification.sent_at is None


def test_a_deactivated_account_is_not_written_to(
    citizen, mailoutbox, django_capture_on_commit_callbacks
):
    citizen.is_active = False
    citizen.save()

    with django_capture_on_commit_callbacks(execute=True):
        assert tell_about_a_reply(citizen) is None

    assert mailoutbox == []


def test_a_subject_on_several_lines_becomes_one_line(
    citizen, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=citizen, kind="moderation", subject="Votre contribution\nest masquée", body="")

    assert mailoutbox[0].subject == "[COP Centre-Val de Loire] Votre contribution est masquée"


def test_a_link_must_be_a_page_of_the_site(citizen):
    with pytest.raises(ValueError, match="path of the site"):
        notify(user=citizen, kind="reply", subject="Réponse", body="", url="javascript:alert(1)")
    assert not Notification.objects.exists()


def test_an_unknown_kind_is_a_programming_error(citizen):
    with pytest.raises(ValueError, match="Unknown notification kind"):
        notify(user=citizen, kind="weather", subject="Il pleut", body="")


def test_the_email_names_the_platform_of_its_own_region(
    citizen, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.COP_PLATFORM_NAME = "COP Planification Action Pays de la Loire"
    settings.ACCOUNT_EMAIL_SUBJECT_PREFIX = "[COP Pays de la Loire] "

    with django_capture_on_commit_callbacks(execute=True):
        tell_about_a_reply(citizen)

    (email,) = mailoutbox
    assert email.subject.startswith("[COP Pays de la Loire] ")
    assert "COP Planification Action Pays de la Loire" in email.body
    assert "Centre-Val de Loire" not in email.subject + email.body
