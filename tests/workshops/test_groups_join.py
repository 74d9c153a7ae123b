"""A stakeholder asks to join a group; others are told why they cannot."""

import pytest

from cop.models import AuditEvent
from tests.workshops.factories import GroupMembershipFactory
from workshops.models import GroupMembership


def test_a_stakeholder_asks_to_join_with_a_message(client_of, stakeholder, group):
    response = client_of(stakeholder).post(
        "/groupes/mobilite/rejoindre/", {"message": "Nous portons un projet de covoiturage."}
    )

    assert response.status_code == 302
    membership = GroupMembership.objects.get(group=group, user=stakeholder)
    assert membership.status == GroupMembership.Status.PENDING
    assert membership.message == "Nous portons un projet de covoiturage."
    assert membership.organisation.name == "CCI Centre-Val de Loire"
    assert AuditEvent.objects.filter(action="group.membership_request").count() == 1


def test_the_group_page_then_says_the_request_waits(client_of, stakeholder, group):
    client = client_of(stakeholder)
    client.post("/groupes/mobilite/rejoindre/", {"message": ""}, follow=True)

    html = client.get("/groupes/mobilite/").content.decode()

    assert "Demande en attente" in html
    assert "Demander à rejoindre le groupe" not in html


def test_asking_twice_says_the_request_already_waits_and_changes_nothing(
    client_of, stakeholder, group
):
    client = client_of(stakeholder)
    client.post("/groupes/mobilite/rejoindre/", {"message": "Première demande"})

    response = client.post("/groupes/mobilite/rejoindre/", {"message": "Seconde"})

    assert response.status_code == 400
    assert "déjà en attente" in response.content.decode()
    assert GroupMembership.objects.get(user=stakeholder).message == "Première demande"


def test_a_member_cannot_ask_again(client_of, member, group):
    response = client_of(member).post("/groupes/mobilite/rejoindre/", {"message": ""})

    assert "Vous êtes déjà membre de ce groupe." in response.content.decode()


def test_a_declined_request_may_be_renewed(client_of, stakeholder, group):
    GroupMembershipFactory(
        group=group,
        user=stakeholder,
        organisation=stakeholder.memberships.first().organisation,
        status=GroupMembership.Status.DECLINED,
        decision_message="Le groupe est complet pour cette session.",
    )
    client = client_of(stakeholder)
    page = client.get("/groupes/mobilite/").content.decode()
    assert "Le groupe est complet pour cette session." in page

    client.post("/groupes/mobilite/rejoindre/", {"message": "Je renouvelle ma demande."})

    membership = GroupMembership.objects.get(user=stakeholder)
    assert membership.status == GroupMembership.Status.PENDING
    assert membership.decision_message == ""
    assert membership.decided_at is None


def test_a_facilitator_does_not_join_the_group_they_run(client_of, group_facilitator, group):
    response = client_of(group_facilitator).post("/groupes/mobilite/rejoindre/", {"message": ""})

    assert "Vous animez ce groupe" in response.content.decode()
    assert not GroupMembership.objects.exists()


def test_a_citizen_sees_why_they_cannot_join(client_of, citizen, group):
    html = client_of(citizen).get("/groupes/mobilite/").content.decode()

    assert "Rattachez d’abord votre compte à une organisation depuis votre profil." in html
    assert 'href="/profil/"' in html
    assert "Demander à rejoindre le groupe" not in html


def test_a_citizen_posting_anyway_is_refused_with_the_reason(client_of, citizen, group):
    response = client_of(citizen).post("/groupes/mobilite/rejoindre/", {"message": ""})

    assert response.status_code == 403
    assert "Rattachez d’abord votre compte à une organisation" in response.content.decode()
    assert not GroupMembership.objects.exists()


def test_a_visitor_is_invited_to_log_in(visitor, group):
    html = visitor.get("/groupes/mobilite/").content.decode()
    assert "/comptes/login/?next=/groupes/mobilite/" in html

    response = visitor.post("/groupes/mobilite/rejoindre/", {"message": ""})
    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/login/")


@pytest.mark.parametrize("method", ["get", "put"])
def test_joining_accepts_post_only(client_of, stakeholder, group, method):
    response = getattr(client_of(stakeholder), method)("/groupes/mobilite/rejoindre/")
    assert response.status_code == 405


def test_an_overlong_message_is_refused_in_french(client_of, stakeholder, group):
    response = client_of(stakeholder).post("/groupes/mobilite/rejoindre/", {"message": "x" * 2001})

    assert response.status_code == 400
    assert "caractères" in response.content.decode()
    assert not GroupMembership.objects.exists()
