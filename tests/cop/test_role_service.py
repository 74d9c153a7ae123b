"""The one role service: audit rows with who, what, side and scope; is_staff follows."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from cop import services
from cop.models import AuditEvent, Role, RoleAssignment, Side
from cop.roles import roles_of
from tests.factories import UserFactory, VerifiedUserFactory
from tests.workshops.factories import WorkingGroupFactory


def test_granting_a_signature_writes_who_what_and_side(staff):
    user = VerifiedUserFactory(email="signataire@exemple.test")

    services.grant_role(user=user, role=Role.PUBLISHER, side=Side.REGION, by=staff)

    event = AuditEvent.objects.get(action="role.grant")
    assert event.actor == staff
    assert event.target_repr == str(user)
    assert event.details == {"role": "publisher", "side": "region"}


def test_granting_a_facilitator_records_the_group(staff):
    user = VerifiedUserFactory()
    group = WorkingGroupFactory(name="Mobilité")

    services.grant_role(user=user, role=Role.FACILITATOR, side=Side.STATE, scope=group, by=staff)

    event = AuditEvent.objects.get(action="role.grant")
    assert event.details == {
        "role": "facilitator",
        "side": "state",
        "scope": "Mobilité",
        "scope_type": "workshops.workinggroup",
        "scope_id": group.pk,
    }


def test_revoking_a_signature_records_its_side(publisher, region_staff):
    services.revoke_role(user=publisher, role=Role.PUBLISHER, by=region_staff)

    event = AuditEvent.objects.get(action="role.revoke")
    assert event.actor == region_staff
    assert event.details == {"role": "publisher", "side": "state"}
    assert (Role.PUBLISHER, Side.STATE) not in roles_of(publisher)


def test_a_publisher_alone_opens_the_admin_and_losing_it_closes_it(db):
    user = VerifiedUserFactory()

    services.grant_role(user=user, role=Role.PUBLISHER, side=Side.STATE, by=None)
    user.refresh_from_db()
    assert user.is_staff

    services.revoke_role(user=user, role=Role.PUBLISHER, by=None)
    user.refresh_from_db()
    assert not user.is_staff


def test_a_facilitator_or_representative_is_not_an_agent(db):
    user = VerifiedUserFactory()
    services.grant_role(
        user=user, role=Role.FACILITATOR, side=Side.STATE, scope=WorkingGroupFactory(), by=None
    )
    user.refresh_from_db()
    assert not user.is_staff


def test_a_superuser_keeps_the_admin_without_any_role(db):
    user = UserFactory(is_superuser=True, is_staff=True)
    services.grant_role(user=user, role=Role.STAFF, side=Side.STATE, by=None)
    services.revoke_role(user=user, role=Role.STAFF, by=None)
    user.refresh_from_db()
    assert user.is_staff


def test_sync_is_staff_repairs_a_flag_set_by_hand(db):
    user = UserFactory(is_staff=True)

    assert services.sync_is_staff(user)
    user.refresh_from_db()
    assert not user.is_staff
    assert not services.sync_is_staff(user)  # the second run changes nothing


@pytest.mark.parametrize(
    ("role", "side", "scoped", "message"),
    [
        (Role.STAFF, "", False, "Choisissez le côté"),
        (Role.STAFF, "nord", False, "Choisissez le côté"),
        (Role.FACILITATOR, Side.STATE, False, "groupe de travail"),
        (Role.STAFF, Side.STATE, True, "ne s’attribue pas pour un périmètre"),
        (Role.CITIZEN, Side.STATE, False, "ne s’attribue pas à la main"),
    ],
)
def test_a_grant_without_what_the_role_needs_changes_nothing(db, role, side, scoped, message):
    user = VerifiedUserFactory()
    scope = WorkingGroupFactory() if scoped else None

    with pytest.raises(ValidationError, match=message):
        services.grant_role(user=user, role=role, side=side, scope=scope, by=None)

    assert not RoleAssignment.objects.exists()
    assert not AuditEvent.objects.exists()
    user.refresh_from_db()
    assert not user.is_staff


def test_revoking_a_role_not_held_writes_nothing(citizen):
    services.revoke_role(user=citizen, role=Role.STAFF, by=None)
    assert not AuditEvent.objects.exists()


def test_check_roles_says_when_is_staff_was_set_by_hand(db, staff, capsys):
    call_command("check_roles")  # the personas agree
    UserFactory(email="bricole@exemple.test", is_staff=True)

    with pytest.raises(Exception, match="incohérence"):
        call_command("check_roles")
    assert "bricole@exemple.test" in capsys.readouterr().err


def test_the_admin_user_form_cannot_set_is_staff_by_hand(client, citizen):
    root = UserFactory(email="root@exemple.test", is_superuser=True, is_staff=True)
    client.force_login(root)
    url = f"/admin/cop/user/{citizen.pk}/change/"
    assert 'name="is_staff"' not in client.get(url).content.decode()

    client.post(
        url,
        {
            "email": citizen.email,
            "is_active": "on",
            "is_staff": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )

    citizen.refresh_from_db()
    assert not citizen.is_staff
