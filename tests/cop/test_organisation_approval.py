"""An organisation proposed by a person is listed only once staff approved it, and its
name cannot copy an existing one up to case, accents and spacing."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from cop import services
from cop.models import AuditEvent, College, Membership, Organisation
from tests.factories import MembershipFactory, OrganisationFactory, VerifiedUserFactory

REQUEST_URL = reverse("cop:membership_request")
STAFF_PAGE = reverse("cop:memberships")
PROPOSED = "Collectif Vélo Tours"


def decide_url(organisation):
    return reverse("cop:organisation_decide", args=[organisation.pk])


@pytest.fixture
def proposer(db):
    return VerifiedUserFactory(email="proposeuse@exemple.test", first_name="Rose")


@pytest.fixture
def proposed(client_of, proposer):
    client_of(proposer).post(
        REQUEST_URL, {"new_name": PROPOSED, "new_college": College.ASSOCIATIONS}
    )
    return Organisation.objects.get(name=PROPOSED)


# --- Listed only once approved -------------------------------------------------------------


def test_a_proposed_organisation_waits_for_staff(proposed, proposer):
    assert proposed.status == Organisation.Status.PENDING
    assert proposed.proposed_by == proposer
    assert Membership.objects.get(user=proposer).organisation == proposed


def test_it_is_not_in_the_list_of_other_people_until_staff_approve_it(
    client_of, citizen, staff, proposed
):
    before = client_of(citizen).get(reverse("cop:profile")).content.decode()
    services.organisation_decide(organisation=proposed, by=staff, approve=True)
    after = client_of(citizen).get(reverse("cop:profile")).content.decode()

    assert PROPOSED not in before
    assert PROPOSED in after


def test_another_person_cannot_choose_it_by_its_id_before_approval(
    citizen, citizen_client, proposed
):
    response = citizen_client.post(REQUEST_URL, {"organisation": proposed.pk})

    assert response.status_code == 200
    assert not Membership.objects.filter(user=citizen).exists()


def test_the_selector_of_lists_holds_only_approved_organisations(db):
    OrganisationFactory(name="Validée")
    OrganisationFactory(name="En attente", status=Organisation.Status.PENDING)
    OrganisationFactory(name="Refusée", status=Organisation.Status.DECLINED)

    from cop.selectors import organisations

    assert [o.name for o in organisations()] == ["Validée"]


# --- Staff decide on the follow-up page -----------------------------------------------------


def test_staff_see_it_on_the_follow_up_page_and_approve_it_audited(staff, staff_client, proposed):
    page = staff_client.get(STAFF_PAGE).content.decode()
    assert PROPOSED in page
    assert decide_url(proposed) in page

    response = staff_client.post(decide_url(proposed), {"decision": "approve"})

    assert response.status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == Organisation.Status.APPROVED
    assert proposed.decided_by == staff
    event = AuditEvent.objects.get(action="organisation.approve")
    assert event.actor == staff
    assert event.target_id == str(proposed.pk)


def test_with_htmx_the_row_is_replaced_by_the_decision(staff_client, proposed):
    response = staff_client.post(
        decide_url(proposed), {"decision": "approve"}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="organisation-{proposed.pk}"' in html
    assert "Acceptée" in html
    assert "<html" not in html


def test_declining_it_declines_the_requests_that_wait_for_it_audited(
    staff, staff_client, proposed, proposer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(decide_url(proposed), {"decision": "decline", "message": "Inconnue."})

    proposed.refresh_from_db()
    assert proposed.status == Organisation.Status.DECLINED
    membership = Membership.objects.get(user=proposer)
    assert membership.status == Membership.Status.DECLINED
    assert membership.decision_message == "Inconnue."
    assert AuditEvent.objects.filter(action="organisation.decline", actor=staff).count() == 1
    assert AuditEvent.objects.filter(action="membership.decline", actor=staff).count() == 1


def test_a_declined_name_cannot_be_proposed_again(client_of, citizen, staff, proposed):
    services.organisation_decide(organisation=proposed, by=staff, approve=False)

    response = client_of(citizen).post(
        REQUEST_URL, {"new_name": "collectif velo tours", "new_college": College.ASSOCIATIONS}
    )

    assert "n’a pas été retenue" in response.content.decode()
    assert not Membership.objects.filter(user=citizen).exists()
    assert Organisation.objects.count() == 1


def test_an_organisation_is_decided_once(staff, staff_client, proposed):
    services.organisation_decide(organisation=proposed, by=staff, approve=True)

    response = staff_client.post(decide_url(proposed), {"decision": "decline"}, follow=True)

    assert "déjà été validée ou refusée" in response.content.decode()
    proposed.refresh_from_db()
    assert proposed.status == Organisation.Status.APPROVED


@pytest.mark.parametrize("who", ["citizen", "stakeholder", "facilitator"])
def test_only_staff_decide_and_others_are_told_why(client_of, request, proposed, who):
    response = client_of(request.getfixturevalue(who)).post(
        decide_url(proposed), {"decision": "approve"}
    )

    assert response.status_code == 403
    assert "Seuls les agents de l’État et de la Région" in response.content.decode()
    proposed.refresh_from_db()
    assert proposed.status == Organisation.Status.PENDING


def test_a_bad_decision_is_a_french_error_and_changes_nothing(staff_client, proposed):
    response = staff_client.post(decide_url(proposed), {"decision": "peut-être"}, follow=True)

    assert response.status_code == 200
    proposed.refresh_from_db()
    assert proposed.status == Organisation.Status.PENDING


def test_a_request_to_a_proposed_organisation_is_accepted_only_after_it(
    staff, staff_client, proposed, proposer
):
    membership = Membership.objects.get(user=proposer)

    refused = staff_client.post(
        reverse("cop:membership_decide", args=[membership.pk]),
        {"decision": "approve"},
        follow=True,
    )
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING
    assert "validez-la d’abord" in refused.content.decode()

    services.organisation_decide(organisation=proposed, by=staff, approve=True)
    staff_client.post(
        reverse("cop:membership_decide", args=[membership.pk]), {"decision": "approve"}
    )
    membership.refresh_from_db()
    assert membership.status == Membership.Status.APPROVED


def test_an_agent_adding_an_organisation_in_the_admin_approves_it(staff, staff_client):
    staff_client.post(
        reverse("admin:cop_organisation_add"),
        {
            "name": "Ademe Centre-Val de Loire",
            "college": College.STATE,
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "created_at_0": "2024-01-01",
            "created_at_1": "10:00:00",
        },
    )

    organisation = Organisation.objects.get(name="Ademe Centre-Val de Loire")
    assert organisation.status == Organisation.Status.APPROVED
    assert AuditEvent.objects.filter(action="organisation.create", actor=staff).exists()


# --- One name, whatever its case, accents and spacing ----------------------------------------


@pytest.mark.parametrize(
    ("listed", "copy"),
    [
        ("CCI Centre-Val de Loire", "cci centre-val de loire"),
        ("CCI Centre-Val de Loire", "CCI CENTRE-VAL DE LOIRÉ"),
        ("Électricité de France", "electricite  de   france "),
        ("Cœur de France", "COEUR DE FRANCE"),
        ("L’Atelier du Cher", "l'atelier du cher"),
        ("Réseau Ça Bouge", "reseau ca bouge"),
    ],
)
def test_the_database_refuses_a_copy_of_a_name(db, listed, copy):
    OrganisationFactory(name=listed)

    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name=copy, college=College.ASSOCIATIONS)


@pytest.mark.parametrize("copy", ["collectif velo tours", "COLLECTIF  VÉLO TOURS"])
def test_proposing_a_copy_joins_the_organisation_instead(client_of, citizen, proposed, copy):
    client_of(citizen).post(REQUEST_URL, {"new_name": copy, "new_college": College.ASSOCIATIONS})

    assert Organisation.objects.count() == 1
    assert Membership.objects.get(user=citizen).organisation == proposed


def test_different_names_are_different_organisations(db):
    OrganisationFactory(name="CCI Centre-Val de Loire")

    Organisation.objects.create(name="CCI Loiret", college=College.SOCIAL_PARTNERS)

    assert Organisation.objects.count() == 2


def test_a_too_long_name_is_a_french_error(citizen_client):
    response = citizen_client.post(
        REQUEST_URL, {"new_name": "x" * 201, "new_college": College.ASSOCIATIONS}
    )

    assert response.status_code == 200
    assert not Organisation.objects.exists()


def test_an_agent_sees_the_copy_refused_in_the_admin_with_a_french_message(staff_client, db):
    OrganisationFactory(name="Électricité de France")

    response = staff_client.post(
        reverse("admin:cop_organisation_add"),
        {
            "name": "ELECTRICITE DE FRANCE",
            "college": College.SOCIO_ECONOMIC,
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "created_at_0": "2024-01-01",
            "created_at_1": "10:00:00",
        },
    )

    assert response.status_code == 200
    assert "Une organisation porte déjà ce nom" in response.content.decode()
    assert Organisation.objects.count() == 1


def test_the_pending_membership_of_another_organisation_is_untouched(staff, proposed):
    other = MembershipFactory()

    services.organisation_decide(organisation=proposed, by=staff, approve=False)

    other.refresh_from_db()
    assert other.status == Membership.Status.PENDING
