"""One event told to many people: one insert, each person's own choice respected."""

import pytest

from cop.models import Notification
from cop.services import notify_many
from tests.factories import NotificationPreferenceFactory, VerifiedUserFactory


def tell_the_group(users):
    return notify_many(
        users=users,
        kind="group_contribution",
        subject="Nouvelle contribution dans le groupe Mobilité",
        body="« Un service de transport à la demande pour le Perche »",
        url="/groupes/mobilite/",
    )


def test_each_member_gets_the_notification_as_they_chose(
    db, mailoutbox, django_capture_on_commit_callbacks
):
    by_default, at_once, never = VerifiedUserFactory.create_batch(3)
    NotificationPreferenceFactory(user=at_once, kind="group_contribution", frequency="immediately")
    NotificationPreferenceFactory(user=never, kind="group_contribution", frequency="never")

    with django_capture_on_commit_callbacks(execute=True):
        created = tell_the_group([by_default, at_once, never])

    assert {n.user_id: n.frequency for n in created} == {
        by_default.pk: "daily",
        at_once.pk: "immediately",
    }
    assert [mail.to for mail in mailoutbox] == [[at_once.email]]
    assert Notification.objects.filter(user=never).count() == 0


@pytest.mark.parametrize("count", [3, 30])
def test_the_fan_out_costs_the_same_queries_for_three_or_thirty_members(
    db, count, django_assert_num_queries, django_capture_on_commit_callbacks
):
    members = VerifiedUserFactory.create_batch(count)

    # savepoint, the members' choices for this kind, one bulk insert, release savepoint
    with django_assert_num_queries(4), django_capture_on_commit_callbacks():
        created = tell_the_group(members)

    assert len(created) == count


def test_someone_listed_twice_is_told_once(db, django_capture_on_commit_callbacks):
    member = VerifiedUserFactory()

    with django_capture_on_commit_callbacks():
        tell_the_group([member, member])

    assert Notification.objects.filter(user=member).count() == 1


def test_nobody_to_tell_records_nothing(db):
    assert tell_the_group([]) == []
    assert not Notification.objects.exists()
