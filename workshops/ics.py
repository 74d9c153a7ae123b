"""iCalendar (RFC 5545) files of meetings, written with the ``icalendar`` package.

The library escapes text, folds lines at 75 octets and ends them with CRLF.
What calendar applications need from us on top: a UID that never changes, a
SEQUENCE raised when the time or the place changes (``Meeting.sequence``), an
ORGANIZER, and for a cancelled meeting ``STATUS:CANCELLED`` (in the feed) and
``METHOD:CANCEL`` (its own file), so that a moved or cancelled meeting updates
the copy people imported. Times are UTC: no VTIMEZONE block to ship.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

from territories.region import regional_identity

from .models import Meeting

# Stable whatever the host name the platform is reached by, and whatever the
# region: changing it would duplicate every meeting in people's calendars.
UID_DOMAIN = "cop-planification-action.centre-val-de-loire.fr"
PUBLISH = "PUBLISH"
CANCEL = "CANCEL"


def meeting_uid(meeting: Meeting) -> str:
    return f"reunion-{meeting.pk}@{UID_DOMAIN}"


def _organizer() -> vCalAddress:
    """The platform's sender address, as the organiser every meeting is announced by."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address or 'ne-pas-repondre@invalid'}")
    if name:
        organizer.params["cn"] = name
    return organizer


def _description(meeting: Meeting, url: str) -> str:
    parts = []
    if meeting.is_cancelled:
        parts.append(_("Réunion annulée."))
        if meeting.cancellation_reason:
            parts.append(_("Motif : %(reason)s") % {"reason": meeting.cancellation_reason})
    if meeting.group is not None:
        parts.append(_("Groupe de travail : %(name)s") % {"name": meeting.group.name})
    if meeting.online_url:
        parts.append(_("Visioconférence : %(url)s") % {"url": meeting.online_url})
    if meeting.agenda:
        parts.append(_("Ordre du jour :") + "\n" + meeting.agenda.strip())
    parts.append(_("Inscription et informations : %(url)s") % {"url": url})
    return "\n\n".join(parts)


def _event(meeting: Meeting, *, url: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", stamp.astimezone(dt.UTC))
    event.add("sequence", meeting.sequence)
    event.add("dtstart", meeting.starts_at.astimezone(dt.UTC))
    event.add("dtend", meeting.ends_at.astimezone(dt.UTC))
    event.add("summary", meeting.title)
    location = meeting.place or meeting.online_url
    if location:
        event.add("location", location)
    event.add("description", _description(meeting, url))
    event.add("url", url)
    event.add("organizer", _organizer())
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if meeting.is_cancelled else "OPAQUE")
    return event


def calendar(
    meetings: Iterable[Meeting],
    *,
    absolute_url: Callable[[Meeting], str],
    name: str = "",
    method: str = PUBLISH,
    now: dt.datetime | None = None,
) -> bytes:
    """A VCALENDAR of the meetings; ``absolute_url(meeting)`` gives each one's page address."""
    stamp = now or timezone.now()
    cal = Calendar()
    cal.add("prodid", f"-//{regional_identity().short_name}//Planification Action//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", "Europe/Paris")
    for meeting in meetings:
        cal.add_component(_event(meeting, url=absolute_url(meeting), stamp=stamp))
    return cal.to_ical()


def meeting_file(meeting: Meeting, *, url: str, now: dt.datetime | None = None) -> bytes:
    """The .ics file of one meeting: a cancellation (METHOD:CANCEL) once it is cancelled."""
    return calendar(
        [meeting],
        absolute_url=lambda _meeting: url,
        method=CANCEL if meeting.is_cancelled else PUBLISH,
        now=now,
    )
