"""Who counts as a local authority representative."""

import pytest

from cop.models import Membership, Role
from cop.roles import roles_of
from territories.models import Commune, Epci, OrganisationTerritory
from territories.permissions import is_local_authority_representative, represents_territory
from territories.reference import reference_of
from territories.selectors import local_authority_of
from tests.factories import MembershipFactory, OrganisationFactory

from .conftest import ORLEANS_METROPOLE


def test_a_member_of_a_tied_local_authority_is_a_representative(local_authority):
    assert is_local_authority_representative(local_authority)
    assert (Role.LOCAL_AUTHORITY, None) in roles_of(local_authority)


def test_the_representative_represents_its_epci_and_nothing_else(local_authority):
    assert represents_territory(local_authority, Epci.objects.get(siren=ORLEANS_METROPOLE))
    assert not represents_territory(local_authority, Commune.objects.get(code="45234"))
    assert not represents_territory(local_authority, Epci.objects.get(siren="243700754"))


def test_the_representative_finds_its_territory(local_authority):
    tie = local_authority_of(user=local_authority)

    assert tie.territory == reference_of(Epci.objects.get(siren=ORLEANS_METROPOLE))


def test_a_pending_membership_is_not_enough(local_authority):
    Membership.objects.filter(user=local_authority).update(status=Membership.Status.PENDING)

    assert not is_local_authority_representative(local_authority)
    assert (Role.LOCAL_AUTHORITY, None) not in roles_of(local_authority)
    assert local_authority_of(user=local_authority) is None


def test_an_organisation_without_territory_makes_no_representative(local_authority):
    OrganisationTerritory.objects.all().delete()

    assert not is_local_authority_representative(local_authority)


@pytest.mark.parametrize(
    "persona", ["citizen", "stakeholder", "facilitator", "staff", "publisher"]
)
def test_other_personas_are_not_representatives(geography, request, persona):
    user = request.getfixturevalue(persona)

    assert not is_local_authority_representative(user)
    assert not represents_territory(user, Epci.objects.get(siren=ORLEANS_METROPOLE))


def test_a_visitor_is_not_a_representative(geography):
    from django.contrib.auth.models import AnonymousUser

    assert not is_local_authority_representative(AnonymousUser())
    assert not represents_territory(AnonymousUser(), Epci.objects.get(siren=ORLEANS_METROPOLE))


def test_a_declined_member_is_not_a_representative(local_authority):
    other = MembershipFactory(
        organisation=OrganisationTerritory.objects.get().organisation, declined=True
    ).user

    assert not is_local_authority_representative(other)


def test_a_representative_is_granted_only_to_a_member_of_the_tied_authority(geography, staff):
    from django.core.exceptions import ValidationError

    from cop.services import grant_role

    stranger = MembershipFactory(approved=True).user
    epci = reference_of(Epci.objects.get(siren=ORLEANS_METROPOLE))
    OrganisationTerritory.objects.create(
        organisation=OrganisationFactory(name="Orléans Métropole"), territory=epci
    )

    with pytest.raises(ValidationError, match="n’est pas membre"):
        grant_role(user=stranger, role=Role.LOCAL_AUTHORITY, scope=epci, by=staff)
    assert not is_local_authority_representative(stranger)
    assert not stranger.role_assignments.exists()


def test_being_a_member_is_not_enough_without_the_grant(local_authority):
    from cop.services import revoke_role

    epci = reference_of(Epci.objects.get(siren=ORLEANS_METROPOLE))
    revoke_role(user=local_authority, role=Role.LOCAL_AUTHORITY, scope=epci, by=None)

    assert not is_local_authority_representative(local_authority)
    assert not represents_territory(local_authority, epci)
    assert (Role.LOCAL_AUTHORITY, None) not in roles_of(local_authority)


def test_check_roles_reports_a_representative_whose_membership_ended(local_authority):
    from cop.management.commands.check_roles import role_problems

    assert role_problems() == []
    Membership.objects.filter(user=local_authority).update(status=Membership.Status.DECLINED)

    assert any("représentant de collectivité" in line for line in role_problems())
