"""What the workshops show in "Mon espace" and on the home page, persona by persona."""

import datetime as dt

import pytest
from django.utils import timezone

from cop.models import Side
from tests.workshops.factories import (
    ContributionFactory,
    GroupFacilitatorFactory,
    GroupMembershipFactory,
    MeetingFactory,
    RegistrationFactory,
    WorkingGroupFactory,
)
from workshops.models import ContributionStatus, GroupMembership, MeetingStatus, Registration


@pytest.fixture
def busy_stakeholder(stakeholder, group, other_group):
    """A stakeholder in two groups, asking to join a third, with meetings and contributions."""
    organisation = stakeholder.memberships.first().organisation
    GroupMembershipFactory(group=group, user=stakeholder, organisation=organisation)
    GroupMembershipFactory(group=other_group, user=stakeholder, organisation=organisation)
    GroupMembershipFactory(
        group=WorkingGroupFactory(slug="agriculture", name="Agriculture"),
        user=stakeholder,
        organisation=organisation,
        status=GroupMembership.Status.PENDING,
        decided_at=None,
    )
    GroupMembershipFactory(
        group=WorkingGroupFactory(slug="energie", name="Énergie"),
        user=stakeholder,
        organisation=organisation,
        status=GroupMembership.Status.DECLINED,
    )
    soon = timezone.now() + dt.timedelta(days=2)
    RegistrationFactory(
        user=stakeholder, meeting=MeetingFactory(group=group, title="Atelier covoiturage")
    )
    RegistrationFactory(
        user=stakeholder,
        meeting=MeetingFactory(group=group, title="Atelier vélo", starts_at=soon),
        status=Registration.Status.WAITING,
    )
    RegistrationFactory(
        user=stakeholder,
        meeting=MeetingFactory(
            group=other_group,
            title="Séance rénovation",
            status=MeetingStatus.CANCELLED,
            cancelled_at=timezone.now(),
        ),
    )
    RegistrationFactory(
        user=stakeholder,
        meeting=MeetingFactory(group=group, title="Séance quittée"),
        status=Registration.Status.CANCELLED,
    )
    RegistrationFactory(
        user=stakeholder,
        meeting=MeetingFactory(
            group=group, title="Séance passée", starts_at=timezone.now() - dt.timedelta(days=9)
        ),
    )
    ContributionFactory(author=stakeholder, group=group, title="Lignes de car express")
    ContributionFactory(
        author=stakeholder,
        group=group,
        title="Propos hors sujet",
        status=ContributionStatus.HIDDEN,
        moderation_reason="Sans rapport avec le groupe.",
    )
    ContributionFactory(
        author=stakeholder,
        group=other_group,
        title="Isolation retenue",
        retained_at=timezone.now(),
    )
    ContributionFactory(group=group, title="La contribution de quelqu’un d’autre")
    return stakeholder


def test_a_stakeholder_sees_their_groups_meetings_and_contributions_with_their_status(
    busy_stakeholder, stakeholder_client
):
    page = stakeholder_client.get("/mon-espace/").content.decode()

    groups = page[page.index("Mes groupes de travail") : page.index("Mes réunions")]
    meetings = page[page.index("Mes réunions") : page.index("Mes contributions")]
    contributions = page[page.index("Mes contributions") :]
    assert "Mobilité" in groups
    assert "Bâtiment" in groups
    assert "Agriculture" in groups
    assert "demande en attente" in groups
    assert "Énergie" not in groups  # declined
    assert meetings.index("Atelier vélo") < meetings.index("Atelier covoiturage")  # soonest first
    assert "en liste d’attente" in meetings
    assert "réunion annulée" in meetings
    assert "Séance quittée" not in meetings
    assert "Séance passée" not in meetings
    assert "Lignes de car express" in contributions
    assert "Motif : Sans rapport avec le groupe." in contributions
    assert "retenue" in contributions
    assert "quelqu’un d’autre" not in contributions


def test_mon_espace_reads_each_section_in_one_query(
    busy_stakeholder, stakeholder_client, django_assert_num_queries
):
    # 1. the session, 2. the user,
    # 3. the long jobs (cop), 4. the groups with the person's status,
    # 5. the registrations with their meeting, group and département,
    # 6. the contributions with their group
    with django_assert_num_queries(6):
        response = stakeholder_client.get("/mon-espace/")
    assert response.status_code == 200


def test_a_facilitator_sees_the_group_they_copilot(client_of, facilitator, group):
    GroupFacilitatorFactory(group=group, user=facilitator, side=Side.STATE)

    page = client_of(facilitator).get("/mon-espace/").content.decode()

    assert "Mes groupes de travail" in page
    assert "Mobilité" in page
    assert "vous l’animez" in page
    assert "Mes contributions" not in page


def test_a_citizen_without_groups_meetings_or_contributions_sees_none_of_these_sections(
    citizen_client, group
):
    page = citizen_client.get("/mon-espace/").content.decode()

    assert "Mes groupes de travail" not in page
    assert "Mes réunions" not in page
    assert "Mes contributions" not in page
    assert "Rien ne vous concerne encore" in page


def test_staff_see_their_own_registrations_not_everyone_s(staff, staff_client, busy_stakeholder):
    RegistrationFactory(user=staff, meeting=MeetingFactory(title="Comité de pilotage"))

    page = staff_client.get("/mon-espace/").content.decode()

    assert "Comité de pilotage" in page
    assert "Atelier vélo" not in page
    assert "Mes groupes de travail" not in page


def test_the_home_page_shows_the_next_meeting_as_a_next_step(busy_stakeholder, stakeholder_client):
    html = stakeholder_client.get("/").content.decode()

    steps = html[html.index("Vos prochaines étapes") : html.index("Que pouvez-vous faire")]
    assert "Votre prochaine réunion" in steps
    assert "Atelier vélo" in steps
    assert "en liste d’attente" in steps
    assert "Atelier covoiturage" not in steps


def test_the_home_page_shows_no_next_step_to_someone_without_a_meeting(citizen_client, group):
    assert "Vos prochaines étapes" not in citizen_client.get("/").content.decode()
