"""The day before a meeting, its confirmed registrants are reminded, once."""

import datetime as dt

from django.utils import timezone

from cop.models import Notification
from tests.workshops.factories import MeetingFactory, RegistrationFactory
from workshops import notification_kinds as kinds
from workshops.models import Registration
from workshops.tasks import send_meeting_reminders


def meeting_in(group, hours, **fields):
    return MeetingFactory(
        group=group, starts_at=timezone.now() + dt.timedelta(hours=hours), **fields
    )


def test_registrants_of_tomorrows_meeting_are_reminded(group):
    meeting = meeting_in(group, 20, title="Atelier logistique", place="Préfecture, Tours")
    seat = RegistrationFactory(meeting=meeting)
    RegistrationFactory(meeting=meeting, status=Registration.Status.WAITING)
    RegistrationFactory(meeting=meeting, status=Registration.Status.CANCELLED)

    assert send_meeting_reminders() == 1

    reminders = Notification.objects.filter(kind=kinds.MEETING_REMINDER)
    assert [n.user for n in reminders] == [seat.user]
    assert reminders[0].subject.startswith("Rappel : « Atelier logistique »")
    assert "Préfecture, Tours" in reminders[0].body
    assert reminders[0].url == f"/reunions/{meeting.pk}/"
    meeting.refresh_from_db()
    assert meeting.reminder_sent_at is not None


def test_the_task_run_twice_reminds_once(group):
    meeting = meeting_in(group, 20)
    RegistrationFactory(meeting=meeting)

    send_meeting_reminders()
    assert send_meeting_reminders() == 0

    assert Notification.objects.count() == 1


def test_meetings_further_away_or_already_started_are_not_reminded(group):
    RegistrationFactory(meeting=meeting_in(group, 30))
    started = MeetingFactory(
        group=group,
        starts_at=timezone.now() - dt.timedelta(hours=1),
        ends_at=timezone.now() + dt.timedelta(hours=1),
    )
    RegistrationFactory(meeting=started)

    assert send_meeting_reminders() == 0
    assert not Notification.objects.exists()


def test_the_emails_go_out_immediately_by_default(
    group, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = meeting_in(group, 20, title="Atelier logistique")
    seat = RegistrationFactory(meeting=meeting)

    with django_capture_on_commit_callbacks(execute=True):
        send_meeting_reminders()

    assert [message.to for message in mailoutbox] == [[seat.user.email]]
    assert "Atelier logistique" in mailoutbox[0].subject
