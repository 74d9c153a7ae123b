"""iCalendar (RFC 5545) files of meetings, written by hand.

What the RFC asks and calendar applications check: lines end with CRLF and are
folded at 75 octets (never inside a UTF-8 character), text escapes backslash,
semicolon, comma and line breaks, every event has a stable UID and a DTSTAMP,
times are UTC (the ``Z`` form: no VTIMEZONE block to ship).
"""

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone

from .models import Meeting

PRODID = "-//COP Centre-Val de Loire//Planification Action//FR"
# Stable whatever the host name the platform is reached by.
UID_DOMAIN = "cop-planification-action.centre-val-de-loire.fr"
MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, continued by CRLF and a space."""
    chunks: list[str] = []
    current, size = "", 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append(current)
            # A continuation line starts with a space, which counts in its 75 octets.
            current, size, limit = "", 0, MAX_OCTETS - 1
        current += char
        size += width
    chunks.append(current)
    return "\r\n ".join(chunks)


def utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def meeting_uid(meeting: Meeting) -> str:
    return f"reunion-{meeting.pk}@{UID_DOMAIN}"


def _property(name: str, value: str) -> str:
    return fold(f"{name}:{value}")


def _event(meeting: Meeting, *, url: str, stamp: dt.datetime) -> list[str]:
    description_parts = []
    if meeting.group is not None:
        description_parts.append(f"Groupe de travail : {meeting.group.name}")
    if meeting.online_url:
        description_parts.append(f"Visioconférence : {meeting.online_url}")
    if meeting.agenda:
        description_parts.append(f"Ordre du jour :\n{meeting.agenda.strip()}")
    description_parts.append(f"Inscription et informations : {url}")
    location = meeting.place or meeting.online_url
    lines = [
        "BEGIN:VEVENT",
        _property("UID", meeting_uid(meeting)),
        _property("DTSTAMP", utc(stamp)),
        _property("DTSTART", utc(meeting.starts_at)),
        _property("DTEND", utc(meeting.ends_at)),
        _property("SUMMARY", escape_text(meeting.title)),
    ]
    if location:
        lines.append(_property("LOCATION", escape_text(location)))
    lines += [
        _property("DESCRIPTION", escape_text("\n\n".join(description_parts))),
        _property("URL", url),
        "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "END:VEVENT",
    ]
    return lines


def calendar(
    meetings: Iterable[Meeting],
    *,
    absolute_url,
    name: str = "",
    now: dt.datetime | None = None,
) -> str:
    """A VCALENDAR of the meetings; ``absolute_url(meeting)`` gives each one's page address."""
    stamp = now or timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        _property("PRODID", PRODID),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(_property("X-WR-CALNAME", escape_text(name)))
        lines.append("X-WR-TIMEZONE:Europe/Paris")
    for meeting in meetings:
        lines += _event(meeting, url=absolute_url(meeting), stamp=stamp)
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
