"""Fixtures of the workshops tests: a group, its facilitator, a member."""

import pytest

from cop.models import Side
from tests.workshops.factories import (
    GroupFacilitatorFactory,
    GroupMembershipFactory,
    WorkingGroupFactory,
)


@pytest.fixture
def group(db):
    return WorkingGroupFactory(slug="mobilite", name="Mobilité")


@pytest.fixture
def other_group(db):
    return WorkingGroupFactory(slug="batiment", name="Bâtiment")


@pytest.fixture
def group_facilitator(facilitator, group):
    """The ``facilitator`` persona, named State co-pilot of ``group``."""
    GroupFacilitatorFactory(group=group, user=facilitator, side=Side.STATE)
    return facilitator


@pytest.fixture
def member(stakeholder, group):
    """The ``stakeholder`` persona, accepted member of ``group``."""
    GroupMembershipFactory(
        group=group, user=stakeholder, organisation=stakeholder.memberships.first().organisation
    )
    return stakeholder
