"""The demo contributions: forty of the three kinds in the six groups, seeded idempotently."""

import pytest

from cop import demo as cop_demo
from tests.workshops.factories import WorkingGroupFactory
from workshops.demo_contributions import seed_contributions
from workshops.models import Comment, Contribution, Report, Support

SLUGS = [
    "batiment",
    "agriculture-alimentation",
    "mobilite",
    "economie-industrie",
    "biodiversite",
    "foret-bois",
]


@pytest.fixture
def groups(db):
    cop_demo.seed(lambda line: None)
    return [WorkingGroupFactory(slug=slug, name=slug.capitalize()) for slug in SLUGS]


def snapshot():
    return (
        Contribution.objects.count(),
        Comment.objects.count(),
        Support.objects.count(),
        Report.objects.count(),
        list(Contribution.objects.order_by("pk").values_list("support_count", "comment_count")),
    )


def test_the_demo_seeds_about_forty_contributions_and_their_life(groups):
    lines: list[str] = []
    seed_contributions(lines.append)

    assert Contribution.objects.count() == 40
    assert set(Contribution.objects.values_list("group__slug", flat=True)) == set(SLUGS)
    assert set(Contribution.objects.values_list("kind", flat=True)) == {
        "initiative",
        "obstacle",
        "proposal",
    }
    hidden = Contribution.objects.get(status="hidden")
    assert hidden.moderation_reason.startswith("Message publicitaire")
    assert Report.objects.filter(resolved_at=None).count() == 1
    assert Contribution.objects.filter(retained_at__isnull=False).count() >= 5
    assert Comment.objects.filter(parent__isnull=False).exists()
    for contribution in Contribution.objects.all():
        assert contribution.support_count == contribution.supports.count()
        assert contribution.comment_count == contribution.comments.count()
    assert "Contributions : 40 dans 6 groupes (40 créées)" in lines[-1]


def test_seeding_twice_changes_nothing(groups):
    seed_contributions(lambda line: None)
    first = snapshot()

    seed_contributions(lambda line: None)

    assert snapshot() == first


def test_absent_groups_are_skipped_with_a_line(db):
    cop_demo.seed(lambda line: None)
    WorkingGroupFactory(slug="mobilite", name="Mobilité")
    lines: list[str] = []

    seed_contributions(lines.append)

    assert "groupes absents" in lines[0]
    assert set(Contribution.objects.values_list("group__slug", flat=True)) == {"mobilite"}
