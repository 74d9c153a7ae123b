"""Hidden content stays out of sight on every page, partial and POST reached by an id.

A contribution hidden by the moderation, and the comments under it, are seen by
its author and its moderators only: anyone else gets the same 404 as for an id
that does not exist (ids are sequential: a 403 or a title would let them be
enumerated), and nothing is written. A hidden comment's text reaches nobody but
its author and the moderators.
"""

import pytest
from django.urls import reverse

from cop.models import Side
from tests.factories import VerifiedUserFactory
from tests.workshops.factories import (
    CommentFactory,
    ContributionFactory,
    GroupFacilitatorFactory,
    make_stakeholder,
)
from workshops.models import Comment, Contribution, Report, Support

HIDDEN_TITLE = "Titre d’une contribution masquée"
HIDDEN_BODY = "Texte d’une contribution masquée"
COMMENT_BODY = "Commentaire sous une contribution masquée"
HIDDEN_COMMENT = "Commentaire masqué par la modération ici"
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def author(db):
    return make_stakeholder("autrice@exemple.test")


@pytest.fixture
def hidden(group, author):
    contribution = ContributionFactory(
        group=group,
        author=author,
        title=HIDDEN_TITLE,
        body=HIDDEN_BODY,
        status="hidden",
        moderation_reason="Message publicitaire.",
        comment_count=1,
    )
    CommentFactory(contribution=contribution, body=COMMENT_BODY)
    return contribution


@pytest.fixture
def hidden_comment(hidden):
    return hidden.comments.get()


@pytest.fixture
def outsider(db):
    """A stakeholder who may comment, support and report published contributions."""
    return make_stakeholder("curieux@exemple.test", "Collectif curieux")


@pytest.fixture
def other_facilitator(other_group):
    """A facilitator, but of another group than the contribution's."""
    user = VerifiedUserFactory(email="animateur-batiment@exemple.test")
    GroupFacilitatorFactory(group=other_group, user=user, side=Side.REGION)
    return user


def assert_unseen(response):
    assert response.status_code == 404
    body = response.content.decode()
    for text in (HIDDEN_TITLE, HIDDEN_BODY, COMMENT_BODY):
        assert text not in body


# --- Every URL reached by a contribution id or a comment id --------------------------------


def contribution_requests(contribution):
    pk = contribution.pk
    return [
        ("get", reverse("workshops:contribution_edit", args=[pk]), {}),
        ("post", reverse("workshops:contribution_edit", args=[pk]), {"title": "Piraté"}),
        ("get", reverse("workshops:contribution_report", args=[pk]), {}),
        ("post", reverse("workshops:contribution_report", args=[pk]), {"reason": "Spam"}),
        ("get", reverse("workshops:comment_create", args=[pk]), {}),
        ("post", reverse("workshops:comment_create", args=[pk]), {"body": "Réponse"}),
        ("get", reverse("workshops:support", args=[pk]), {}),
        ("post", reverse("workshops:support", args=[pk]), {"action": "add"}),
        ("get", reverse("workshops:contribution_moderate", args=[pk]), {}),
        ("post", reverse("workshops:contribution_moderate", args=[pk]), {"reason": "x"}),
        ("post", reverse("workshops:contribution_retain", args=[pk]), {"retenir": "1"}),
        ("get", reverse("workshops:contribution_merge", args=[pk]), {}),
    ]


def comment_requests(comment):
    pk = comment.pk
    return [
        ("get", reverse("workshops:comment_report", args=[pk]), {}),
        ("post", reverse("workshops:comment_report", args=[pk]), {"reason": "Spam"}),
        ("get", reverse("workshops:comment_moderate", args=[pk]), {}),
        ("post", reverse("workshops:comment_moderate", args=[pk]), {"reason": "x"}),
        (
            "post",
            reverse("workshops:comment_create", args=[comment.contribution_id]),
            {"body": "Réponse", "parent": pk},
        ),
    ]


def snapshot():
    return (
        Report.objects.count(),
        Comment.objects.count(),
        Support.objects.count(),
        list(Contribution.objects.values_list("status", "title", "retained_at")),
    )


