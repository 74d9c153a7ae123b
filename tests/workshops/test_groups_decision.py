"""Facilitators (and agents) accept or decline requests to join, with a message."""

import pytest

from cop.models import AuditEvent, Notification
from cop.notification_kinds import MEMBERSHIP
from tests.workshops.factories import (
    GroupFacilitatorFactory,
    GroupMembershipFactory,
    make_member,
)
from workshops.models import GroupFollow, GroupMembership


@pytest.fixture
def request_to_join(stakeholder, group):
    return GroupMembershipFactory(
        group=group,
        user=stakeholder,
        organisation=stakeholder.memberships.first().organisation,
        status=GroupMembership.Status.PENDING,
        decided_at=None,
        message="Nous portons un projet de covoiturage.",
    )


def decide(client, membership, decision, message=""):
    return client.post(
        f"/groupes/mobilite/membres/{membership.pk}/decision/",
        {"decision": decision, "message": message},
    )


def test_a_facilitator_accepts_and_the_person_becomes_a_member_who_follows_the_group(
    client_of, group_facilitator, request_to_join, stakeholder, group
):
    response = decide(client_of(group_facilitator), request_to_join, "accept", "Bienvenue !")

    assert response.status_code == 302
    request_to_join.refresh_from_db()
    assert request_to_join.status == GroupMembership.Status.ACCEPTED
    assert request_to_join.decided_by == group_facilitator
    assert GroupFollow.objects.filter(group=group, user=stakeholder).exists()
    event = AuditEvent.objects.get(action="group.membership_accept")
    assert event.actor == group_facilitator
    assert event.details["message"] == "Bienvenue !"


def test_the_person_is_told_of_the_decision_with_the_message(
    client_of, group_facilitator, request_to_join, stakeholder
):
    decide(client_of(group_facilitator), request_to_join, "decline", "Le groupe est complet.")

    notification = Notification.objects.get(user=stakeholder)
    assert notification.kind == MEMBERSHIP
    assert "n’a pas été acceptée" in notification.subject
    assert "Le groupe est complet." in notification.body
    assert notification.url == "/groupes/mobilite/"
    assert AuditEvent.objects.filter(action="group.membership_decline").exists()


def test_the_email_goes_out_after_commit(
    client_of, group_facilitator, request_to_join, stakeholder, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        decide(client_of(group_facilitator), request_to_join, "accept")

    assert [message.to for message in mailoutbox] == [[stakeholder.email]]
    assert "Mobilité" in mailoutbox[0].subject


def test_an_agent_may_decide_too(client_of, staff, request_to_join):
    decide(client_of(staff), request_to_join, "accept")

    request_to_join.refresh_from_db()
    assert request_to_join.status == GroupMembership.Status.ACCEPTED


def test_a_facilitator_of_another_group_may_not_decide(
    client_of, facilitator, other_group, request_to_join
):
    GroupFacilitatorFactory(group=other_group, user=facilitator)

    response = decide(client_of(facilitator), request_to_join, "accept")

    assert response.status_code == 403
    assert "animation du groupe" in response.content.decode()
    request_to_join.refresh_from_db()
    assert request_to_join.status == GroupMembership.Status.PENDING


def test_a_member_may_not_decide(client_of, request_to_join, group):
    colleague = make_member(group, "collegue@exemple.test")

    assert decide(client_of(colleague), request_to_join, "accept").status_code == 403


def test_deciding_twice_says_it_was_already_decided(
    client_of, group_facilitator, staff, request_to_join
):
    decide(client_of(group_facilitator), request_to_join, "accept")

    response = decide(client_of(staff), request_to_join, "decline")

    assert response.status_code == 302
    request_to_join.refresh_from_db()
    assert request_to_join.status == GroupMembership.Status.ACCEPTED
    assert (
        AuditEvent.objects.filter(action__startswith="group.membership_")
        .exclude(action="group.membership_request")
        .count()
        == 1
    )


def test_a_decision_without_a_choice_is_refused_in_french(
    client_of, group_facilitator, request_to_join
):
    response = client_of(group_facilitator).post(
        f"/groupes/mobilite/membres/{request_to_join.pk}/decision/",
        {"decision": "peut-etre", "message": ""},
        follow=True,
    )

    assert "Choisissez d’accepter ou de refuser la demande." in response.content.decode()
    request_to_join.refresh_from_db()
    assert request_to_join.status == GroupMembership.Status.PENDING


def test_through_htmx_only_the_row_comes_back(client_of, group_facilitator, request_to_join):
    response = client_of(group_facilitator).post(
        f"/groupes/mobilite/membres/{request_to_join.pk}/decision/",
        {"decision": "decline", "message": ""},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert html.strip().startswith(f'<tr id="request-{request_to_join.pk}"')
    assert "Refusée" in html
    assert "HX-Request" in response["Vary"]


def test_a_request_of_another_group_is_not_found_here(
    client_of, group_facilitator, other_group, stakeholder
):
    elsewhere = GroupMembershipFactory(
        group=other_group, user=stakeholder, status=GroupMembership.Status.PENDING, decided_at=None
    )

    assert decide(client_of(group_facilitator), elsewhere, "accept").status_code == 404
