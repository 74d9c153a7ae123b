"""A membership decision is told through the notifications, as the person chose."""

import pytest

from cop import services
from cop.models import Membership, Notification
from tests.factories import MembershipFactory, NotificationPreferenceFactory, OrganisationFactory


@pytest.fixture
def request_to_join(citizen):
    return MembershipFactory(
        user=citizen, organisation=OrganisationFactory(name="Nature Centre-Val de Loire")
    )


def test_the_decision_enters_the_outbox_with_the_decision(
    staff, request_to_join, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_decide(membership=request_to_join, by=staff, approve=True)

    notification = Notification.objects.get(user=request_to_join.user)
    assert notification.kind == "membership"
    assert notification.url == "/profil/"
    assert notification.sent_at is not None
    assert "Votre rattachement à Nature Centre-Val de Loire est accepté" in mailoutbox[0].subject
    assert "COP Planification Action Centre-Val de Loire" in mailoutbox[0].body


def test_a_person_who_chose_never_gets_no_email_but_the_decision_stands(
    staff, request_to_join, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationPreferenceFactory(user=request_to_join.user, kind="membership", frequency="never")

    with django_capture_on_commit_callbacks(execute=True):
        services.membership_decide(membership=request_to_join, by=staff, approve=False)

    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.DECLINED
    assert request_to_join.notified_at is not None
    assert mailoutbox == []


def test_a_person_who_chose_the_digest_reads_the_decision_there(
    staff, request_to_join, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationPreferenceFactory(user=request_to_join.user, kind="membership", frequency="daily")
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_decide(
            membership=request_to_join, by=staff, approve=False, message="Pièce manquante."
        )
    assert mailoutbox == []

    services.notifications.digests_send()

    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert "== Décisions sur mes demandes de rattachement (1) ==" in body
    assert "Pièce manquante." in body
