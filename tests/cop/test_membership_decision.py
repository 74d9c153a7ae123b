"""Staff approve or decline a membership request; the person is told by email."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.urls import reverse

from cop import services
from cop.models import AuditEvent, Membership
from cop.permissions import is_stakeholder
from cop.tasks import send_membership_decision_email
from tests.factories import MembershipFactory, OrganisationFactory


def decide_url(membership):
    return reverse("cop:membership_decide", args=[membership.pk])


@pytest.fixture
def request_to_join(db):
    return MembershipFactory(
        user__email="demandeuse@exemple.test",
        organisation=OrganisationFactory(name="Graine Centre-Val de Loire"),
    )


def test_staff_approve_a_request_which_is_audited_and_emailed(
    staff, staff_client, request_to_join, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            decide_url(request_to_join), {"decision": "approve", "message": "Bienvenue !"}
        )

    assert response.status_code == 302
    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.APPROVED
    assert request_to_join.decided_by == staff
    assert request_to_join.decided_at is not None
    assert is_stakeholder(request_to_join.user)

    event = AuditEvent.objects.get(action="membership.approve")
    assert event.actor == staff
    assert event.target_id == str(request_to_join.pk)
    assert event.details["organisation"] == "Graine Centre-Val de Loire"
    assert event.details["message"] == "Bienvenue !"

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["demandeuse@exemple.test"]
    assert "Votre rattachement à Graine Centre-Val de Loire est accepté" in mail.subject
    assert "Bienvenue !" in mail.body

    page = staff_client.get(response.url).content.decode()
    assert "demandeuse@exemple.test est rattaché à Graine Centre-Val de Loire." in page


def test_staff_decline_a_request_with_a_message_the_person_receives(
    region_staff_client, request_to_join, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        region_staff_client.post(
            decide_url(request_to_join),
            {"decision": "decline", "message": "Merci de passer par votre directrice."},
        )

    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.DECLINED
    assert not is_stakeholder(request_to_join.user)
    assert AuditEvent.objects.filter(action="membership.decline").count() == 1
    assert "n’a pas été acceptée" in mailoutbox[0].subject
    assert "Merci de passer par votre directrice." in mailoutbox[0].body


def test_a_stakeholder_cannot_approve_and_is_told_why(
    stakeholder_client, request_to_join, mailoutbox
):
    response = stakeholder_client.post(decide_url(request_to_join), {"decision": "approve"})

    assert response.status_code == 403
    assert "Seuls les agents de l’État et de la Région peuvent accepter" in (
        response.content.decode()
    )
    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.PENDING
    assert not AuditEvent.objects.exists()
    assert mailoutbox == []


def test_the_service_itself_refuses_a_decision_by_a_non_agent(citizen, request_to_join):
    with pytest.raises(PermissionDenied):
        services.membership_decide(membership=request_to_join, by=citizen, approve=True)
    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.PENDING


def test_a_request_already_decided_is_not_decided_twice(
    staff, staff_client, request_to_join, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(decide_url(request_to_join), {"decision": "approve"})
        response = staff_client.post(decide_url(request_to_join), {"decision": "decline"})

    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.APPROVED
    assert AuditEvent.objects.count() == 1
    assert len(mailoutbox) == 1
    page = staff_client.get(response.url).content.decode()
    assert "Cette demande a déjà été traitée." in page


def test_a_missing_decision_is_a_french_error_not_a_crash(staff_client, request_to_join):
    response = staff_client.post(decide_url(request_to_join), {"decision": "peut-être"})

    assert response.status_code == 302
    page = staff_client.get(response.url).content.decode()
    assert "Sélectionnez un choix valide" in page
    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.PENDING


def test_an_unknown_request_is_a_404(staff_client, db):
    response = staff_client.post(reverse("cop:membership_decide", args=[999999]), {})
    assert response.status_code == 404


def test_deciding_needs_a_post(staff_client, request_to_join):
    assert staff_client.get(decide_url(request_to_join)).status_code == 405


def test_with_htmx_the_row_is_replaced_by_the_decision(
    staff_client, request_to_join, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            decide_url(request_to_join), {"decision": "approve"}, headers={"HX-Request": "true"}
        )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<tr id="membership-{request_to_join.pk}"')
    assert "Acceptée" in html
    assert "<form" not in html


def test_a_person_holds_at_most_one_approved_membership(stakeholder):
    with pytest.raises(IntegrityError):
        MembershipFactory(user=stakeholder, approved=True)


def test_approving_a_second_organisation_is_refused_and_changes_nothing(
    staff, stakeholder, mailoutbox, django_capture_on_commit_callbacks
):
    # Pending before the first approval, decided after it.
    second = Membership.objects.create(
        user=stakeholder, organisation=OrganisationFactory(name="Axéréal")
    )

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as error:
        services.membership_decide(membership=second, by=staff, approve=True)

    assert "déjà rattaché à une autre organisation" in error.value.messages[0]
    second.refresh_from_db()
    assert second.status == Membership.Status.PENDING
    assert not AuditEvent.objects.exists()
    assert mailoutbox == []


def test_running_the_email_task_twice_sends_one_email(
    staff, request_to_join, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_decide(membership=request_to_join, by=staff, approve=False)
    assert len(mailoutbox) == 1

    send_membership_decision_email.delay(request_to_join.pk)

    assert len(mailoutbox) == 1
    request_to_join.refresh_from_db()
    assert request_to_join.notified_at is not None


def test_no_email_is_sent_for_a_request_still_pending(request_to_join, mailoutbox):
    send_membership_decision_email.delay(request_to_join.pk)
    assert mailoutbox == []