@pytest.mark.parametrize("as_htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize("who", ["outsider", "other_facilitator"])
def test_no_url_of_a_hidden_contribution_answers_to_who_may_not_see_it(
    client_of, request, hidden, hidden_comment, who, as_htmx
):
    client = client_of(request.getfixturevalue(who))
    before = snapshot()
    headers = HTMX if as_htmx else {}

    for method, url, data in contribution_requests(hidden) + comment_requests(hidden_comment):
        response = getattr(client, method)(url, data, **headers)
        assert response.status_code == 404, (method, url, response.status_code)
        assert_unseen(response)

    assert snapshot() == before


def test_the_report_page_of_a_comment_on_a_hidden_contribution_is_a_404(
    client_of, outsider, hidden_comment
):
    url = reverse("workshops:comment_report", args=[hidden_comment.pk])
    client = client_of(outsider)

    assert_unseen(client.get(url))
    assert_unseen(client.post(url, {"reason": "Je veux savoir."}))
    assert not Report.objects.exists()


def test_an_unknown_comment_and_a_comment_on_a_hidden_contribution_answer_alike(
    client_of, outsider, hidden_comment
):
    client = client_of(outsider)
    unknown = client.get(reverse("workshops:comment_report", args=[hidden_comment.pk + 1000]))
    hidden = client.get(reverse("workshops:comment_report", args=[hidden_comment.pk]))

    assert unknown.status_code == hidden.status_code == 404


# --- The page of a hidden contribution -----------------------------------------------------


@pytest.mark.parametrize("as_htmx", [False, True], ids=["page", "htmx"])
def test_a_hidden_contribution_shows_neither_its_content_nor_its_thread_to_visitors(
    client, client_of, outsider, hidden, as_htmx
):
    headers = HTMX if as_htmx else {}
    for viewer in (client, client_of(outsider)):
        assert_unseen(viewer.get(hidden.get_absolute_url(), **headers))


def test_its_author_and_its_moderators_still_read_it_with_its_thread(
    client_of, author, group_facilitator, staff, hidden
):
    for person in (author, group_facilitator, staff):
        page = client_of(person).get(hidden.get_absolute_url())
        assert page.status_code == 200
        body = page.content.decode()
        assert HIDDEN_TITLE in body
        assert COMMENT_BODY in body
        assert "Cette contribution a été masquée par la modération" in body


def test_its_moderator_still_reaches_its_moderation_and_comment_pages(
    client_of, group_facilitator, hidden, hidden_comment
):
    client = client_of(group_facilitator)

    assert (
        client.get(reverse("workshops:comment_moderate", args=[hidden_comment.pk])).status_code
        == 200
    )
    assert (
        client.get(reverse("workshops:contribution_moderate", args=[hidden.pk])).status_code == 200
    )


def test_its_author_may_still_edit_it_but_not_report_a_comment_under_it(
    client_of, author, hidden, hidden_comment
):
    client = client_of(author)

    assert client.get(reverse("workshops:contribution_edit", args=[hidden.pk])).status_code == 200
    refused = client.post(
        reverse("workshops:comment_report", args=[hidden_comment.pk]), {"reason": "Spam"}
    )
    assert refused.status_code == 403
    assert not Report.objects.exists()


# --- Hidden comments under a published contribution ----------------------------------------


@pytest.fixture
def published(group, author):
    contribution = ContributionFactory(group=group, author=author, title="Contribution publiée")
    CommentFactory(
        contribution=contribution,
        body=HIDDEN_COMMENT,
        status="hidden",
        moderation_reason="Injurieux.",
    )
    return contribution


@pytest.mark.parametrize("as_htmx", [False, True], ids=["page", "htmx"])
def test_a_hidden_comment_never_reaches_a_visitor(client, client_of, outsider, published, as_htmx):
    headers = HTMX if as_htmx else {}
    comment = published.comments.get()

    for viewer in (client, client_of(outsider)):
        page = viewer.get(published.get_absolute_url(), **headers)
        assert page.status_code == 200
        assert HIDDEN_COMMENT not in page.content.decode()
    htmx_answer = client_of(outsider).post(
        reverse("workshops:comment_create", args=[published.pk]), {"body": "Bonjour"}, **HTMX
    )
    assert htmx_answer.status_code == 200
    assert HIDDEN_COMMENT not in htmx_answer.content.decode()
    for method, url, data in comment_requests(comment):
        response = getattr(client_of(outsider), method)(url, data)
        assert response.status_code in (200, 404), (method, url)
        assert HIDDEN_COMMENT not in response.content.decode()
    assert not Report.objects.exists()


def test_the_report_page_of_a_hidden_comment_is_a_404_for_others(client_of, outsider, published):
    comment = published.comments.get()

    response = client_of(outsider).get(reverse("workshops:comment_report", args=[comment.pk]))

    assert response.status_code == 404


# --- Merging ------------------------------------------------------------------------------


def test_a_hidden_contribution_cannot_be_merged_into_a_published_one(
    client_of, group_facilitator, group, hidden
):
    target = ContributionFactory(group=group, title="Contribution conservée")

    response = client_of(group_facilitator).post(
        reverse("workshops:contribution_merge", args=[hidden.pk]),
        {"target": target.pk, "reason": "Doublon"},
    )

    hidden.refresh_from_db()
    assert hidden.status == "hidden"
    assert hidden.comments.count() == 1
    assert response.status_code == 200
    assert "Une contribution masquée ne peut pas être fusionnée" in response.content.decode()
