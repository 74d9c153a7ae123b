"""The admin of the workshops app: agents manage groups and meetings, read the rest."""

import pytest

from tests.workshops.factories import (
    ContributionFactory,
    GroupMembershipFactory,
    MeetingFactory,
    RegistrationFactory,
)

CHANGELISTS = [
    "workinggroup",
    "groupfacilitator",
    "groupdocument",
    "groupmembership",
    "groupfollow",
    "meeting",
    "meetingattachment",
    "registration",
    "contribution",
    "comment",
    "support",
    "report",
]


@pytest.mark.parametrize("model", CHANGELISTS)
def test_an_agent_opens_every_list_of_the_app(client_of, staff, group, model):
    meeting = MeetingFactory(group=group)
    RegistrationFactory(meeting=meeting)
    GroupMembershipFactory(group=group)
    ContributionFactory(group=group)

    response = client_of(staff).get(f"/admin/workshops/{model}/")

    assert response.status_code == 200


def test_an_agent_adds_a_meeting_but_only_reads_registrations(client_of, staff, group):
    client = client_of(staff)

    assert client.get("/admin/workshops/meeting/add/").status_code == 200
    assert client.get("/admin/workshops/registration/add/").status_code == 403


def test_a_facilitator_has_no_admin(client_of, group_facilitator):
    response = client_of(group_facilitator).get("/admin/workshops/meeting/")

    assert response.status_code == 302
