"""The .ics file of a meeting and the calendar feed (RFC 5545, written by hand)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests.workshops.factories import MeetingFactory
from workshops import ics

PARIS = ZoneInfo("Europe/Paris")


def unfold(text: str) -> str:
    return text.replace("\r\n ", "")


def lines_of(text: str) -> list[str]:
    return unfold(text).split("\r\n")


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

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f'filename="reunion-{meeting.pk}.ics"' in response["Content-Disposition"]
    text = response.content.decode()
    lines = lines_of(text)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert lines[-2:] == ["END:VCALENDAR", ""]
    assert lines.count("BEGIN:VEVENT") == 1


def test_times_are_utc_and_the_uid_is_stable(visitor, meeting):
    first = lines_of(visitor.get(f"/reunions/{meeting.pk}/reunion.ics").content.decode())
    second = lines_of(visitor.get(f"/reunions/{meeting.pk}/reunion.ics").content.decode())

    # 14:00 in Paris on 14 March (winter time, UTC+1) is 13:00 UTC.
    assert "DTSTART:20300314T130000Z" in first
    assert "DTEND:20300314T163000Z" in first
    uid = next(line for line in first if line.startswith("UID:"))
    assert uid == f"UID:reunion-{meeting.pk}@cop-planification-action.centre-val-de-loire.fr"
    assert uid in second
    assert any(line.startswith("DTSTAMP:") and line.endswith("Z") for line in first)


def test_summer_time_is_converted_too(group):
    summer = MeetingFactory(
        group=group,
        starts_at=dt.datetime(2030, 7, 1, 9, 0, tzinfo=PARIS),
        ends_at=dt.datetime(2030, 7, 1, 12, 0, tzinfo=PARIS),
    )

    text = ics.calendar([summer], absolute_url=lambda m: "https://exemple.test/")

    assert "DTSTART:20300701T070000Z" in lines_of(text)


def test_text_values_escape_commas_semicolons_backslashes_and_newlines(visitor, meeting):
    lines = lines_of(visitor.get(f"/reunions/{meeting.pk}/reunion.ics").content.decode())

    assert "SUMMARY:Atelier n° 2 : fret\\, logistique\\; rail" in lines
    assert "LOCATION:Préfecture d’Indre-et-Loire\\, 15 rue Bernard-Palissy\\, Tours" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert "\\n1. Accueil\\n2. Ateliers\\\\sous-groupes" in description
    assert "\n" not in description


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
    assert "é" * 300 in unfold(raw.decode())


def test_escape_and_fold_directly():
    assert ics.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = ics.fold("DESCRIPTION:" + "x" * 200)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.split("\r\n")[1].startswith(" ")


def test_the_event_links_to_the_meeting_page(visitor, meeting):
    text = unfold(visitor.get(f"/reunions/{meeting.pk}/reunion.ics").content.decode())

    assert f"URL:http://testserver/reunions/{meeting.pk}/" in text


def test_an_unknown_meeting_is_a_404(visitor, db):
    assert visitor.get("/reunions/999999/reunion.ics").status_code == 404


def test_the_feed_holds_every_upcoming_meeting_and_no_past_one(visitor, group, other_group):
    MeetingFactory(group=group, title="Atelier mobilité à venir")
    MeetingFactory(group=other_group, title="Atelier bâtiment à venir")
    MeetingFactory(
        group=group, title="Atelier passé", starts_at=timezone.now() - dt.timedelta(days=5)
    )

    response = visitor.get("/reunions/calendrier.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = unfold(response.content.decode())
    assert text.count("BEGIN:VEVENT") == 2
    assert "Atelier passé" not in text
    assert "X-WR-CALNAME:COP Centre-Val de Loire — réunions" in text


def test_the_feed_of_one_group(visitor, group, other_group):
    MeetingFactory(group=group, title="Atelier mobilité à venir")
    MeetingFactory(group=other_group, title="Atelier bâtiment à venir")

    text = unfold(visitor.get("/reunions/calendrier.ics?groupe=mobilite").content.decode())

    assert "Atelier mobilité à venir" in text
    assert "Atelier bâtiment" not in text


def test_the_feed_of_an_unknown_group_is_not_found(visitor, db):
    response = visitor.get("/reunions/calendrier.ics?groupe=inconnu")

    assert response.status_code == 404


def test_an_empty_feed_is_still_a_valid_calendar(visitor, db):
    lines = lines_of(visitor.get("/reunions/calendrier.ics").content.decode())

    assert lines[0] == "BEGIN:VCALENDAR"
    assert "END:VCALENDAR" in lines
    assert "BEGIN:VEVENT" not in lines
