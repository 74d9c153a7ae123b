"""The staff page of roles (/suivi/roles/): every persona against the page and each action."""

import pytest

from cop.models import AuditEvent, Role, RoleAssignment, Side
from cop.services import grant_role
from tests.factories import RoleAssignmentFactory, VerifiedUserFactory
from tests.workshops.factories import WorkingGroupFactory
from workshops.models import GroupFacilitator

NOT_STAFF = ["citizen", "stakeholder", "facilitator"]
STAFF = ["staff", "region_staff", "publisher"]
QUERIES = 7


@pytest.fixture
def target(db):
    return VerifiedUserFactory(email="nouvelle@exemple.test")


def grant(client, **fields):
    return client.post("/suivi/roles/", {"email": "nouvelle@exemple.test", **fields})


def test_a_visitor_is_sent_to_the_login_page(client):
    response = client.get("/suivi/roles/")
    assert response.status_code == 302
    assert "/comptes/connexion/" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("persona", NOT_STAFF)
def test_others_are_told_in_french_why_they_may_not_see_the_page(request, client_of, persona):
    client = client_of(request.getfixturevalue(persona))

    response = client.get("/suivi/roles/")

    assert response.status_code == 403
    assert "réservée aux agents de l’État et de la Région" in response.content.decode()


@pytest.mark.parametrize("persona", NOT_STAFF)
def test_others_may_neither_grant_nor_revoke(request, client_of, persona, target, staff):
    client = client_of(request.getfixturevalue(persona))
    assignment = RoleAssignment.objects.get(user=staff)

    assert grant(client, role=Role.STAFF, side=Side.STATE).status_code == 403
    assert client.post(f"/suivi/roles/{assignment.pk}/retirer/").status_code == 403
    assert not target.role_assignments.exists()
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()


@pytest.mark.parametrize("persona", STAFF)
def test_agents_see_who_holds_which_role(request, client_of, persona, facilitator, publisher):
    response = client_of(request.getfixturevalue(persona)).get("/suivi/roles/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "animatrice@exemple.test" in page
    assert "Forêts (groupe de l’animatrice)" in page
    assert "signataire-etat@exemple.test" in page


def test_the_list_filters_by_role_and_side(staff_client, facilitator, publisher, region_staff):
    page = staff_client.get("/suivi/roles/?role=publisher&side=state").content.decode()
    rows = page.split("<tbody>")[1]
    assert "signataire-etat@exemple.test" in rows
    assert "animatrice@exemple.test" not in rows
    assert "agent-region@exemple.test" not in rows


def test_an_unknown_filter_value_is_ignored_not_a_500(staff_client):
    assert staff_client.get("/suivi/roles/?role=roi&side=region").status_code == 200
    # A control character is refused before any view, with the French 400 page.
    assert staff_client.get("/suivi/roles/?role=roi&side=%00").status_code == 400


def test_the_list_costs_the_same_queries_for_more_rows(
    staff_client, django_assert_num_queries, facilitator
):
    def more():
        for _ in range(3):
            grant_role(
                user=VerifiedUserFactory(),
                role=Role.FACILITATOR,
                side=Side.REGION,
                scope=WorkingGroupFactory(),
                by=None,
            )

    # 1 session, 2 user, 3 the page's permission, 4 the assignments with their people
    # and granters, 5 their scopes (one per scope type: groups), 6 the groups and
    # 7 the tied territories offered to the form
    more()
    with django_assert_num_queries(QUERIES):
        staff_client.get("/suivi/roles/")
    more()
    with django_assert_num_queries(QUERIES):
        staff_client.get("/suivi/roles/")


@pytest.mark.parametrize("persona", STAFF)
def test_agents_name_a_facilitator_of_a_group(request, client_of, persona, target):
    group = WorkingGroupFactory(name="Mobilité")
    actor = request.getfixturevalue(persona)

    response = grant(
        client_of(actor),
        role=Role.FACILITATOR,
        side=Side.REGION,
        scope_facilitator=f"workshops.workinggroup:{group.pk}",
    )

    assert response.status_code == 302
    assert GroupFacilitator.objects.get(group=group).user == target
    event = AuditEvent.objects.get(action="role.grant")
    assert event.actor == actor
    assert event.details["scope"] == "Mobilité"


def test_a_state_agent_gives_the_state_staff_role_and_is_staff_follows(staff_client, target):
    assert grant(staff_client, role=Role.STAFF, side=Side.STATE).status_code == 302
    target.refresh_from_db()
    assert target.is_staff


def test_an_agent_may_not_give_the_other_side_s_staff_role(staff_client, target):
    response = grant(staff_client, role=Role.STAFF, side=Side.REGION)

    assert response.status_code == 403
    assert "côté Région ne peut être confié" in response.content.decode()
    assert not target.role_assignments.exists()


@pytest.mark.parametrize("persona", ["staff", "region_staff", "region_publisher"])
def test_only_a_holder_of_the_state_signature_gives_it(request, client_of, persona, target):
    response = grant(client_of(request.getfixturevalue(persona)), role="publisher", side="state")

    assert response.status_code == 403
    assert "signature côté État" in response.content.decode()
    assert not target.role_assignments.exists()


def test_a_state_publisher_gives_the_state_signature(publisher_client, target):
    assert grant(publisher_client, role="publisher", side="state").status_code == 302
    assert AuditEvent.objects.get(action="role.grant").details == {
        "role": "publisher",
        "side": "state",
    }
    target.refresh_from_db()
    assert target.is_staff


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"role": "staff"}, "Choisissez le côté"),
        ({"role": "facilitator", "side": "state"}, "Choisissez : groupe de travail"),
        ({"role": "facilitator", "side": "state", "scope_facilitator": "x:1"}, "choix valide"),
        ({"role": "roi", "side": "state"}, "choix valide"),
        ({"role": "staff", "side": "state", "email": "personne@exemple.test"}, "Aucun compte"),
        ({"role": "staff", "side": "state", "email": "pas une adresse"}, "valide"),
    ],
)
def test_a_bad_form_keeps_what_was_typed_and_says_why(staff_client, target, fields, message):
    response = staff_client.post("/suivi/roles/", {"email": "nouvelle@exemple.test", **fields})

    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert f'value="{fields.get("email", "nouvelle@exemple.test")}"' in page
    assert not RoleAssignment.objects.filter(user=target).exists()
    assert not AuditEvent.objects.exists()


