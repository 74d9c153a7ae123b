from cop.models import Membership, Role, RoleAssignment


def test_the_stakeholder_persona_has_an_approved_membership(stakeholder):
    assert stakeholder.memberships.get().status == Membership.Status.APPROVED


def test_the_publisher_persona_is_also_staff_and_may_use_the_admin(publisher):
    roles = set(RoleAssignment.objects.filter(user=publisher).values_list("role", flat=True))
    assert roles == {Role.STAFF, Role.PUBLISHER}
    assert publisher.is_staff


def test_a_logged_in_client_sees_its_own_session(citizen_client, citizen):
    assert int(citizen_client.session["_auth_user_id"]) == citizen.pk
