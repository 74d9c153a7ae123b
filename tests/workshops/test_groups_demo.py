"""The demo of groups and meetings: six groups, meetings in the six départements."""

import pytest
from django.utils import timezone

from cop import demo as cop_demo
from cop.models import Role, RoleAssignment, Side
from tests.workshops.factories import DEPARTEMENTS, LeverFactory, SectorFactory, cvl_departement
from workshops import demo as workshops_demo
from workshops.demo_groups import PREFECTURES, seed_groups_and_meetings
from workshops.models import (
    Contribution,
    GroupFacilitator,
    GroupMembership,
    Meeting,
    MeetingKind,
    Registration,
    WorkingGroup,
)

SLUGS = ["batiment", "agriculture-alimentation", "mobilite", "economie-industrie",
         "biodiversite", "foret-bois"]  # fmt: skip


@pytest.fixture
def seeded(db):
    cop_demo.seed(lambda line: None)
    for code in DEPARTEMENTS:
        cvl_departement(code)
    passengers = SectorFactory(name="Transport de voyageurs")
    LeverFactory(slug="augm_covoit", name="Covoiturage", sector=passengers)
    LeverFactory(
        slug="reduc_rfioul", name="Chaudières fioul", sector=SectorFactory(name="Résidentiel")
    )
    lines = []
    seed_groups_and_meetings(lines.append)
    seed_groups_and_meetings(lines.append)
    return lines


def test_the_six_groups_exist_once_in_their_order(seeded):
    assert list(WorkingGroup.objects.values_list("slug", flat=True)) == SLUGS


def test_each_group_has_a_state_and_a_region_facilitator(seeded):
    for group in WorkingGroup.objects.all():
        sides = set(group.facilitators.values_list("side", flat=True))
        assert sides == {Side.STATE, Side.REGION}, group.slug
    mobility_state = GroupFacilitator.objects.get(group__slug="mobilite", side=Side.STATE)
    assert mobility_state.user.email == "animateur@demo.test"
    facilitators = RoleAssignment.objects.filter(role=Role.FACILITATOR)
    assert facilitators.count() == 12


def test_groups_have_members_from_several_colleges_and_requests_waiting(seeded):
    accepted = GroupMembership.objects.filter(status=GroupMembership.Status.ACCEPTED)
    for slug in SLUGS:
        colleges = set(
            accepted.filter(group__slug=slug).values_list("organisation__college", flat=True)
        )
        assert len(colleges) >= 2, slug
    assert GroupMembership.objects.filter(
        group__slug="mobilite", user__email="acteur@demo.test", status="pending"
    ).exists()


def test_levers_are_tied_by_slug_and_sectors_by_name(seeded):
    mobility = WorkingGroup.objects.get(slug="mobilite")
    assert list(mobility.levers.values_list("slug", flat=True)) == ["augm_covoit"]
    assert list(mobility.sectors.values_list("name", flat=True)) == ["Transport de voyageurs"]
    assert WorkingGroup.objects.get(slug="batiment").levers.get().slug == "reduc_rfioul"


def test_every_departement_has_a_meeting_in_its_prefecture_town(seeded):
    departmental = Meeting.objects.filter(kind=MeetingKind.DEPARTMENTAL)
    assert sorted(departmental.values_list("departement__code", flat=True)) == sorted(PREFECTURES)
    for meeting in departmental:
        assert meeting.place == PREFECTURES[meeting.departement.code]


def test_past_meetings_have_minutes_and_upcoming_ones_exist(seeded):
    now = timezone.now()
    past = Meeting.objects.filter(ends_at__lt=now)
    assert past.exclude(minutes_published_at=None).count() >= 6
    assert past.filter(minutes_published_at=None).exists()  # one left to publish
    assert Meeting.objects.filter(starts_at__gt=now).count() >= 6
    kinds = set(Contribution.objects.exclude(meeting=None).values_list("kind", flat=True))
    assert kinds == {"initiative", "obstacle", "proposal"}


def test_a_second_run_changes_nothing(seeded):
    counts = (
        Meeting.objects.count(),
        Contribution.objects.count(),
        GroupMembership.objects.count(),
    )

    seed_groups_and_meetings(lambda line: None)

    assert counts == (
        Meeting.objects.count(),
        Contribution.objects.count(),
        GroupMembership.objects.count(),
    )


def test_without_geography_departmental_meetings_are_skipped_with_a_line(db):
    cop_demo.seed(lambda line: None)
    lines = []

    seed_groups_and_meetings(lines.append)

    assert not Meeting.objects.filter(kind=MeetingKind.DEPARTMENTAL).exists()
    assert any("géographie absente" in line for line in lines)


def test_running_the_whole_workshops_demo_again_adds_no_registration(seeded):
    workshops_demo.seed(lambda line: None)
    counts = (Registration.objects.count(), Contribution.objects.count())

    workshops_demo.seed(lambda line: None)

    assert (Registration.objects.count(), Contribution.objects.count()) == counts
