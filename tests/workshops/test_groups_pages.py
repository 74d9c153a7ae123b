"""The list of groups and a group's page, as a visitor sees them."""

import datetime as dt

import pytest
from django.utils import timezone

from cop.models import College, Side
from tests.factories import OrganisationFactory
from tests.panorama.factories import ScenarioFactory
from tests.workshops.factories import (
    ContributionFactory,
    GroupDocumentFactory,
    GroupFacilitatorFactory,
    GroupMembershipFactory,
    LeverFactory,
    MeetingFactory,
    RegionalEffortFactory,
    SectorFactory,
    WorkingGroupFactory,
)
from workshops.models import ContributionStatus, GroupMembership


@pytest.fixture
def six_groups(db):
    slugs = ["batiment", "agriculture-alimentation", "mobilite", "economie-industrie",
             "biodiversite", "foret-bois"]  # fmt: skip
    return [
        WorkingGroupFactory(slug=slug, name=slug.replace("-", " ").title(), position=position)
        for position, slug in enumerate(slugs)
    ]


def test_the_list_shows_every_group_in_order_with_its_summary(visitor, six_groups):
    response = visitor.get("/groupes/")

    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(f'href="/groupes/{group.slug}/"') for group in six_groups]
    assert positions == sorted(positions)
    assert "Un groupe de travail de la COP." in html


def test_the_list_names_the_facilitators_counts_members_and_shows_the_next_meeting(
    visitor, group, group_facilitator, member
):
    GroupFacilitatorFactory(
        group=group, side=Side.REGION, user__first_name="Élodie", user__last_name="Lemaire"
    )
    GroupMembershipFactory(group=group, status=GroupMembership.Status.PENDING, decided_at=None)
    MeetingFactory(
        group=group, title="Atelier passé", starts_at=timezone.now() - dt.timedelta(days=3)
    )
    MeetingFactory(group=group, title="Atelier logistique")

    html = visitor.get("/groupes/").content.decode()

    assert "(État)" in html
    assert "Élodie Lemaire (Région)" in html
    assert "1 membre" in html  # the pending request does not count
    assert "Atelier logistique" in html
    assert "Atelier passé" not in html


def test_the_list_costs_the_same_queries_with_more_groups(
    client, six_groups, django_assert_num_queries
):
    for group in six_groups[:3]:
        GroupFacilitatorFactory(group=group)
        GroupMembershipFactory(group=group)
        MeetingFactory(group=group)

    # groups with member counts, their facilitators, their upcoming meetings
    with django_assert_num_queries(3):
        response = client.get("/groupes/")
    assert response.status_code == 200

    for group in six_groups[3:]:
        GroupFacilitatorFactory(group=group)
        GroupMembershipFactory(group=group)
        MeetingFactory(group=group)
    with django_assert_num_queries(3):
        client.get("/groupes/")


@pytest.fixture
def mobility(group):
    """The group with two levers of its sectors, their efforts for the region and another's."""
    sector = SectorFactory(name="Transport de voyageurs")
    group.sectors.add(sector)
    cars = LeverFactory(slug="augm_voitelec", name="Véhicules électriques", sector=sector)
    carpool = LeverFactory(slug="augm_covoit", name="Covoiturage", sector=sector)
    RegionalEffortFactory(lever=cars, effort_kt=482.4)
    RegionalEffortFactory(lever=carpool, effort_kt=1115.0)
    RegionalEffortFactory(lever=cars, region_code="11", region_name="Île-de-France", effort_kt=9)
    group.levers.add(cars, carpool)
    group.description = "Les transports sont le **premier poste** d’émissions."
    group.save()
    return group


