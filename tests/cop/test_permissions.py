"""Each predicate of the process core, for each persona."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser

from cop.permissions import (
    is_citizen,
    is_facilitator,
    is_publisher,
    is_region_side,
    is_staff_member,
    is_stakeholder,
    is_state_side,
)
from tests.factories import MembershipFactory, RoleAssignmentFactory, UserFactory

PERSONAS = ["anonymous", "unverified", "citizen", "stakeholder", "facilitator", "staff",
            "region_staff", "publisher", "superuser"]  # fmt: skip

# persona -> the predicates that hold for it
EXPECTED = {
    "anonymous": set(),
    "unverified": set(),
    "citizen": {is_citizen},
    "stakeholder": {is_citizen, is_stakeholder},
    "facilitator": {is_citizen, is_stakeholder, is_facilitator, is_state_side},
    "staff": {is_citizen, is_staff_member, is_state_side},
    "region_staff": {is_citizen, is_staff_member, is_region_side},
    "publisher": {is_citizen, is_staff_member, is_publisher, is_state_side},
    "superuser": {is_citizen, is_staff_member},
}
PREDICATES = [is_citizen, is_stakeholder, is_facilitator, is_staff_member, is_publisher,
              is_state_side, is_region_side]  # fmt: skip


def get_persona(request, name):
    if name == "anonymous":
        return AnonymousUser()
    if name == "superuser":
        return UserFactory(email="admin@exemple.test", is_superuser=True, is_staff=True)
    return request.getfixturevalue(name)


def test_the_predicates_hold_for_the_personas_they_name(personas):
    assert is_citizen(personas["citizen"])
    assert is_stakeholder(personas["stakeholder"])
    assert is_facilitator(personas["facilitator"])
    assert is_staff_member(personas["staff"])
    assert is_publisher(personas["publisher"])


@pytest.mark.django_db
@pytest.mark.parametrize("name", PERSONAS)
def test_each_predicate_holds_exactly_for_the_expected_personas(request, name):
    persona = get_persona(request, name)
    held = {predicate for predicate in PREDICATES if predicate(persona)}
    assert held == EXPECTED[name]


def test_a_publisher_without_a_staff_row_still_counts_as_staff(db):
    assignment = RoleAssignmentFactory(role="publisher", side="region")
    assert is_staff_member(assignment.user)
    assert is_region_side(assignment.user)


def test_a_pending_or_declined_membership_does_not_make_a_stakeholder(db):
    pending = MembershipFactory()
    declined = MembershipFactory(declined=True)
    assert not is_stakeholder(pending.user)
    assert not is_stakeholder(declined.user)


def test_an_unverified_secondary_address_is_not_enough_to_be_a_citizen(db):
    user = UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    assert not is_citizen(user)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("citizen", False),
        ("stakeholder", False),
        ("facilitator", False),
        ("staff", True),
        ("region_staff", True),
        ("publisher", True),
    ],
)
def test_only_agents_hold_the_staff_permissions(request, name, allowed):
    persona = get_persona(request, name)
    for permission in ["cop.view_auditlog", "cop.decide_membership", "cop.view_memberships"]:
        assert persona.has_perm(permission) is allowed, permission


def test_a_visitor_holds_no_permission_of_the_process_core(db):
    assert not AnonymousUser().has_perm("cop.view_auditlog")
    assert not AnonymousUser().has_perm("cop.view_profile")
