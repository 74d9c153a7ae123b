"""The moderation queue: open reports grouped by item, oldest first, in one's groups."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.workshops.factories import CommentFactory, ContributionFactory, ReportFactory
from workshops.models import Report

URL = reverse("workshops:moderation")


def report(target, *, days_ago: int, reason: str, comment=None):
    made = ReportFactory(contribution=None if comment else target, comment=comment, reason=reason)
    Report.objects.filter(pk=made.pk).update(
        created_at=timezone.now() - dt.timedelta(days=days_ago)
    )
    return made


@pytest.fixture
def reported(group):
    recent = ContributionFactory(group=group, title="Signalée hier")
    older = ContributionFactory(group=group, title="Signalée la semaine dernière")
    comment = CommentFactory(contribution=recent, body="Commentaire signalé il y a trois jours")
    report(recent, days_ago=1, reason="Motif A")
    report(older, days_ago=7, reason="Motif B")
    report(older, days_ago=2, reason="Motif C")
    report(None, days_ago=3, reason="Motif D", comment=comment)
    return recent, older, comment


def test_items_come_grouped_with_their_counts_the_longest_waiting_first(
    client_of, group_facilitator, reported
):
    page = client_of(group_facilitator).get(URL).content.decode()

    assert "3 contenus signalés" in page
    older = page.index("Signalée la semaine dernière")
    comment = page.index("Commentaire signalé il y a trois jours")
    recent = page.index("Signalée hier</a>")
    assert older < comment < recent
    assert "Motif B" in page
    assert "Motif C" in page


def test_a_resolved_report_leaves_the_queue(client_of, group_facilitator, reported):
    recent, _older, _comment = reported
    Report.objects.filter(contribution=recent).update(
        resolved_at=timezone.now(), resolution="dismissed"
    )

    page = client_of(group_facilitator).get(URL).content.decode()

    assert "2 contenus signalés" in page
    assert "Motif A" not in page


def test_a_facilitator_sees_only_the_groups_they_facilitate(
    client_of, group_facilitator, reported, other_group
):
    elsewhere = ContributionFactory(group=other_group, title="Dans un autre groupe")
    report(elsewhere, days_ago=10, reason="Motif ailleurs")

    mine = client_of(group_facilitator).get(URL).content.decode()

    assert "Dans un autre groupe" not in mine
    assert "Motif ailleurs" not in mine


def test_staff_see_every_group(client_of, staff, reported, other_group):
    elsewhere = ContributionFactory(group=other_group, title="Dans un autre groupe")
    report(elsewhere, days_ago=10, reason="Motif ailleurs")

    page = client_of(staff).get(URL).content.decode()

    assert "4 contenus signalés" in page
    assert "Motif ailleurs" in page


def test_recent_items_are_listed_for_bulk_actions(client_of, group_facilitator, reported):
    recent, older, comment = reported

    page = client_of(group_facilitator).get(URL).content.decode()

    assert f'id="recent-contribution-{recent.pk}"' in page
    assert f'id="recent-contribution-{older.pk}"' in page
    assert f'id="recent-comment-{comment.pk}"' in page


def test_the_queue_costs_the_same_queries_however_many_items(
    client_of, group_facilitator, group, django_assert_num_queries
):
    def fill(count):
        for n in range(count):
            target = ContributionFactory(group=group, title=f"Contribution {n}")
            ReportFactory(contribution=target)
            ReportFactory(contribution=None, comment=CommentFactory(contribution=target))

    client = client_of(group_facilitator)
    fill(3)
    # session, user; the permission (facilitates a group); the groups moderated (staff?
    # then the facilitations); the queue: reports grouped on contributions, on comments,
    # the contributions (+ their levers), the comments, the open reports with their
    # reporters; the recent contributions (+ their levers), the recent comments.
    with django_assert_num_queries(14):
        small = client.get(URL)
    fill(5)
    with django_assert_num_queries(14):
        large = client.get(URL)
    assert "6 contenus signalés" in small.content.decode()
    assert "16 contenus signalés" in large.content.decode()
