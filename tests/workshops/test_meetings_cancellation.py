"""A moved or cancelled meeting updates people's calendars (SEQUENCE, STATUS, METHOD),
and a cancellation tells everyone registered."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from cop.models import AuditEvent, Notification
from tests.workshops.factories import MeetingFactory, RegistrationFactory
from workshops.models import Meeting, MeetingStatus, Registration
from workshops.services.meeting_cancellation import meeting_call_off
from workshops.services.meetings import (
    meeting_reminders_send,
    meeting_update,
    registration_register,
)


@pytest.fixture
def meeting(group):
    return MeetingFactory(group=group, title="Atelier fret ferroviaire")


def served_event(client, meeting, path="reunion.ics"):
    response = client.get(f"/reunions/{meeting.pk}/{path}")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    return calendar, calendar.walk("VEVENT")


def local(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def edit_form(meeting: Meeting, **fields) -> dict:
    return {
        "kind": meeting.kind,
        "title": meeting.title,
        "group": meeting.group_id,
        "departement": "",
        "starts_at": local(meeting.starts_at),
        "ends_at": local(meeting.ends_at),
        "place": meeting.place,
        "online_url": meeting.online_url,
        "agenda": meeting.agenda,
        "capacity": str(meeting.capacity),
    } | fields


# --- SEQUENCE -------------------------------------------------------------------------------


def test_moving_a_meeting_raises_the_sequence_of_its_file(
    client_of, group_facilitator, meeting, visitor
):
    later = meeting.starts_at + dt.timedelta(days=1)
    response = client_of(group_facilitator).post(
        f"/reunions/{meeting.pk}/modifier/",
        edit_form(meeting, starts_at=local(later), ends_at=local(later + dt.timedelta(hours=2))),
    )
    assert response.status_code == 302

    _calendar, [event] = served_event(visitor, meeting)
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == later.replace(second=0, microsecond=0)


def test_a_new_place_raises_the_sequence_and_a_new_agenda_does_not(meeting, staff):
    meeting_update(meeting=meeting, by=staff, agenda="1. Accueil\n2. Fret")
    meeting.refresh_from_db()
    assert meeting.sequence == 0

    meeting_update(meeting=meeting, by=staff, place="Gare des Aubrais, Fleury-les-Aubrais")
    meeting.refresh_from_db()
    assert meeting.sequence == 1


def test_an_edit_in_the_admin_that_moves_the_meeting_raises_the_sequence(
    client_of, staff, meeting
):
    later = timezone.localtime(meeting.starts_at + dt.timedelta(hours=1))
    ends = later + dt.timedelta(hours=2)
    response = client_of(staff).post(
        f"/admin/workshops/meeting/{meeting.pk}/change/",
        {
            "kind": meeting.kind,
            "title": meeting.title,
            "group": meeting.group_id,
            "starts_at_0": later.strftime("%d/%m/%Y"),
            "starts_at_1": later.strftime("%H:%M:%S"),
            "ends_at_0": ends.strftime("%d/%m/%Y"),
            "ends_at_1": ends.strftime("%H:%M:%S"),
            "place": meeting.place,
            "agenda": meeting.agenda,
            "capacity": meeting.capacity,
            "minutes": "",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    meeting.refresh_from_db()
    assert meeting.sequence == 1


# --- Cancellation ---------------------------------------------------------------------------


def test_the_organiser_cancels_a_meeting_and_everyone_registered_is_told(
    client_of, group_facilitator, meeting
):
    seated = RegistrationFactory(meeting=meeting).user
    waiting = RegistrationFactory(meeting=meeting, status=Registration.Status.WAITING).user
    gone = RegistrationFactory(meeting=meeting, status=Registration.Status.CANCELLED).user

    response = client_of(group_facilitator).post(
        f"/reunions/{meeting.pk}/annuler/", {"reason": "Salle indisponible, report en juin."}
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert meeting.cancellation_reason == "Salle indisponible, report en juin."
    told = set(Notification.objects.values_list("user", flat=True))
    assert told == {seated.pk, waiting.pk}
    assert gone.pk not in told
    notification = Notification.objects.filter(user=seated).get()
    assert "annulée" in notification.subject
    assert "Salle indisponible" in notification.body
    assert AuditEvent.objects.filter(action="meeting.cancel").exists()
    page = client_of(seated).get(f"/reunions/{meeting.pk}/").content.decode()
    assert "Cette réunion est annulée" in page
    assert "Salle indisponible, report en juin." in page


def test_the_file_of_a_cancelled_meeting_cancels_it_in_calendars(visitor, meeting, staff):
    meeting_call_off(meeting=meeting, by=staff)

    calendar, [event] = served_event(visitor, meeting)

    assert calendar["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 1
    assert event["UID"].startswith(f"reunion-{meeting.pk}@")


def test_the_feed_keeps_a_cancelled_meeting_marked_cancelled(visitor, group, meeting, staff):
    other = MeetingFactory(group=group, title="Atelier maintenu")
    meeting_call_off(meeting=meeting, by=staff)

    response = visitor.get("/reunions/calendrier.ics")
    calendar = Calendar.from_ical(response.content)

    status = {str(e["SUMMARY"]): str(e["STATUS"]) for e in calendar.walk("VEVENT")}
    assert status == {meeting.title: "CANCELLED", other.title: "CONFIRMED"}
    assert calendar["METHOD"] == "PUBLISH"


def test_a_cancelled_meeting_takes_no_registration_no_edit_and_no_reminder(
    meeting, staff, stakeholder, client_of
):
    RegistrationFactory(meeting=meeting, user=staff)
    meeting.starts_at = timezone.now() + dt.timedelta(hours=3)
    meeting.ends_at = meeting.starts_at + dt.timedelta(hours=2)
    meeting.save()
    meeting_call_off(meeting=meeting, by=staff)
    Notification.objects.all().delete()

    with pytest.raises(ValidationError, match="annulée"):
        registration_register(meeting=meeting, user=stakeholder)
    with pytest.raises(ValidationError, match="annulée"):
        meeting_update(meeting=meeting, by=staff, title="Autre titre")
    assert meeting_reminders_send(now=timezone.now()) == 0
    assert not Notification.objects.exists()
    response = client_of(staff).get(f"/reunions/{meeting.pk}/modifier/")
    assert response.status_code == 302


def test_cancelling_twice_or_after_the_end_is_refused_and_changes_nothing(client_of, group, staff):
    past = MeetingFactory(
        group=group,
        starts_at=timezone.now() - dt.timedelta(days=2),
        ends_at=timezone.now() - dt.timedelta(days=2) + dt.timedelta(hours=2),
    )
    response = client_of(staff).post(f"/reunions/{past.pk}/annuler/", {"reason": ""})
    assert response.status_code == 400
    assert "terminée" in response.content.decode()
    past.refresh_from_db()
    assert past.status == MeetingStatus.SCHEDULED

    upcoming = MeetingFactory(group=group)
    meeting_call_off(meeting=upcoming, by=staff)
    with pytest.raises(ValidationError, match="déjà annulée"):
        meeting_call_off(meeting=upcoming, by=staff)
    upcoming.refresh_from_db()
    assert upcoming.sequence == 1


def test_a_reason_too_long_is_a_form_error(client_of, staff, meeting):
    response = client_of(staff).post(f"/reunions/{meeting.pk}/annuler/", {"reason": "x" * 501})

    assert response.status_code == 400
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


@pytest.mark.parametrize("persona", ["visitor", "citizen", "stakeholder", "facilitator"])
def test_only_the_organisers_and_staff_may_cancel(request, client_of, persona, meeting):
    if persona == "visitor":
        client = request.getfixturevalue("visitor")
    else:
        client = client_of(request.getfixturevalue(persona))

    response = client.post(f"/reunions/{meeting.pk}/annuler/", {"reason": ""})

    # Anonymous: to the sign-in page; signed in without the right: a 403 saying why.
    assert response.status_code == (302 if persona == "visitor" else 403)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


def test_the_organiser_sees_the_cancel_button_and_a_confirmation_page(
    client_of, group_facilitator, meeting
):
    client = client_of(group_facilitator)
    page = client.get(f"/reunions/{meeting.pk}/").content.decode()
    assert f'href="/reunions/{meeting.pk}/annuler/"' in page

    confirmation = client.get(f"/reunions/{meeting.pk}/annuler/")
    assert confirmation.status_code == 200
    assert "Motif de l’annulation" in confirmation.content.decode()
