"""The staff follow-up page of membership requests."""

from django.urls import reverse

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

URL = reverse("cop:memberships")


def test_staff_see_the_pending_requests_oldest_first_with_their_organisation(staff_client, db):
    first = MembershipFactory(user__email="premiere@exemple.test", message="Je suis la DGS.")
    MembershipFactory(
        user__email="seconde@exemple.test",
        organisation=OrganisationFactory(name="Collectif proposé", proposed_by=first.user),
    )
    MembershipFactory(user__email="deja-acceptee@exemple.test", approved=True)

    html = staff_client.get(URL).content.decode()

    pending_table = html.split('id="pending-table"', 1)[1].split("</table>", 1)[0]
    assert "2 demandes en attente" in pending_table
    assert pending_table.index("premiere@exemple.test") < pending_table.index("seconde@")
    assert "Je suis la DGS." in pending_table
    assert "Nouvelle organisation proposée" in pending_table
    assert "deja-acceptee@exemple.test" not in pending_table
    assert "deja-acceptee@exemple.test" in html  # among the recent decisions


def test_each_decision_form_has_labelled_fields_and_a_csrf_token(staff_client, db):
    membership = MembershipFactory()
    html = staff_client.get(URL).content.decode()

    assert f'<label class="fr-label" for="message-{membership.pk}">' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert reverse("cop:membership_decide", args=[membership.pk]) in html


def test_the_page_costs_the_same_queries_for_three_requests_or_more(
    staff_client, db, django_assert_num_queries
):
    for _ in range(3):
        MembershipFactory()
    for _ in range(3):
        MembershipFactory(declined=True)
    for _ in range(3):
        OrganisationFactory(status="pending", proposed_by=UserFactory())

    with django_assert_num_queries(6):
        # 1 session, 2 user, 3 permission (a staff-level role assignment exists),
        # 4 proposed organisations with who proposed them,
        # 5 pending requests with their people and organisations,
        # 6 recent decisions with their people, organisations and deciders
        response = staff_client.get(URL)
    assert response.status_code == 200


def test_a_citizen_gets_a_403_that_says_why(citizen_client, db):
    response = citizen_client.get(URL)

    assert response.status_code == 403
    assert "réservé aux agents de l’État et de la Région" in response.content.decode()


def test_a_visitor_is_sent_to_the_login_page(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