def test_a_second_facilitator_on_a_side_is_a_form_error(staff_client, facilitator, target):
    group = facilitator.facilitations.get().group
    response = grant(
        staff_client,
        role="facilitator",
        side="state",
        scope_facilitator=f"workshops.workinggroup:{group.pk}",
    )
    assert response.status_code == 400
    assert "anime déjà ce groupe côté État" in response.content.decode()


@pytest.mark.parametrize("persona", STAFF)
def test_agents_revoke_a_facilitator_after_a_confirmation(
    request, client_of, persona, facilitator
):
    client = client_of(request.getfixturevalue(persona))
    assignment = RoleAssignment.objects.get(user=facilitator)
    url = f"/suivi/roles/{assignment.pk}/retirer/"

    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert "Retirer le rôle « animateur »" in confirmation.content.decode()
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()

    assert client.post(url).status_code == 302
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    assert not GroupFacilitator.objects.filter(user=facilitator).exists()
    assert AuditEvent.objects.get(action="role.revoke").details["role"] == "facilitator"


def test_revoking_the_last_staff_role_closes_the_admin(
    region_staff_client, region_staff, client_of
):
    other = VerifiedUserFactory(email="agent2@exemple.test", is_staff=True)
    assignment = RoleAssignmentFactory(user=other, role=Role.STAFF, side=Side.REGION)
    assert region_staff_client.post(f"/suivi/roles/{assignment.pk}/retirer/").status_code == 302
    other.refresh_from_db()
    assert not other.is_staff


def test_the_state_signature_is_not_revoked_by_a_region_agent(region_staff_client, publisher):
    assignment = RoleAssignment.objects.get(user=publisher, role=Role.PUBLISHER)
    response = region_staff_client.post(f"/suivi/roles/{assignment.pk}/retirer/")
    assert response.status_code == 403
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_revoking_an_unknown_row_is_a_404(staff_client):
    assert staff_client.post("/suivi/roles/999999/retirer/").status_code == 404


@pytest.mark.parametrize(("persona", "linked"), [("stakeholder", False), ("staff", True)])
def test_the_profile_links_agents_to_the_page(request, client_of, persona, linked):
    page = client_of(request.getfixturevalue(persona)).get("/profil/").content.decode()
    assert ('href="/suivi/roles/"' in page) is linked
