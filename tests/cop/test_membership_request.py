"""A user asks, from their profile, to be attached to an organisation."""

from django.urls import reverse

from cop.models import AuditEvent, College, Membership, Organisation
from tests.factories import MembershipFactory, OrganisationFactory

URL = reverse("cop:membership_request")


def test_a_citizen_asks_to_join_a_listed_organisation(citizen, citizen_client):
    organisation = OrganisationFactory(name="CCI Centre-Val de Loire")

    response = citizen_client.post(
        URL, {"organisation": organisation.pk, "message": "Chargée de mission énergie"}
    )

    assert response.status_code == 302
    membership = Membership.objects.get(user=citizen)
    assert membership.organisation == organisation
    assert membership.status == Membership.Status.PENDING
    assert membership.message == "Chargée de mission énergie"
    assert AuditEvent.objects.filter(action="membership.request", actor=citizen).count() == 1
    profile = citizen_client.get(response.url).content.decode()
    assert "Votre demande de rattachement à CCI Centre-Val de Loire est envoyée" in profile
    assert "Demandes en attente" in profile


def test_a_citizen_proposes_an_organisation_that_is_not_listed(citizen, citizen_client):
    citizen_client.post(
        URL, {"new_name": "  Collectif   Vélo Tours ", "new_college": College.ASSOCIATIONS}
    )

    organisation = Organisation.objects.get(name="Collectif Vélo Tours")
    assert organisation.college == College.ASSOCIATIONS
    assert organisation.proposed_by == citizen
    assert Membership.objects.get(user=citizen).organisation == organisation


def test_proposing_a_listed_name_in_other_letters_reuses_the_organisation(citizen_client):
    listed = OrganisationFactory(name="Université d’Orléans")

    citizen_client.post(
        URL, {"new_name": "université d’orléans", "new_college": College.EDUCATION_RESEARCH}
    )

    assert Organisation.objects.count() == 1
    assert Membership.objects.get().organisation == listed


def test_choosing_both_or_neither_is_refused_with_a_french_message(citizen_client):
    organisation = OrganisationFactory()

    both = citizen_client.post(
        URL, {"organisation": organisation.pk, "new_name": "Autre", "new_college": "state"}
    )
    neither = citizen_client.post(URL, {"message": "Bonjour"})

    assert "pas les deux" in both.content.decode()
    assert "Choisissez une organisation de la liste ou indiquez le nom" in neither.content.decode()
    assert not Membership.objects.exists()


def test_a_new_organisation_needs_its_college(citizen_client):
    response = citizen_client.post(URL, {"new_name": "Collectif sans collège"})

    assert "Indiquez le collège de la nouvelle organisation." in response.content.decode()
    assert not Organisation.objects.exists()


def test_asking_twice_for_the_same_organisation_says_the_request_is_pending(
    citizen, citizen_client
):
    organisation = OrganisationFactory()
    citizen_client.post(URL, {"organisation": organisation.pk})

    response = citizen_client.post(URL, {"organisation": organisation.pk})

    assert "votre demande est en attente" in response.content.decode()
    assert Membership.objects.filter(user=citizen).count() == 1


def test_a_declined_request_can_be_renewed(citizen, citizen_client):
    declined = MembershipFactory(user=citizen, declined=True, decision_message="Qui êtes-vous ?")

    citizen_client.post(
        URL, {"organisation": declined.organisation_id, "message": "Directrice adjointe"}
    )

    declined.refresh_from_db()
    assert declined.status == Membership.Status.PENDING
    assert declined.message == "Directrice adjointe"
    assert declined.decision_message == ""


def test_a_stakeholder_cannot_ask_for_a_second_organisation(stakeholder, stakeholder_client):
    other = OrganisationFactory(name="Axéréal")

    response = stakeholder_client.post(URL, {"organisation": other.pk})

    assert "Vous êtes déjà rattaché à « CCI Centre-Val de Loire »" in response.content.decode()
    assert not Membership.objects.filter(organisation=other).exists()


def test_a_visitor_is_sent_to_the_login_page(client, db):
    organisation = OrganisationFactory()
    response = client.post(URL, {"organisation": organisation.pk})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Membership.objects.exists()


def test_an_unknown_organisation_id_is_a_form_error_not_a_crash(citizen_client):
    response = citizen_client.post(URL, {"organisation": "999999"})

    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
