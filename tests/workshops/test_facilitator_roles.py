"""The facilitator role and the group's facilitators cannot disagree, by any path."""

import dataclasses

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from cop import services
from cop.management.commands.check_roles import role_problems
from cop.models import Role, RoleAssignment, Side
from tests.factories import UserFactory, VerifiedUserFactory
from workshops.models import GroupFacilitator
from workshops.services.facilitators import FACILITATOR_SCOPE


def pairs():
    roles = set(
        RoleAssignment.objects.filter(role=Role.FACILITATOR).values_list(
            "scope_id", "user_id", "side"
        )
    )
    rows = {
        (str(group), user, side)
        for group, user, side in GroupFacilitator.objects.values_list(
            "group_id", "user_id", "side"
        )
    }
    return roles, rows


def test_granting_a_facilitator_of_a_group_names_them_in_the_group(staff, group):
    user = VerifiedUserFactory()

    services.grant_role(user=user, role=Role.FACILITATOR, side=Side.REGION, scope=group, by=staff)

    assert GroupFacilitator.objects.get(group=group).user == user
    roles, rows = pairs()
    assert roles == rows == {(str(group.pk), user.pk, Side.REGION)}


def test_revoking_the_role_removes_them_from_the_group(staff, group_facilitator, group):
    services.revoke_role(user=group_facilitator, role=Role.FACILITATOR, scope=group, by=staff)

    assert not GroupFacilitator.objects.filter(group=group, user=group_facilitator).exists()
    roles, rows = pairs()
    assert roles == rows


def test_a_second_facilitator_on_the_same_side_is_refused_and_nothing_changes(
    group_facilitator, group
):
    other = VerifiedUserFactory(email="autre@exemple.test")

    with pytest.raises(ValidationError, match="anime déjà ce groupe côté État"):
        services.grant_role(
            user=other, role=Role.FACILITATOR, side=Side.STATE, scope=group, by=None
        )

    assert GroupFacilitator.objects.get(group=group, side=Side.STATE).user == group_facilitator
    roles, rows = pairs()
    assert roles == rows


def test_moving_a_facilitator_to_the_other_side_moves_both(group_facilitator, group):
    services.grant_role(
        user=group_facilitator, role=Role.FACILITATOR, side=Side.REGION, scope=group, by=None
    )

    assert GroupFacilitator.objects.get(group=group, user=group_facilitator).side == Side.REGION
    roles, rows = pairs()
    assert roles == rows


def test_a_failure_while_naming_the_facilitator_leaves_no_role(group, monkeypatch):
    def broken(_assignment):
        raise RuntimeError("panne")

    broken_scope = dataclasses.replace(FACILITATOR_SCOPE, on_grant=broken)
    monkeypatch.setattr("cop.services.roles.scope_of", lambda role: broken_scope)
    with pytest.raises(RuntimeError):
        services.grant_role(
            user=VerifiedUserFactory(),
            role=Role.FACILITATOR,
            side=Side.STATE,
            scope=group,
            by=None,
        )
    assert not RoleAssignment.objects.filter(role=Role.FACILITATOR).exists()


def test_deleting_a_group_takes_its_facilitator_roles_with_it(group_facilitator, group):
    group.delete()

    roles, rows = pairs()
    assert (str(group.pk), group_facilitator.pk, Side.STATE) not in roles
    assert roles == rows


def test_the_admin_cannot_add_change_or_delete_a_group_facilitator(
    client, group_facilitator, group
):
    superuser = UserFactory(email="root@exemple.test", is_superuser=True, is_staff=True)
    client.force_login(superuser)
    row = GroupFacilitator.objects.get(group=group)

    assert client.get("/admin/workshops/groupfacilitator/add/").status_code == 403
    response = client.post(
        f"/admin/workshops/groupfacilitator/{row.pk}/change/",
        {"group": group.pk, "user": superuser.pk, "side": Side.REGION},
    )
    assert response.status_code in (200, 403)
    assert (
        client.post(
            f"/admin/workshops/groupfacilitator/{row.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    # Neither through the group's page: the inline only shows the facilitators.
    page = client.get(f"/admin/workshops/workinggroup/{group.pk}/change/")
    assert page.status_code == 200
    assert 'name="facilitators-0-user"' not in page.content.decode()
    row.refresh_from_db()
    assert (row.user, row.side) == (group_facilitator, Side.STATE)
    roles, rows = pairs()
    assert roles == rows


def test_the_admin_cannot_write_a_role_assignment(client, group_facilitator, group):
    superuser = UserFactory(email="root@exemple.test", is_superuser=True, is_staff=True)
    client.force_login(superuser)
    assignment = RoleAssignment.objects.get(user=group_facilitator, scope_id=str(group.pk))

    assert client.get("/admin/cop/roleassignment/add/").status_code == 403
    assert (
        client.post(
            f"/admin/cop/roleassignment/{assignment.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_check_roles_finds_a_group_facilitator_written_behind_the_service(group, capsys):
    assert role_problems() == []
    GroupFacilitator.objects.create(group=group, user=VerifiedUserFactory(), side=Side.REGION)

    problems = role_problems()
    assert len(problems) == 1
    assert "sans avoir le rôle d’animateur" in problems[0]
    with pytest.raises(Exception, match="incohérence"):
        call_command("check_roles")
