"""Roles as data: what roles_of says, the registry, granting and revoking."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from cop import roles, services
from cop.models import AuditEvent, Role, RoleAssignment, Side
from cop.roles import register_role_provider, roles_of, unregister_role_provider
from tests.factories import VerifiedUserFactory
from tests.workshops.factories import WorkingGroupFactory


@pytest.fixture(autouse=True)
def _only_the_process_core_roles(monkeypatch):
    """Higher apps register their providers at start-up; these tests leave them out."""
    monkeypatch.setattr(roles, "_providers", [])


def test_a_visitor_is_only_a_visitor():
    assert roles_of(AnonymousUser()) == [(Role.VISITOR, None)]


def test_an_unverified_account_is_still_only_a_visitor(unverified):
    assert roles_of(unverified) == [(Role.VISITOR, None)]


def test_roles_of_each_persona(citizen, stakeholder, facilitator, publisher, region_staff):
    assert roles_of(citizen) == [(Role.CITIZEN, None)]
    assert roles_of(stakeholder) == [(Role.CITIZEN, None), (Role.STAKEHOLDER, None)]
    assert roles_of(facilitator) == [
        (Role.CITIZEN, None),
        (Role.STAKEHOLDER, None),
        (Role.FACILITATOR, Side.STATE),
    ]
    assert roles_of(publisher) == [
        (Role.CITIZEN, None),
        (Role.STAFF, Side.STATE),
        (Role.PUBLISHER, Side.STATE),
    ]
    assert roles_of(region_staff) == [(Role.CITIZEN, None), (Role.STAFF, Side.REGION)]


def test_roles_of_costs_two_queries_plus_those_of_the_providers(
    publisher, django_assert_num_queries
):
    with django_assert_num_queries(2):  # 1 facts of the user, 2 role assignments
        roles_of(publisher)


def test_a_higher_app_adds_its_roles_through_a_provider(stakeholder):
    def local_authority(user):
        return [(Role.LOCAL_AUTHORITY, None)] if user == stakeholder else []

    register_role_provider(local_authority)
    register_role_provider(local_authority)  # twice: no effect
    try:
        assert roles_of(stakeholder).count((Role.LOCAL_AUTHORITY, None)) == 1
        assert roles_of(stakeholder)[-1] == (Role.LOCAL_AUTHORITY, None)
    finally:
        unregister_role_provider(local_authority)
    assert local_authority not in roles._providers


def test_granting_staff_opens_the_admin_and_is_audited(db, publisher):
    user = VerifiedUserFactory()

    services.grant_role(user=user, role=Role.STAFF, side=Side.REGION, by=publisher)

    user.refresh_from_db()
    assert user.is_staff
    assert RoleAssignment.objects.get(user=user).side == Side.REGION
    event = AuditEvent.objects.get(action="role.grant")
    assert event.actor == publisher
    assert event.details == {"role": "staff", "side": "region"}


def test_granting_a_role_twice_changes_nothing(db):
    user = VerifiedUserFactory()
    group = WorkingGroupFactory()
    services.grant_role(user=user, role=Role.FACILITATOR, side=Side.STATE, scope=group, by=None)
    services.grant_role(user=user, role=Role.FACILITATOR, side=Side.STATE, scope=group, by=None)

    assert RoleAssignment.objects.filter(user=user).count() == 1
    assert AuditEvent.objects.filter(action="role.grant").count() == 1
    user.refresh_from_db()
    assert not user.is_staff  # a facilitator is not an agent


def test_granting_again_on_the_other_side_moves_the_role(db):
    user = VerifiedUserFactory()
    services.grant_role(user=user, role=Role.STAFF, side=Side.STATE, by=None)
    services.grant_role(user=user, role=Role.STAFF, side=Side.REGION, by=None)

    assert RoleAssignment.objects.get(user=user).side == Side.REGION


def test_derived_roles_cannot_be_granted_by_hand(db):
    user = VerifiedUserFactory()
    with pytest.raises(ValidationError):
        services.grant_role(user=user, role=Role.STAKEHOLDER, side=Side.STATE, by=None)
    assert not RoleAssignment.objects.exists()


def test_revoking_the_last_staff_level_role_closes_the_admin(publisher):
    services.revoke_role(user=publisher, role=Role.PUBLISHER, by=None)
    publisher.refresh_from_db()
    assert publisher.is_staff  # still staff

    services.revoke_role(user=publisher, role=Role.STAFF, by=None)
    publisher.refresh_from_db()
    assert not publisher.is_staff
    assert AuditEvent.objects.filter(action="role.revoke").count() == 2
