"""Two people asking for the last seat at the same moment: one seat, one waiting place.

Each thread has its own database connection (Django's connections are per
thread), so the two registrations really run in two concurrent transactions;
the barrier releases them together. Committed data is needed for that, hence
``transactional_db``; row locks need PostgreSQL.
"""

import threading

from django.db import connections

from tests.workshops.factories import MeetingFactory, RegistrationFactory, make_stakeholder
from workshops.models import Registration
from workshops.services.meetings import registration_cancel, registration_register


def run_together(*actions):
    """Run each action in its own thread and connection, released at once by a barrier."""
    barrier = threading.Barrier(len(actions))
    results: list = [None] * len(actions)
    errors: list = []

    def worker(index, action):
        try:
            barrier.wait(timeout=10)
            results[index] = action()
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=worker, args=(index, action))
        for index, action in enumerate(actions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return results


def test_two_registrations_for_the_last_seat_give_one_seat_and_one_waiting_place(
    transactional_db, group
):
    meeting = MeetingFactory(group=group, capacity=3)
    for _ in range(2):
        RegistrationFactory(meeting=meeting)
    alice = make_stakeholder("alice@exemple.test")
    bruno = make_stakeholder("bruno@exemple.test")

    results = run_together(
        lambda: registration_register(meeting=meeting, user=alice).status,
        lambda: registration_register(meeting=meeting, user=bruno).status,
    )

    assert sorted(results) == ["confirmed", "waiting"]
    assert Registration.objects.filter(meeting=meeting, status="confirmed").count() == 3
    assert Registration.objects.filter(meeting=meeting, status="waiting").count() == 1


def test_a_cancellation_and_a_registration_at_once_never_overbook(transactional_db, group):
    meeting = MeetingFactory(group=group, capacity=1)
    holder = make_stakeholder("titulaire@exemple.test")
    seat = registration_register(meeting=meeting, user=holder)
    waiting = registration_register(meeting=meeting, user=make_stakeholder("attente@exemple.test"))
    newcomer = make_stakeholder("nouveau@exemple.test")

    run_together(
        lambda: registration_cancel(registration=seat),
        lambda: registration_register(meeting=meeting, user=newcomer),
    )

    confirmed = Registration.objects.filter(meeting=meeting, status="confirmed")
    assert list(confirmed.values_list("pk", flat=True)) == [waiting.pk]
    assert Registration.objects.get(user=newcomer).status == "waiting"
