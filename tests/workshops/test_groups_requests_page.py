"""The page where facilitators see the requests to join and the members."""

from tests.workshops.factories import GroupMembershipFactory, make_stakeholder
from workshops.models import GroupMembership


def pending(group, email):
    user = make_stakeholder(email)
    return GroupMembershipFactory(
        group=group,
        user=user,
        organisation=user.memberships.first().organisation,
        status=GroupMembership.Status.PENDING,
        decided_at=None,
        message=f"Message de {email}",
    )


def test_a_facilitator_sees_pending_requests_with_their_messages(
    client_of, group_facilitator, group, other_group
):
    pending(group, "paul@exemple.test")
    pending(other_group, "ailleurs@exemple.test")

    response = client_of(group_facilitator).get("/groupes/mobilite/membres/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Message de paul@exemple.test" in html
    assert "ailleurs@exemple.test" not in html
    assert "1 demande en attente" in html


def test_the_group_page_links_facilitators_to_it_with_the_count(
    client_of, group_facilitator, group
):
    pending(group, "paul@exemple.test")

    html = client_of(group_facilitator).get("/groupes/mobilite/").content.decode()

    assert 'href="/groupes/mobilite/membres/"' in html
    assert "1 en attente" in html


def test_a_stakeholder_is_refused_with_the_reason(client_of, stakeholder, group):
    response = client_of(stakeholder).get("/groupes/mobilite/membres/")

    assert response.status_code == 403
    assert "traitées par l’animation du groupe" in response.content.decode()


def test_the_page_costs_the_same_queries_with_more_requests(
    client_of, group_facilitator, group, django_assert_num_queries
):
    client = client_of(group_facilitator)
    for index in range(3):
        pending(group, f"personne{index}@exemple.test")
    client.get("/groupes/mobilite/membres/")  # warm the session

    # session, user, the group (+ facilitators, sectors), permission (facilitator),
    # pending requests, recent decisions, members
    with django_assert_num_queries(9):
        client.get("/groupes/mobilite/membres/")
    for index in range(3, 6):
        pending(group, f"personne{index}@exemple.test")
    with django_assert_num_queries(9):
        assert client.get("/groupes/mobilite/membres/").status_code == 200


def test_row_ids_are_not_written_with_a_thousands_separator(client_of, group_facilitator, group):
    user = make_stakeholder("millier@exemple.test")
    GroupMembershipFactory(
        pk=4321,
        group=group,
        user=user,
        organisation=user.memberships.first().organisation,
        status=GroupMembership.Status.PENDING,
        decided_at=None,
    )

    html = client_of(group_facilitator).get("/groupes/mobilite/membres/").content.decode()

    assert 'id="request-4321"' in html
    assert 'data-hx-target="#request-4321"' in html
    assert 'for="message-4321"' in html
