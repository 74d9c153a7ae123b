"""A new contribution is told to the group's followers, after commit, not to its author."""

import pytest
from django.urls import reverse

from cop.models import Notification
from tests.factories import VerifiedUserFactory
from tests.workshops.factories import GroupFollowFactory
from workshops.models import Contribution
from workshops.services.contributions import contribution_notify_followers
from workshops.tasks import notify_group_followers

URL = reverse("workshops:contribution_create") + "?groupe=mobilite"
POST = {"kind": "proposal", "title": "Navettes vers les gares", "body": "Des navettes."}


@pytest.fixture
def followers(group, member):
    people = [VerifiedUserFactory(email=f"abonne{n}@exemple.test") for n in range(3)]
    for person in [*people, member]:
        GroupFollowFactory(group=group, user=person)
    return people


def test_the_followers_hear_of_a_new_contribution_but_not_its_author(
    client_of, member, followers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_of(member).post(URL, POST)

    told = Notification.objects.filter(kind="group_contribution")
    assert sorted(told.values_list("user__email", flat=True)) == [
        "abonne0@exemple.test",
        "abonne1@exemple.test",
        "abonne2@exemple.test",
    ]
    assert "Navettes vers les gares" in told.first().subject
    assert told.first().url.startswith("/contributions/")


def test_nothing_is_told_before_the_commit(client_of, member, followers):
    client_of(member).post(URL, POST)  # the test's transaction never commits

    assert not Notification.objects.filter(kind="group_contribution").exists()


def test_the_fan_out_run_twice_tells_nobody_twice(
    client_of, member, followers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_of(member).post(URL, POST)
    assert Notification.objects.filter(kind="group_contribution").count() == 3

    contribution = Contribution.objects.get()
    assert notify_group_followers.delay(contribution.pk).get() == 0
    assert contribution_notify_followers(contribution_id=contribution.pk) == 0
    assert Notification.objects.filter(kind="group_contribution").count() == 3


def test_the_daily_digest_is_the_default_for_this_kind(
    client_of, member, followers, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_of(member).post(URL, POST)

    assert set(
        Notification.objects.filter(kind="group_contribution").values_list("frequency", flat=True)
    ) == {"daily"}
    assert mailoutbox == []
