"""Each permission of groups and meetings, for each persona."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.workshops.factories import MeetingFactory, cvl_departement
from workshops.models import MeetingKind

PERSONAS = ["anonymous", "citizen", "stakeholder", "member", "facilitator", "group_facilitator",
            "staff", "region_staff", "publisher"]  # fmt: skip

EVERY_ACCOUNT = set(PERSONAS) - {"anonymous"}
STAKEHOLDERS = {"stakeholder", "member", "facilitator", "group_facilitator"}
AGENTS = {"staff", "region_staff", "publisher"}
GROUP_RUNNERS = {"group_facilitator"} | AGENTS

# permission -> (object kind, personas holding it)
EXPECTED = {
    "workshops.join_group": ("group", STAKEHOLDERS),
    "workshops.follow_group": ("group", EVERY_ACCOUNT),
    "workshops.decide_group_membership": ("group", GROUP_RUNNERS),
    "workshops.view_group_requests": ("group", GROUP_RUNNERS),
    "workshops.set_group_scenario": ("group", GROUP_RUNNERS),
    "workshops.schedule_group_meeting": ("group", GROUP_RUNNERS),
    # Any facilitator may open the form (for their own groups): the persona
    # ``facilitator`` co-pilots a group of its own.
    "workshops.schedule_meeting": (None, GROUP_RUNNERS | {"facilitator"}),
    "workshops.schedule_departmental_meeting": (None, AGENTS),
    "workshops.register_meeting": ("session", STAKEHOLDERS | AGENTS),
    "workshops.edit_meeting": ("session", GROUP_RUNNERS),
    "workshops.view_attendance": ("session", GROUP_RUNNERS),
    "workshops.mark_attendance": ("session", GROUP_RUNNERS),
    "workshops.publish_minutes": ("session", GROUP_RUNNERS),
}

# A departmental meeting has no group: its facilitators are the agents only.
EXPECTED_DEPARTMENTAL = {
    "workshops.register_meeting": STAKEHOLDERS | AGENTS,
    "workshops.edit_meeting": AGENTS,
    "workshops.view_attendance": AGENTS,
    "workshops.mark_attendance": AGENTS,
    "workshops.publish_minutes": AGENTS,
}


def get_persona(request, name):
    if name == "anonymous":
        return AnonymousUser()
    return request.getfixturevalue(name)


@pytest.mark.django_db
@pytest.mark.parametrize("name", PERSONAS)
def test_each_permission_on_a_group_or_its_session_holds_for_the_expected_personas(
    request, name, group
):
    persona = get_persona(request, name)
    session = MeetingFactory(group=group)
    objects = {"group": group, "session": session, None: None}

    held = {
        perm
        for perm, (kind, _holders) in EXPECTED.items()
        if persona.has_perm(perm, objects[kind])
    }

    assert held == {perm for perm, (_kind, holders) in EXPECTED.items() if name in holders}


@pytest.mark.django_db
@pytest.mark.parametrize("name", PERSONAS)
def test_a_departmental_meeting_is_run_by_agents_only(request, name, group):
    persona = get_persona(request, name)
    meeting = MeetingFactory(
        kind=MeetingKind.DEPARTMENTAL, group=None, departement=cvl_departement("45")
    )

    held = {perm for perm in EXPECTED_DEPARTMENTAL if persona.has_perm(perm, meeting)}

    assert held == {perm for perm, holders in EXPECTED_DEPARTMENTAL.items() if name in holders}


def test_a_facilitator_of_another_group_does_not_run_this_one(group_facilitator, other_group):
    session = MeetingFactory(group=other_group)

    assert not group_facilitator.has_perm("workshops.decide_group_membership", other_group)
    assert not group_facilitator.has_perm("workshops.view_attendance", session)
    assert not group_facilitator.has_perm("workshops.publish_minutes", session)
    assert group_facilitator.has_perm("workshops.register_meeting", session)


def test_an_unverified_account_may_not_follow_a_group(unverified, group):
    assert not unverified.has_perm("workshops.follow_group", group)
