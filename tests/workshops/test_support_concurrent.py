"""Two clicks at the same instant, in two database sessions, count once (PostgreSQL)."""

import threading

from django.db import connections

from tests.workshops.factories import ContributionFactory, WorkingGroupFactory, make_stakeholder
from workshops.models import Contribution, Support
from workshops.services.contributions import support_add


def test_two_simultaneous_supports_by_one_person_count_once(transactional_db):
    user = make_stakeholder("double-clic@exemple.test")
    contribution = ContributionFactory(group=WorkingGroupFactory(slug="foret-bois"))
    barrier = threading.Barrier(2, timeout=10)
    results: list[bool] = []
    errors: list[BaseException] = []

    def click():
        try:
            target = Contribution.objects.get(pk=contribution.pk)
            barrier.wait()
            results.append(support_add(contribution=target, user=user))
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)

    assert errors == []
    assert sorted(results) == [False, True]
    contribution.refresh_from_db()
    assert contribution.support_count == 1
    assert Support.objects.filter(contribution=contribution).count() == 1


def test_many_people_supporting_at_once_are_all_counted(transactional_db):
    contribution = ContributionFactory(group=WorkingGroupFactory(slug="mobilite"))
    users = [make_stakeholder(f"soutien{n}@exemple.test") for n in range(4)]
    barrier = threading.Barrier(len(users), timeout=10)
    errors: list[BaseException] = []

    def click(user):
        try:
            target = Contribution.objects.get(pk=contribution.pk)
            barrier.wait()
            support_add(contribution=target, user=user)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)

    assert errors == []
    contribution.refresh_from_db()
    assert contribution.support_count == 4