def test_the_group_page_says_what_the_group_is_about(visitor, mobility):
    response = visitor.get("/groupes/mobilite/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Mobilité</h1>" in html
    assert "<strong>premier poste</strong>" in html
    assert "Transport de voyageurs" in html


def test_the_group_page_gives_each_lever_its_2030_effort_in_the_region(visitor, mobility):
    html = visitor.get("/groupes/mobilite/").content.decode()

    assert "Véhicules électriques" in html
    assert 'href="/panorama/leviers/augm_voitelec/"' in html
    assert ">482<" in html
    assert "1\u00a0115" in html or "1 115" in html or "1&nbsp;115" in html
    assert "1\u00a0597" in html or "1 597" in html or "1&nbsp;597" in html  # the total


def test_the_group_page_lists_next_meetings_latest_published_contributions_and_documents(
    visitor, group
):
    MeetingFactory(group=group, title="Atelier sur la logistique urbaine")
    MeetingFactory(
        group=group, title="Atelier d’hier", starts_at=timezone.now() - dt.timedelta(days=1)
    )
    ContributionFactory(group=group, title="Des lignes de covoiturage")
    ContributionFactory(
        group=group,
        title="Contenu masqué",
        status=ContributionStatus.HIDDEN,
        moderation_reason="Hors sujet.",
    )
    GroupDocumentFactory(group=group, title="Note de cadrage du groupe")

    html = visitor.get("/groupes/mobilite/").content.decode()

    assert "Atelier sur la logistique urbaine" in html
    assert "Atelier d’hier" not in html
    assert "Des lignes de covoiturage" in html
    assert "Contenu masqué" not in html
    assert "/groupes/mobilite/contributions/" in html
    assert "Note de cadrage du groupe" in html


def test_the_group_page_shows_members_by_college_and_the_facilitators(
    visitor, group, group_facilitator
):
    GroupMembershipFactory(
        group=group,
        user__first_name="Yann",
        user__last_name="Morel",
        organisation=OrganisationFactory(name="Agence de l’eau", college=College.STATE),
    )
    GroupMembershipFactory(
        group=group,
        user__first_name="Emma",
        user__last_name="Gauthier",
        organisation=OrganisationFactory(name="Graine", college=College.ASSOCIATIONS),
    )
    GroupMembershipFactory(
        group=group,
        user__first_name="Refusé",
        status=GroupMembership.Status.DECLINED,
        organisation=OrganisationFactory(name="Autre", college=College.ASSOCIATIONS),
    )

    html = visitor.get("/groupes/mobilite/").content.decode()

    assert html.index("Associations et collectifs citoyens") < html.index("État et opérateurs")
    assert "Emma Gauthier — Graine" in html
    assert "Yann Morel — Agence de l’eau" in html
    assert "Refusé" not in html
    assert "Animation du groupe" in html


def test_the_group_page_links_the_proposed_scenario_to_the_simulator(visitor, group):
    group.proposed_scenario = ScenarioFactory(
        name="Covoiturage renforcé", query="t-augm_covoit=160"
    )
    group.save()

    html = visitor.get("/groupes/mobilite/").content.decode()

    assert "Covoiturage renforcé" in html
    assert 'href="/panorama/simulateur/?t-augm_covoit=160"' in html


def test_an_unknown_group_is_a_404(visitor, db):
    assert visitor.get("/groupes/inconnu/").status_code == 404


def test_the_group_page_costs_the_same_queries_with_more_rows(
    client, mobility, django_assert_num_queries
):
    def add_rows():
        MeetingFactory(group=mobility)
        ContributionFactory(group=mobility)
        GroupDocumentFactory(group=mobility)
        GroupMembershipFactory(group=mobility)
        lever = LeverFactory(sector=SectorFactory(name="Transport de voyageurs"))
        RegionalEffortFactory(lever=lever)
        mobility.levers.add(lever)

    for _ in range(3):
        add_rows()
    # group with scenario, its facilitators, its sectors; levers, their efforts;
    # meetings; contributions; documents; members
    with django_assert_num_queries(9):
        assert client.get("/groupes/mobilite/").status_code == 200
    for _ in range(3):
        add_rows()
    with django_assert_num_queries(9):
        client.get("/groupes/mobilite/")


def test_the_list_tells_members_and_facilitators_which_groups_are_theirs(
    client_of, group, other_group, member, group_facilitator
):
    third = WorkingGroupFactory(slug="foret-bois", name="Forêt")
    GroupMembershipFactory(
        group=third, user=member, status=GroupMembership.Status.PENDING, decided_at=None
    )
    GroupFacilitatorFactory(group=other_group, user=member, side=Side.REGION)
    mine = "Vous en faites partie"

    # The facilitator persona also co-pilots a group of its own (tests/conftest.py).
    for user, expected in [(member, 2), (group_facilitator, 2)]:
        response = client_of(user).get("/groupes/")

        assert response.status_code == 200
        assert response.content.decode().count(mine) == expected
