"""Several items at once: one action, one reason, one transaction, audited, authors told."""

import pytest
from django.urls import reverse

from cop.models import AuditEvent
from tests.workshops.factories import (
    CommentFactory,
    ContributionFactory,
    ReportFactory,
    make_stakeholder,
)
from workshops.models import Comment, Contribution, Report

URL = reverse("workshops:moderation")


@pytest.fixture
def authors(db):
    return [make_stakeholder(f"auteur{n}@exemple.test") for n in range(3)]


@pytest.fixture
def spam(group, authors):
    """Three contributions and a comment of the group, to be hidden together."""
    contributions = [
        ContributionFactory(group=group, author=author, title=f"Publicité {n}")
        for n, author in enumerate(authors)
    ]
    comment = CommentFactory(contribution=contributions[0], author=authors[1], body="Achetez !")
    return contributions, comment


def keys(contributions, comment=None):
    found = [f"contribution:{c.pk}" for c in contributions]
    return found + ([f"comment:{comment.pk}"] if comment else [])


def test_hiding_several_items_at_once(
    client_of, group_facilitator, spam, mailoutbox, django_capture_on_commit_callbacks
):
    contributions, comment = spam

    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(group_facilitator).post(
            URL,
            {"items": keys(contributions, comment), "action": "hide", "reason": "Publicité."},
            follow=True,
        )

    assert "4 contenus traités." in response.content.decode()
    assert set(Contribution.objects.values_list("status", flat=True)) == {"hidden"}
    assert Comment.objects.get().status == "hidden"
    assert AuditEvent.objects.filter(action="contribution.hide").count() == 3
    assert AuditEvent.objects.filter(action="comment.hide").count() == 1
    assert sorted(m.to[0] for m in mailoutbox) == [
        "auteur0@exemple.test",
        "auteur1@exemple.test",
        "auteur1@exemple.test",
        "auteur2@exemple.test",
    ]
    assert all("Publicité." in m.body for m in mailoutbox)


def test_without_a_reason_nothing_changes_and_the_boxes_stay_checked(
    client_of, group_facilitator, spam
):
    contributions, comment = spam

    response = client_of(group_facilitator).post(
        URL, {"items": keys(contributions, comment), "action": "hide", "reason": ""}
    )

    page = response.content.decode()
    assert "Indiquez le motif" in page
    assert f'value="contribution:{contributions[0].pk}" checked' in page
    assert set(Contribution.objects.values_list("status", flat=True)) == {"published"}
    assert not AuditEvent.objects.exists()


def test_an_item_of_a_group_one_does_not_moderate_stops_the_whole_batch(
    client_of, group_facilitator, spam, other_group
):
    contributions, _comment = spam
    elsewhere = ContributionFactory(group=other_group, title="Autre groupe")

    response = client_of(group_facilitator).post(
        URL,
        {"items": keys([*contributions, elsewhere]), "action": "hide", "reason": "Publicité."},
    )

    assert "n’est pas dans vos groupes" in response.content.decode()
    assert set(Contribution.objects.values_list("status", flat=True)) == {"published"}
    assert not AuditEvent.objects.exists()


def test_staff_dismiss_the_reports_of_several_items(client_of, staff, spam):
    contributions, comment = spam
    ReportFactory(contribution=contributions[0])
    ReportFactory(contribution=contributions[0])
    ReportFactory(contribution=None, comment=comment)

    client_of(staff).post(
        URL,
        {
            "items": keys(contributions[:1], comment),
            "action": "dismiss",
            "reason": "Rien à redire.",
        },
    )

    assert Report.objects.filter(resolved_at=None).count() == 0
    assert set(Report.objects.values_list("resolution", flat=True)) == {"dismissed"}
    assert AuditEvent.objects.filter(action="report.dismiss").count() == 2
    assert set(Contribution.objects.values_list("status", flat=True)) == {"published"}


def test_items_already_in_that_state_are_counted_apart(client_of, staff, spam):
    contributions, _comment = spam
    contributions[0].status = "hidden"
    contributions[0].moderation_reason = "Déjà masquée."
    contributions[0].save()

    response = client_of(staff).post(
        URL,
        {"items": keys(contributions), "action": "hide", "reason": "Publicité."},
        follow=True,
    )

    page = response.content.decode()
    assert "2 contenus traités." in page
    assert "1 contenu était déjà dans cet état" in page
    contributions[0].refresh_from_db()
    assert contributions[0].moderation_reason == "Déjà masquée."


def test_a_malformed_item_is_refused(client_of, staff):
    response = client_of(staff).post(
        URL, {"items": ["contribution:abc"], "action": "hide", "reason": "X"}
    )
    assert response.status_code == 200
    assert "Un des contenus cochés n’existe pas." in response.content.decode()
