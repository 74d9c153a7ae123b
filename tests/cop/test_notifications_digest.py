"""The morning digest: one email per person, items grouped by kind, never repeated."""

import datetime as dt
import smtplib
import threading

import pytest
from django.core import mail as django_mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection
from django.utils import timezone

from cop.models import Notification
from cop.services import notify, notify_many
from cop.services.notifications import digests_send
from cop.tasks import send_daily_digests
from tests.factories import NotificationFactory, NotificationPreferenceFactory, VerifiedUserFactory


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.COP_SITE_URL = "https://cop.exemple.test"


def test_items_of_several_kinds_come_in_one_email_grouped_by_kind(citizen, mailoutbox):
    NotificationFactory(
        user=citizen, kind="minutes_published", subject="Compte rendu de la réunion du Cher"
    )
    NotificationFactory(
        user=citizen, kind="group_contribution", subject="Nouvelle contribution : vélo-bus"
    )
    NotificationFactory(
        user=citizen, kind="group_contribution", subject="Nouvelle contribution : autopartage"
    )

    send_daily_digests.delay()

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["citoyenne@exemple.test"]
    assert mail.subject == "[COP Centre-Val de Loire] Votre résumé quotidien : 3 notifications"
    body = mail.body
    assert body.startswith("Bonjour Claire,")
    contributions = body.index("== Nouvelles contributions dans mes groupes (2) ==")
    minutes = body.index("== Comptes rendus publiés (1) ==")
    # Sections follow the order of the kinds; items their order of arrival.
    assert minutes < contributions
    assert body.index("vélo-bus") < body.index("autopartage")
    assert body.index("Compte rendu de la réunion du Cher") < contributions
    assert "Pour en savoir plus : https://cop.exemple.test/groupes/mobilite/" in body
    assert "COP Planification Action Centre-Val de Loire" in body
    assert "https://cop.exemple.test/profil/notifications/" in body


def test_each_person_gets_their_own_digest(citizen, stakeholder, mailoutbox):
    NotificationFactory(user=citizen, subject="Pour Claire")
    NotificationFactory(user=stakeholder, subject="Pour Bruno")

    assert digests_send() == 2

    by_recipient = {tuple(mail.to): mail.body for mail in mailoutbox}
    assert "Pour Claire" in by_recipient[("citoyenne@exemple.test",)]
    assert "Pour Bruno" not in by_recipient[("citoyenne@exemple.test",)]
    assert "Pour Bruno" in by_recipient[("acteur@exemple.test",)]


def test_running_the_digest_twice_sends_one_email(citizen, mailoutbox):
    NotificationFactory.create_batch(2, user=citizen)

    send_daily_digests.delay()
    send_daily_digests.delay()

    assert len(mailoutbox) == 1
    assert not Notification.objects.filter(sent_at=None).exists()


def test_a_digest_never_repeats_an_item(citizen, mailoutbox):
    NotificationFactory(user=citizen, subject="Contribution d’hier")
    digests_send()
    NotificationFactory(user=citizen, subject="Contribution du jour")

    digests_send()

    assert len(mailoutbox) == 2
    assert "Contribution d’hier" in mailoutbox[0].body
    assert "Contribution d’hier" not in mailoutbox[1].body
    assert "Contribution du jour" in mailoutbox[1].body
    assert mailoutbox[1].subject.endswith("Votre résumé quotidien : 1 notification")


def test_an_item_made_after_the_run_started_waits_for_the_next_digest(citizen, mailoutbox):
    NotificationFactory(user=citizen, subject="Déjà là")
    later = NotificationFactory(
        user=citizen,
        subject="Arrivée pendant l’envoi",
        created_at=timezone.now() + dt.timedelta(minutes=5),
    )

    digests_send()

    assert "Arrivée pendant l’envoi" not in mailoutbox[0].body
    later.refresh_from_db()
    assert later.sent_at is None


def test_never_produces_no_email(citizen, mailoutbox, django_capture_on_commit_callbacks):
    NotificationPreferenceFactory(user=citizen, kind="group_contribution", frequency="never")
    with django_capture_on_commit_callbacks(execute=True):
        notify_many(
            users=[citizen],
            kind="group_contribution",
            subject="Nouvelle contribution",
            body="",
        )

    assert digests_send() == 0
    assert mailoutbox == []


def test_immediate_items_are_not_repeated_in_the_digest(
    citizen, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=citizen, kind="moderation", subject="Votre contribution est masquée", body="")
    assert len(mailoutbox) == 1

    digests_send()

    assert len(mailoutbox) == 1


def test_items_already_sent_are_not_sent_again(citizen, mailoutbox):
    NotificationFactory(user=citizen, sent=True)
    assert digests_send() == 0
    assert mailoutbox == []


class FailingForOneAddress(EmailBackend):
    def send_messages(self, messages):
        if any("citoyenne@exemple.test" in message.to for message in messages):
            raise smtplib.SMTPRecipientsRefused({"citoyenne@exemple.test": (450, b"busy")})
        return super().send_messages(messages)


def test_a_refused_digest_waits_for_tomorrow_and_does_not_stop_the_others(
    citizen, stakeholder, settings, mailoutbox
):
    settings.EMAIL_BACKEND = f"{__name__}.FailingForOneAddress"
    refused = NotificationFactory(user=citizen)
    NotificationFactory(user=stakeholder)

    assert digests_send() == 1

    assert [mail.to for mail in mailoutbox] == [["acteur@exemple.test"]]
    refused.refresh_from_db()
    assert refused.sent_at is None


@pytest.mark.django_db(transaction=True)
def test_two_digests_running_at_once_send_each_item_once():
    if connection.vendor != "postgresql":
        pytest.skip("row locks: PostgreSQL only")
    user = VerifiedUserFactory(email="lectrice@exemple.test")
    NotificationFactory.create_batch(40, user=user)
    django_mail.outbox = []
    start = threading.Barrier(2)
    errors = []

    def run():
        try:
            start.wait()
            digests_send()
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(django_mail.outbox) == 1
    assert django_mail.outbox[0].subject.endswith("40 notifications")
    assert not Notification.objects.filter(sent_at=None).exists()
