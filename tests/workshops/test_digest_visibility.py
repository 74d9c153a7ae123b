"""What was hidden after it was notified is not mailed: the senders check again."""

import pytest

from cop.tasks import send_daily_digests, sweep_outbox
from tests.factories import NotificationPreferenceFactory
from tests.workshops.factories import ContributionFactory, GroupFollowFactory, make_stakeholder
from workshops.services.contributions import comment_create, contribution_notify_followers
from workshops.services.moderation import comment_hide, contribution_hide


@pytest.fixture
def follower(group):
    person = make_stakeholder("abonne@exemple.test")
    GroupFollowFactory(group=group, user=person)
    return person


@pytest.fixture
def posted(group):
    author = make_stakeholder("autrice@exemple.test")
    contribution = ContributionFactory(group=group, author=author, title="Titre à masquer")
    visible = ContributionFactory(group=group, author=author, title="Titre resté visible")
    contribution_notify_followers(contribution_id=contribution.pk)
    contribution_notify_followers(contribution_id=visible.pk)
    return contribution


def test_the_digest_leaves_out_a_contribution_hidden_since_it_was_posted(
    follower, posted, staff, mailoutbox
):
    contribution_hide(contribution=posted, by=staff, reason="Propos injurieux.")
    mailoutbox.clear()  # the author was told

    send_daily_digests.delay()

    [digest] = mailoutbox
    assert digest.to == ["abonne@exemple.test"]
    assert "Titre resté visible" in digest.body
    assert "Titre à masquer" not in digest.body
    assert "1 notification" in digest.subject
    assert not follower.notifications.filter(subject__contains="Titre à masquer").exists()


def test_no_digest_at_all_when_everything_in_it_was_hidden(follower, group, staff, mailoutbox):
    author = make_stakeholder("autrice@exemple.test")
    contribution = ContributionFactory(group=group, author=author, title="Titre à masquer")
    contribution_notify_followers(contribution_id=contribution.pk)
    contribution_hide(contribution=contribution, by=staff, reason="Propos injurieux.")
    mailoutbox.clear()

    send_daily_digests.delay()

    assert mailoutbox == []


def test_an_immediate_email_about_a_comment_hidden_meanwhile_is_not_sent(
    group, staff, mailoutbox, django_capture_on_commit_callbacks
):
    author = make_stakeholder("autrice@exemple.test")
    contribution = ContributionFactory(group=group, author=author, title="Haies bocagères")
    NotificationPreferenceFactory(user=author, kind="reply", frequency="immediately")
    with django_capture_on_commit_callbacks(execute=False):  # the broker was down
        comment = comment_create(
            contribution=contribution,
            author=make_stakeholder("troll@exemple.test"),
            body="Texte injurieux",
        )
    comment_hide(comment=comment, by=staff, reason="Propos injurieux.")
    mailoutbox.clear()

    sweep_outbox.delay()

    assert not any("Texte injurieux" in mail.body for mail in mailoutbox)
