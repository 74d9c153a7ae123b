"""A facilitator hides a contribution or a comment with a reason; the author is told why."""

import pytest
from django.urls import reverse

from cop.models import AuditEvent
from tests.workshops.factories import (
    CommentFactory,
    ContributionFactory,
    ReportFactory,
    make_stakeholder,
)
from workshops.models import Report
from workshops.services.contributions import comment_create


@pytest.fixture
def author(db):
    return make_stakeholder("autrice@exemple.test")


@pytest.fixture
def contribution(group, author):
    return ContributionFactory(
        group=group, author=author, title="Titre visible", body="Texte publicitaire."
    )


def hide(client, contribution, reason="Message publicitaire."):
    return client.post(
        reverse("workshops:contribution_moderate", args=[contribution.pk]), {"reason": reason}
    )


def test_hiding_records_the_reason_closes_the_reports_and_audits(
    client_of, group_facilitator, contribution
):
    ReportFactory(contribution=contribution)
    ReportFactory(contribution=contribution)

    response = hide(client_of(group_facilitator), contribution)

    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.status == "hidden"
    assert contribution.moderation_reason == "Message publicitaire."
    assert contribution.moderated_by == group_facilitator
    assert Report.objects.filter(resolved_at=None).count() == 0
    assert set(Report.objects.values_list("resolution", flat=True)) == {"hidden"}
    event = AuditEvent.objects.get(action="contribution.hide")
    assert event.actor == group_facilitator
    assert event.details["reason"] == "Message publicitaire."
    assert event.details["reports"] == 2


def test_the_author_is_emailed_the_reason(
    client_of, group_facilitator, contribution, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hide(client_of(group_facilitator), contribution)

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["autrice@exemple.test"]
    assert "Votre contribution « Titre visible » a été masquée" in message.subject
    assert "Message publicitaire." in message.body


def test_the_author_sees_the_reason_on_the_page_and_others_a_page_not_found(
    client, client_of, group_facilitator, contribution, author
):
    hide(client_of(group_facilitator), contribution)

    for_author = client_of(author).get(contribution.get_absolute_url()).content.decode()
    response = client.get(contribution.get_absolute_url())
    for_public = response.content.decode()

    assert "Cette contribution a été masquée par la modération" in for_author
    assert "Motif : Message publicitaire." in for_author
    assert response.status_code == 404
    assert "Texte publicitaire." not in for_public
    assert "Titre visible" not in for_public
    assert "Message publicitaire." not in for_public


def test_a_hidden_contribution_leaves_the_lists(
    client, client_of, group_facilitator, contribution
):
    hide(client_of(group_facilitator), contribution)

    page = client.get(reverse("workshops:contributions")).content.decode()

    assert "Titre visible" not in page


def test_hiding_needs_a_reason_and_changes_nothing_without(
    client_of, group_facilitator, contribution
):
    response = hide(client_of(group_facilitator), contribution, reason="  ")

    assert response.status_code == 200
    assert "Indiquez le motif" in response.content.decode()
    contribution.refresh_from_db()
    assert contribution.status == "published"
    assert not AuditEvent.objects.exists()


def test_restoring_publishes_again_with_a_reason(
    client_of, staff, contribution, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_of(staff)
    hide(client, contribution)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("workshops:contribution_moderate", args=[contribution.pk]),
            {"reason": "Texte corrigé par l’autrice."},
        )

    contribution.refresh_from_db()
    assert contribution.status == "published"
    assert AuditEvent.objects.filter(action="contribution.restore").count() == 1
    assert "est de nouveau visible" in mailoutbox[-1].subject


def test_hiding_a_comment_uncounts_it_and_keeps_the_thread(
    client_of,
    group_facilitator,
    contribution,
    stakeholder,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    comment = comment_create(contribution=contribution, author=stakeholder, body="Insulte.")
    contribution.refresh_from_db()
    assert contribution.comment_count == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(group_facilitator).post(
            reverse("workshops:comment_moderate", args=[comment.pk]), {"reason": "Injurieux."}
        )

    assert response.status_code == 302
    comment.refresh_from_db()
    contribution.refresh_from_db()
    assert comment.status == "hidden"
    assert contribution.comment_count == 0
    assert AuditEvent.objects.filter(action="comment.hide").count() == 1
    assert [m.to for m in mailoutbox if "masqué" in m.subject] == [["acteur@exemple.test"]]


def test_restoring_a_comment_counts_it_again(client_of, staff, contribution):
    comment = CommentFactory(
        contribution=contribution, status="hidden", moderation_reason="Doute."
    )

    client_of(staff).post(
        reverse("workshops:comment_moderate", args=[comment.pk]), {"reason": "Vérifié."}
    )

    comment.refresh_from_db()
    contribution.refresh_from_db()
    assert comment.status == "published"
    assert contribution.comment_count == 1
    assert AuditEvent.objects.filter(action="comment.restore").count() == 1


def test_the_moderation_form_works_as_a_page(client_of, group_facilitator, contribution):
    page = (
        client_of(group_facilitator)
        .get(reverse("workshops:contribution_moderate", args=[contribution.pk]))
        .content.decode()
    )

    assert "<h1>Masquer la contribution</h1>" in page
    assert 'name="reason"' in page
