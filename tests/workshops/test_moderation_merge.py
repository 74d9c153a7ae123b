"""Merging a duplicate: supports move without double counting, comments move, audited."""

import pytest
from django.urls import reverse

from cop.models import AuditEvent
from tests.workshops.factories import (
    CommentFactory,
    ContributionFactory,
    LeverFactory,
    ReportFactory,
    make_stakeholder,
)
from workshops.models import Contribution, Support
from workshops.services.contributions import support_add


@pytest.fixture
def people(db):
    return [make_stakeholder(f"personne{n}@exemple.test") for n in range(3)]


@pytest.fixture
def pair(group, people):
    """A target supported by persons 0 and 1, a duplicate by persons 1 and 2."""
    target = ContributionFactory(group=group, title="Covoiturage rural")
    duplicate = ContributionFactory(
        group=group, author=people[2], title="Covoiturage à la campagne"
    )
    duplicate.levers.add(LeverFactory(slug="augm_covoit", name="Covoiturage"))
    for person in people[:2]:
        support_add(contribution=target, user=person)
    for person in people[1:]:
        support_add(contribution=duplicate, user=person)
    first = CommentFactory(contribution=duplicate, body="Commentaire du doublon")
    CommentFactory(contribution=duplicate, parent=first, body="Sa réponse")
    Contribution.objects.filter(pk=duplicate.pk).update(comment_count=2)
    return target, duplicate


def merge(client, duplicate, target, reason=""):
    return client.post(
        reverse("workshops:contribution_merge", args=[duplicate.pk]),
        {"target": target.pk, "reason": reason},
    )


def test_supports_move_to_the_target_and_count_each_person_once(
    client_of, group_facilitator, pair, people
):
    target, duplicate = pair

    response = merge(client_of(group_facilitator), duplicate, target)

    assert response.status_code == 302
    target.refresh_from_db()
    duplicate.refresh_from_db()
    assert target.support_count == 3
    assert set(Support.objects.filter(contribution=target).values_list("user", flat=True)) == {
        p.pk for p in people
    }
    assert duplicate.support_count == 0
    assert not Support.objects.filter(contribution=duplicate).exists()


def test_the_duplicate_is_merged_and_points_to_the_target(client_of, group_facilitator, pair):
    target, duplicate = pair

    merge(client_of(group_facilitator), duplicate, target, "Même sujet.")

    duplicate.refresh_from_db()
    assert duplicate.status == "merged"
    assert duplicate.merged_into == target
    assert duplicate.moderation_reason == "Même sujet."
    event = AuditEvent.objects.get(action="contribution.merge")
    assert event.details["into"] == target.pk
    assert event.details["moved_supports"] == 1
    assert event.details["moved_comments"] == 2


def test_comments_and_levers_move_with_their_replies(client, client_of, group_facilitator, pair):
    target, duplicate = pair

    merge(client_of(group_facilitator), duplicate, target)

    target.refresh_from_db()
    assert target.comment_count == 2
    assert list(target.levers.values_list("slug", flat=True)) == ["augm_covoit"]
    page = client.get(target.get_absolute_url()).content.decode()
    assert "Commentaire du doublon" in page
    assert "Sa réponse" in page


def test_the_duplicates_page_leads_to_the_target(client, client_of, group_facilitator, pair):
    target, duplicate = pair
    merge(client_of(group_facilitator), duplicate, target)

    response = client.get(duplicate.get_absolute_url(), follow=True)

    assert response.redirect_chain[-1][0] == target.get_absolute_url()
    assert "a été fusionnée avec celle-ci" in response.content.decode()


def test_the_duplicates_author_is_told_and_its_reports_closed(
    client_of, group_facilitator, pair, mailoutbox, django_capture_on_commit_callbacks
):
    target, duplicate = pair
    ReportFactory(contribution=duplicate, reason="Doublon")

    with django_capture_on_commit_callbacks(execute=True):
        merge(client_of(group_facilitator), duplicate, target)

    assert duplicate.reports.filter(resolved_at=None).count() == 0
    assert [m.to for m in mailoutbox] == [["personne2@exemple.test"]]
    assert "fusionnée" in mailoutbox[0].subject


def test_a_contribution_cannot_be_merged_into_itself_or_twice(client_of, staff, pair, group):
    target, duplicate = pair
    client = client_of(staff)

    itself = merge(client, duplicate, duplicate)
    assert "Choisissez une contribution de la liste." in itself.content.decode()

    merge(client, duplicate, target)
    again = client.get(reverse("workshops:contribution_merge", args=[duplicate.pk]), follow=True)
    assert "Cette contribution a déjà été fusionnée." in again.content.decode()
    assert AuditEvent.objects.filter(action="contribution.merge").count() == 1


def test_the_merge_page_lists_the_groups_contributions(client_of, group_facilitator, pair):
    target, duplicate = pair

    page = (
        client_of(group_facilitator)
        .get(reverse("workshops:contribution_merge", args=[duplicate.pk]))
        .content.decode()
    )

    assert f"n° {target.pk} — Covoiturage rural" in page
