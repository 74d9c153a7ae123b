"""The seat obtained from the waiting list and the cancellation have their own kinds."""

import pytest

from cop.models import Notification
from tests.factories import NotificationPreferenceFactory
from tests.workshops.factories import MeetingFactory, make_stakeholder
from workshops import notification_kinds as kinds
from workshops.services.meeting_cancellation import meeting_call_off
from workshops.services.meetings import registration_cancel, registration_register


@pytest.fixture
def meeting(group):
    return MeetingFactory(group=group, capacity=1, title="Atelier covoiturage")


def test_a_person_who_muted_reminders_is_still_told_they_got_a_seat(meeting):
    holder = make_stakeholder("titulaire@exemple.test")
    waiting = make_stakeholder("attente@exemple.test")
    NotificationPreferenceFactory(user=waiting, kind=kinds.MEETING_REMINDER, frequency="never")
    seat = registration_register(meeting=meeting, user=holder)
    registration_register(meeting=meeting, user=waiting)

    registration_cancel(registration=seat)

    notification = Notification.objects.get(user=waiting)
    assert notification.kind == kinds.MEETING_SEAT
    assert "Une place s’est libérée" in notification.subject


def test_muting_the_seat_notice_mutes_only_it(meeting):
    holder = make_stakeholder("titulaire@exemple.test")
    waiting = make_stakeholder("attente@exemple.test")
    NotificationPreferenceFactory(user=waiting, kind=kinds.MEETING_SEAT, frequency="never")
    seat = registration_register(meeting=meeting, user=holder)
    registration_register(meeting=meeting, user=waiting)

    registration_cancel(registration=seat)

    assert not Notification.objects.filter(user=waiting).exists()


def test_a_cancellation_uses_its_own_kind_and_reaches_those_who_muted_reminders(meeting, staff):
    holder = make_stakeholder("titulaire@exemple.test")
    NotificationPreferenceFactory(user=holder, kind=kinds.MEETING_REMINDER, frequency="never")
    registration_register(meeting=meeting, user=holder)

    meeting_call_off(meeting=meeting, by=staff)

    notification = Notification.objects.get(user=holder)
    assert notification.kind == kinds.MEETING_CANCELLED
    assert "Réunion annulée" in notification.subject
