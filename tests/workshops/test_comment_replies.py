"""Comments and one level of replies, with htmx and without JavaScript."""

import pytest
from django.urls import reverse

from tests.workshops.factories import CommentFactory, ContributionFactory, make_stakeholder
from workshops.models import Comment


@pytest.fixture
def author(db):
    return make_stakeholder("autrice@exemple.test")


@pytest.fixture
def contribution(group, author):
    return ContributionFactory(group=group, author=author, title="Haies bocagères")


def comment_url(contribution):
    return reverse("workshops:comment_create", args=[contribution.pk])


def test_a_comment_is_published_and_counted(client_of, stakeholder, contribution):
    response = client_of(stakeholder).post(
        comment_url(contribution), {"body": "Je partage ce constat."}, follow=True
    )

    comment = Comment.objects.get()
    assert response.redirect_chain[-1][0] == (
        f"{contribution.get_absolute_url()}#commentaire-{comment.pk}"
    )
    page = response.content.decode()
    assert "Je partage ce constat." in page
    assert "1 commentaire" in page
    contribution.refresh_from_db()
    assert contribution.comment_count == 1


def test_a_reply_goes_under_its_comment(client_of, stakeholder, contribution):
    first = CommentFactory(contribution=contribution, body="Premier avis.")

    client_of(stakeholder).post(
        comment_url(contribution), {"body": "Une réponse.", "parent": first.pk}
    )

    reply = Comment.objects.get(body="Une réponse.")
    assert reply.parent == first
    contribution.refresh_from_db()
    assert contribution.comment_count == 1  # the factory's comment bypassed the service


def test_a_reply_to_a_reply_is_refused_in_french_and_changes_nothing(
    client_of, stakeholder, contribution
):
    first = CommentFactory(contribution=contribution)
    reply = CommentFactory(contribution=contribution, parent=first)

    response = client_of(stakeholder).post(
        comment_url(contribution), {"body": "Réponse à la réponse.", "parent": reply.pk}
    )

    assert response.status_code == 200
    assert "On ne peut pas répondre à une réponse" in response.content.decode()
    assert not Comment.objects.filter(body="Réponse à la réponse.").exists()
    contribution.refresh_from_db()
    assert contribution.comment_count == 0


def test_an_empty_comment_is_refused_and_the_text_is_kept(client_of, stakeholder, contribution):
    response = client_of(stakeholder).post(comment_url(contribution), {"body": "   "})

    assert "Écrivez votre commentaire avant de l’envoyer." in response.content.decode()
    assert not Comment.objects.exists()


def test_htmx_gets_the_comments_partial_only(client_of, stakeholder, contribution):
    response = client_of(stakeholder).post(
        comment_url(contribution), {"body": "Par htmx."}, headers={"HX-Request": "true"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<div id="comments">')
    assert "Par htmx." in page
    assert "Votre commentaire est publié." in page
    assert "<html" not in page
    assert "HX-Request" in response["Vary"]


def test_htmx_shows_a_refused_reply_in_the_partial(client_of, stakeholder, contribution):
    first = CommentFactory(contribution=contribution)
    reply = CommentFactory(contribution=contribution, parent=first)

    response = client_of(stakeholder).post(
        comment_url(contribution),
        {"body": "Non.", "parent": reply.pk},
        headers={"HX-Request": "true"},
    )

    assert "On ne peut pas répondre à une réponse" in response.content.decode()


def test_a_comment_on_a_hidden_contribution_is_refused(client_of, stakeholder, contribution):
    contribution.status = "hidden"
    contribution.moderation_reason = "Hors sujet."
    contribution.save()

    response = client_of(stakeholder).post(comment_url(contribution), {"body": "Encore ?"})

    assert response.status_code == 404  # as if it did not exist: nothing to enumerate
    assert not Comment.objects.exists()


def test_the_author_and_the_parent_comments_author_are_emailed(
    client_of, stakeholder, contribution, author, mailoutbox, django_capture_on_commit_callbacks
):
    parent_author = make_stakeholder("premier@exemple.test", "Graine Centre-Val de Loire")
    first = CommentFactory(contribution=contribution, author=parent_author)

    with django_capture_on_commit_callbacks(execute=True):
        client_of(stakeholder).post(
            comment_url(contribution), {"body": "Bonne idée.", "parent": first.pk}
        )

    recipients = sorted(address for message in mailoutbox for address in message.to)
    assert recipients == ["autrice@exemple.test", "premier@exemple.test"]
    subjects = " ".join(message.subject for message in mailoutbox)
    assert "Nouveau commentaire sur votre contribution « Haies bocagères »" in subjects
    assert "Réponse à votre commentaire sur « Haies bocagères »" in subjects


def test_nobody_is_emailed_about_their_own_comment(
    client_of, author, contribution, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_of(author).post(comment_url(contribution), {"body": "Précision de l’autrice."})

    assert mailoutbox == []


def test_a_hidden_comment_keeps_its_place_with_a_notice(client, contribution):
    hidden = CommentFactory(
        contribution=contribution,
        body="Propos déplacés.",
        status="hidden",
        moderation_reason="Injurieux.",
    )
    CommentFactory(contribution=contribution, parent=hidden, body="Une réponse qui reste.")

    page = client.get(contribution.get_absolute_url()).content.decode()

    assert "Commentaire masqué par la modération" in page
    assert "Propos déplacés." not in page
    assert "Une réponse qui reste." in page


def test_the_comments_url_works_without_javascript_on_get(client_of, stakeholder, contribution):
    response = client_of(stakeholder).get(comment_url(contribution))
    assert response.status_code == 302
    assert response.url == contribution.get_absolute_url() + "#commentaires"
