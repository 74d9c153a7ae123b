"""The .ics file of a meeting and the calendar feed, read back with the ``icalendar`` package
as a calendar application would."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.workshops.factories import MeetingFactory

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.UTC


def parsed(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar: Calendar) -> list:
    return list(calendar.walk("VEVENT"))


@pytest.fixture
def meeting(group):
    return MeetingFactory(
        group=group,
        title="Atelier n° 2 : fret, logistique; rail",
        starts_at=dt.datetime(2030, 3, 14, 14, 0, tzinfo=PARIS),
        ends_at=dt.datetime(2030, 3, 14, 17, 30, tzinfo=PARIS),
        place="Préfecture d’Indre-et-Loire, 15 rue Bernard-Palissy, Tours",
        agenda="1. Accueil\n2. Ateliers\\sous-groupes",
    )


def test_a_meeting_file_is_a_calendar_with_one_event(visitor, meeting):
    response = visitor.get(f"/reunions/{meeting.pk}/reunion.ics")

    calendar = parsed(response)
    assert f'filename="reunion-{meeting.pk}.ics"' in response["Content-Disposition"]
    assert calendar["VERSION"] == "2.0"
    assert calendar["METHOD"] == "PUBLISH"
    [event] = events(calendar)
    assert event["STATUS"] == "CONFIRMED"
    assert event["SEQUENCE"] == 0
    assert "ne-pas-repondre@" in str(event["ORGANIZER"])


def test_times_are_utc_and_the_uid_is_stable(visitor, meeting):
    url = f"/reunions/{meeting.pk}/reunion.ics"
    [first] = events(parsed(visitor.get(url)))
    [second] = events(parsed(visitor.get(url)))

    # 14:00 in Paris on 14 March (winter time, UTC+1) is 13:00 UTC.
    assert first.decoded("DTSTART") == dt.datetime(2030, 3, 14, 13, 0, tzinfo=UTC)
    assert first.decoded("DTEND") == dt.datetime(2030, 3, 14, 16, 30, tzinfo=UTC)
    assert first["UID"] == f"reunion-{meeting.pk}@cop-planification-action.centre-val-de-loire.fr"
    assert second["UID"] == first["UID"]
    assert first.decoded("DTSTAMP").utcoffset() == dt.timedelta(0)


def test_summer_time_is_converted_too(visitor, group):
    summer = MeetingFactory(
        group=group,
        starts_at=dt.datetime(2030, 7, 1, 9, 0, tzinfo=PARIS),
        ends_at=dt.datetime(2030, 7, 1, 12, 0, tzinfo=PARIS),
    )

    [event] = events(parsed(visitor.get(f"/reunions/{summer.pk}/reunion.ics")))

    assert event.decoded("DTSTART") == dt.datetime(2030, 7, 1, 7, 0, tzinfo=UTC)


def test_text_with_commas_semicolons_backslashes_and_newlines_reads_back_unchanged(
    visitor, meeting
):
    response = visitor.get(f"/reunions/{meeting.pk}/reunion.ics")

    [event] = events(parsed(response))
    assert str(event["SUMMARY"]) == "Atelier n° 2 : fret, logistique; rail"
    assert str(event["LOCATION"]) == meeting.place
    assert "1. Accueil\n2. Ateliers\\sous-groupes" in str(event["DESCRIPTION"])
    assert b"SUMMARY:Atelier n\xc2\xb0 2 : fret\\, logistique\\; rail" in response.content


def test_every_line_ends_with_crlf_and_fits_in_75_octets(visitor, meeting):
    meeting.agenda = "é" * 300  # two octets each: folding must not cut a character
    meeting.save()

    raw = visitor.get(f"/reunions/{meeting.pk}/reunion.ics").content

    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    physical = raw.split(b"\r\n")
    assert max(len(line) for line in physical) <= 75
    for line in physical:
        line.decode("utf-8")  # raises if a character was cut in two
    [event] = events(Calendar.from_ical(raw))
    assert "é" * 300 in str(event["DESCRIPTION"])


def test_the_event_links_to_the_meeting_page(visitor, meeting):
    [event] = events(parsed(visitor.get(f"/reunions/{meeting.pk}/reunion.ics")))

    assert str(event["URL"]) == f"http://testserver/reunions/{meeting.pk}/"


def test_an_unknown_meeting_is_a_404(visitor, db):
    assert visitor.get("/reunions/999999/reunion.ics").status_code == 404


def test_the_feed_holds_every_upcoming_meeting_and_no_past_one(visitor, group, other_group):
    MeetingFactory(group=group, title="Atelier mobilité à venir")
    MeetingFactory(group=other_group, title="Atelier bâtiment à venir")
    MeetingFactory(
        group=group, title="Atelier passé", starts_at=timezone.now() - dt.timedelta(days=5)
    )

    response = visitor.get("/reunions/calendrier.ics")

    calendar = parsed(response)
    titles = sorted(str(event["SUMMARY"]) for event in events(calendar))
    assert titles == ["Atelier bâtiment à venir", "Atelier mobilité à venir"]
    assert str(calendar["X-WR-CALNAME"]) == "COP Centre-Val de Loire — réunions"
    assert calendar["METHOD"] == "PUBLISH"


def test_the_feed_of_one_group(visitor, group, other_group):
    MeetingFactory(group=group, title="Atelier mobilité à venir")
    MeetingFactory(group=other_group, title="Atelier bâtiment à venir")

    calendar = parsed(visitor.get("/reunions/calendrier.ics?groupe=mobilite"))

    assert [str(event["SUMMARY"]) for event in events(calendar)] == ["Atelier mobilité à venir"]


def test_the_feed_of_an_unknown_group_is_not_found(visitor, db):
    response = visitor.get("/reunions/calendrier.ics?groupe=inconnu")

    assert response.status_code == 404


def test_an_empty_feed_is_still_a_valid_calendar(visitor, db):
    calendar = parsed(visitor.get("/reunions/calendrier.ics"))

    assert calendar.name == "VCALENDAR"
    assert events(calendar) == []
