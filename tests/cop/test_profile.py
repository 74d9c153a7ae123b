"""The profile page: who I am, my organisation, my roles, my requests."""

from django.urls import reverse

from cop.models import User
from tests.factories import MembershipFactory

URL = reverse("cop:profile")


def test_a_visitor_is_sent_to_the_login_page(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_citizen_sees_their_email_role_and_the_membership_form(citizen_client):
    html = citizen_client.get(URL).content.decode()

    assert "citoyenne@exemple.test" in html
    assert "Citoyen" in html
    assert "Vous n’êtes rattaché à aucune organisation." in html
    assert "Demander un rattachement à une organisation" in html
    assert f'href="{reverse("account_change_password")}"' in html
    assert f'href="{reverse("account_email")}"' in html


def test_a_stakeholder_sees_their_organisation_and_no_request_form(stakeholder_client):
    html = stakeholder_client.get(URL).content.decode()

    assert "CCI Centre-Val de Loire" in html
    assert "Collège : Acteurs socio-économiques" in html
    assert "Acteur" in html
    assert "Demander un rattachement à une organisation" not in html


def test_staff_see_their_roles_with_their_side_and_the_follow_up_links(publisher_client):
    html = publisher_client.get(URL).content.decode()

    assert "Agent — État" in html
    assert "Signataire — État" in html
    assert f'href="{reverse("cop:memberships")}"' in html
    assert f'href="{reverse("cop:audit_log")}"' in html


def test_a_citizen_does_not_see_the_follow_up_links(citizen_client):
    html = citizen_client.get(URL).content.decode()
    assert reverse("cop:audit_log") not in html


def test_pending_and_declined_requests_are_listed_with_the_reason(citizen, citizen_client):
    MembershipFactory(user=citizen, organisation__name="Université de Tours")
    MembershipFactory(
        user=citizen,
        organisation__name="Axéréal",
        declined=True,
        decision_message="Nous ne trouvons pas votre nom dans l’annuaire.",
    )

    html = citizen_client.get(URL).content.decode()

    pending = html.split("Demandes en attente", 1)[1]
    assert "Université de Tours" in pending.split("Demandes refusées", 1)[0]
    assert "Nous ne trouvons pas votre nom dans l’annuaire." in html


def test_a_user_changes_their_name(citizen, citizen_client):
    response = citizen_client.post(URL, {"first_name": " Claire ", "last_name": "Dupont"})

    assert response.status_code == 302
    citizen.refresh_from_db()
    assert (citizen.first_name, citizen.last_name) == ("Claire", "Dupont")
    assert "Votre nom a été enregistré." in citizen_client.get(URL).content.decode()


def test_a_too_long_name_is_refused_in_french_and_changes_nothing(citizen, citizen_client):
    response = citizen_client.post(URL, {"first_name": "x" * 200, "last_name": "Dupont"})

    assert response.status_code == 200
    assert "Assurez-vous que cette valeur comporte au plus 150 caractères" in (
        response.content.decode()
    )
    assert User.objects.get(pk=citizen.pk).last_name != "Dupont"


def test_user_text_on_the_profile_is_escaped(citizen, citizen_client):
    MembershipFactory(user=citizen, organisation__name="<script>alert(1)</script>")
    html = citizen_client.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
