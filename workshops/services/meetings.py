"""Writes on meetings: scheduling, registrations and the waiting list, attendance,
minutes with their structured outputs, reminders."""

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cop import audit
from cop.models import User
from cop.services.notifications import notify, notify_many
from core.files import validate_upload

from .. import notification_kinds as kinds
from ..models import (
    Contribution,
    ContributionKind,
    Meeting,
    MeetingAttachment,
    MeetingStatus,
    Registration,
)
from .contributions import contribution_create

CONFIRMED = Registration.Status.CONFIRMED
WAITING = Registration.Status.WAITING
CANCELLED = Registration.Status.CANCELLED

# --- Dates in emails ------------------------------------------------------------------


def meeting_when(meeting: Meeting) -> str:
    """« jeudi 14 mars 2024, de 14h00 à 17h00 » in the platform's time zone."""
    starts = timezone.localtime(meeting.starts_at)
    ends = timezone.localtime(meeting.ends_at)
    day = formats.date_format(starts, "l j F Y")
    if starts.date() == ends.date():
        return _("%(day)s, de %(start)s à %(end)s") % {
            "day": day,
            "start": formats.date_format(starts, "H\\hi"),
            "end": formats.date_format(ends, "H\\hi"),
        }
    return _("du %(start)s au %(end)s") % {
        "start": formats.date_format(starts, "l j F Y H\\hi"),
        "end": formats.date_format(ends, "l j F Y H\\hi"),
    }


def meeting_where(meeting: Meeting) -> str:
    parts = []
    if meeting.place:
        parts.append(meeting.place)
    if meeting.online_url:
        parts.append(_("en ligne : %(url)s") % {"url": meeting.online_url})
    return " ; ".join(parts)


# --- Scheduling ---------------------------------------------------------------------------

MEETING_FIELDS = (
    "kind",
    "title",
    "group",
    "departement",
    "starts_at",
    "ends_at",
    "place",
    "online_url",
    "agenda",
    "capacity",
)
# A change of these raises the meeting's iCalendar SEQUENCE: calendars update it.
CALENDAR_FIELDS = ("starts_at", "ends_at", "place", "online_url")


@transaction.atomic
def meeting_create(*, by: User, **fields) -> Meeting:
    """Schedule a working-group session or a departmental meeting."""
    meeting = Meeting(created_by=by, **{name: fields[name] for name in MEETING_FIELDS})
    meeting.full_clean()
    meeting.save()
    audit.record(
        actor=by, action="meeting.create", target=meeting, starts_at=str(meeting.starts_at)
    )
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, by: User, **fields) -> Meeting:
    """Change a meeting; more seats move the waiting list up, fewer than taken is refused."""
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.is_cancelled:
        raise ValidationError(_("Cette réunion est annulée : elle ne peut plus être modifiée."))
    confirmed = Registration.objects.filter(meeting=locked, status=CONFIRMED).count()
    capacity = fields.get("capacity")
    if capacity is not None and capacity < confirmed:
        raise ValidationError(
            {
                "capacity": _(
                    "%(count)s personnes ont déjà une place : le nombre de places "
                    "ne peut pas descendre en dessous."
                )
                % {"count": confirmed}
            }
        )
    before = [getattr(locked, name) for name in CALENDAR_FIELDS]
    for name in MEETING_FIELDS:
        if name in fields:
            setattr(locked, name, fields[name])
    if [getattr(locked, name) for name in CALENDAR_FIELDS] != before:
        locked.sequence += 1
    locked.full_clean()
    locked.save()
    promoted = _fill_free_seats(locked)
    audit.record(
        actor=by,
        action="meeting.update",
        target=locked,
        changed=sorted(name for name in fields if name in MEETING_FIELDS),
        promoted=len(promoted),
    )
    return locked


# --- Registrations ------------------------------------------------------------------------


@transaction.atomic
def registration_register(*, meeting: Meeting, user: User) -> Registration:
    """Register for a meeting: a seat while one is free, else a place on the waiting list."""
    # Lock the meeting row: registrations to one meeting run one after the other,
    # so two people asking for the last seat at once get one seat and one
    # waiting-list place, never two seats.
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError(_("Cette réunion est annulée : les inscriptions sont closes."))
    if meeting.ends_at < timezone.now():
        raise ValidationError(_("Cette réunion est terminée : les inscriptions sont closes."))
    registration = Registration.objects.filter(meeting=meeting, user=user).first()
    if registration is not None and registration.status == CONFIRMED:
        raise ValidationError(_("Vous êtes déjà inscrit à cette réunion."))
    if registration is not None and registration.status == WAITING:
        raise ValidationError(_("Vous êtes déjà sur la liste d’attente de cette réunion."))
    # Seats freed by a change of capacity go to those who wait, before a newcomer.
    _fill_free_seats(meeting)
    has_seat = meeting.capacity is None or (
        _confirmed_count(meeting) < meeting.capacity
        and not Registration.objects.filter(meeting=meeting, status=WAITING).exists()
    )
    status = CONFIRMED if has_seat else WAITING
    if registration is None:
        registration = Registration.objects.create(meeting=meeting, user=user, status=status)
    else:
        # Registering again after cancelling reuses the row, at the back of the queue.
        registration.status = status
        registration.registered_at = timezone.now()
        registration.attended = None
        registration.save()
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration | None:
    """Give up a seat or a waiting place; a freed seat goes to the earliest person waiting.

    Returns the registration that moved up from the waiting list, if any.
    """
    meeting = Meeting.objects.select_for_update().get(pk=registration.meeting_id)
    registration.refresh_from_db()
    if registration.status == CANCELLED:
        raise ValidationError(_("Vous n’êtes pas inscrit à cette réunion."))
    if meeting.ends_at < timezone.now():
        raise ValidationError(
            _("Cette réunion est terminée : l’inscription ne peut plus changer.")
        )
    registration.status = CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    promoted = _fill_free_seats(meeting)
    return promoted[0] if promoted else None


def _confirmed_count(meeting: Meeting) -> int:
    return Registration.objects.filter(meeting=meeting, status=CONFIRMED).count()


def _fill_free_seats(meeting: Meeting) -> list[Registration]:
    """Move people up from the waiting list while seats are free; tell each of them.

    The caller holds the lock on the meeting row.
    """
    waiting = Registration.objects.filter(meeting=meeting, status=WAITING).order_by(
        "registered_at", "pk"
    )
    if meeting.capacity is None:
        moving = list(waiting.select_related("user"))
    else:
        free = meeting.capacity - _confirmed_count(meeting)
        if free <= 0:
            return []
        moving = list(waiting.select_related("user")[:free])
    for registration in moving:
        registration.status = CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        notify(
            user=registration.user,
            kind=kinds.MEETING_SEAT,
            subject=_("Une place s’est libérée : vous êtes inscrit à « %(title)s »")
            % {"title": meeting.title},
            body=_(
                "Une place s’est libérée pour la réunion « %(title)s » (%(when)s) : "
                "vous étiez sur la liste d’attente, vous êtes maintenant inscrit.\n"
                "Si vous ne pouvez plus venir, désinscrivez-vous depuis la page de la "
                "réunion pour laisser votre place."
            )
            % {"title": meeting.title, "when": meeting_when(meeting)},
            url=meeting.get_absolute_url(),
        )
    return moving


# --- Attendance ---------------------------------------------------------------------------


@transaction.atomic
def attendance_mark(
    *, registration: Registration, attended: bool | None, by: User
) -> Registration:
    """Note whether a registered person came (None: not noted)."""
    if registration.status != CONFIRMED:
        raise ValidationError(_("Seules les personnes inscrites peuvent être notées présentes."))
    if registration.meeting.starts_at > timezone.now():
        raise ValidationError(_("La présence se note à partir du début de la réunion."))
    registration.attended = attended
    registration.save(update_fields=["attended", "updated_at"])
    return registration


# --- Minutes ---------------------------------------------------------------------------------


def _split_output(line: str) -> tuple[str, str]:
    """« Titre : précisions » gives a title and a body; a plain line is the title."""
    line = " ".join(line.split())
    title, separator, rest = line.partition(" : ")
    if not separator:
        title, rest = line, ""
    if len(title) > 200:
        title = title[:199].rsplit(" ", 1)[0] + "…"
        rest = line
    return title, rest


@transaction.atomic
def minutes_publish(
    *,
    meeting: Meeting,
    by: User,
    minutes: str,
    attachments: Sequence[UploadedFile] = (),
    initiatives: Iterable[str] = (),
    obstacles: Iterable[str] = (),
    proposals: Iterable[str] = (),
) -> list[Contribution]:
    """Publish the minutes of a past meeting, once, with its attachments and outputs.

    Each line of outputs becomes a contribution linked to the meeting, authored by
    the person publishing; registrants are told the minutes are out.
    """
    meeting = (
        Meeting.objects.select_for_update(of=("self",)).select_related("group").get(pk=meeting.pk)
    )
    if meeting.minutes_published_at is not None:
        raise ValidationError(_("Le compte rendu de cette réunion est déjà publié."))
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("Le compte rendu se publie une fois la réunion commencée."))
    minutes = minutes.strip()
    if not minutes:
        raise ValidationError({"minutes": _("Rédigez le compte rendu avant de le publier.")})
    for upload in attachments:
        validate_upload(upload)

    meeting.minutes = minutes
    meeting.minutes_published_at = timezone.now()
    meeting.save(update_fields=["minutes", "minutes_published_at"])
    for upload in attachments:
        MeetingAttachment.objects.create(
            meeting=meeting,
            title=PurePath(upload.name or "").stem[:200] or _("Pièce jointe"),
            file=upload,
        )

    origin = _("Relevé lors de la réunion « %(title)s » du %(day)s.") % {
        "title": meeting.title,
        "day": formats.date_format(timezone.localtime(meeting.starts_at), "j F Y"),
    }
    contributions = []
    for kind, lines in (
        (ContributionKind.INITIATIVE, initiatives),
        (ContributionKind.OBSTACLE, obstacles),
        (ContributionKind.PROPOSAL, proposals),
    ):
        for line in lines:
            if not line.strip():
                continue
            title, details = _split_output(line)
            body = f"{details}\n\n{origin}" if details else origin
            contributions.append(
                contribution_create(
                    author=by,
                    kind=kind,
                    title=title,
                    body=body,
                    meeting=meeting,
                    territory=meeting.departement,
                )
            )

    registrants = [
        registration.user
        for registration in Registration.objects.filter(
            meeting=meeting, status=CONFIRMED
        ).select_related("user")
    ]
    notify_many(
        users=registrants,
        kind=kinds.MINUTES_PUBLISHED,
        subject=_("Le compte rendu de « %(title)s » est publié") % {"title": meeting.title},
        body=_(
            "Le compte rendu de la réunion « %(title)s » (%(when)s), à laquelle vous étiez "
            "inscrit, est en ligne, avec ce qui en est ressorti : %(count)s contribution(s)."
        )
        % {"title": meeting.title, "when": meeting_when(meeting), "count": len(contributions)},
        url=meeting.get_absolute_url(),
    )
    audit.record(
        actor=by,
        action="meeting.minutes_publish",
        target=meeting,
        attachments=len(attachments),
        contributions=len(contributions),
    )
    return contributions


# --- Reminders ---------------------------------------------------------------------------------

# The hourly task reminds each meeting once, about a day before: a meeting is
# due when it starts within the next 24 hours (a missed run is caught up by the
# next one; a meeting scheduled at short notice is reminded at once).
REMINDER_AHEAD = dt.timedelta(hours=24)


def meeting_reminders_send(*, now: dt.datetime) -> int:
    """Remind the confirmed registrants of the meetings of the next 24 hours, once per meeting."""
    due = list(
        Meeting.objects.filter(
            reminder_sent_at=None,
            status=MeetingStatus.SCHEDULED,
            starts_at__gt=now,
            starts_at__lte=now + REMINDER_AHEAD,
        ).values_list("pk", flat=True)
    )
    return sum(meeting_reminder_send(meeting_id=pk, now=now) for pk in due)


@transaction.atomic
def meeting_reminder_send(*, meeting_id: int, now: dt.datetime) -> bool:
    """Remind one meeting's confirmed registrants unless done already; True if this call did."""
    # Claim first: zero rows updated means another run reminded it already. If
    # notifying fails, the rollback releases the claim for the next run.
    claimed = Meeting.objects.filter(
        pk=meeting_id, reminder_sent_at=None, status=MeetingStatus.SCHEDULED
    ).update(reminder_sent_at=now)
    if not claimed:
        return False
    meeting = Meeting.objects.get(pk=meeting_id)
    users = [
        registration.user
        for registration in Registration.objects.filter(
            meeting=meeting, status=CONFIRMED
        ).select_related("user")
    ]
    where = meeting_where(meeting)
    body = _("Vous êtes inscrit à la réunion « %(title)s », %(when)s.") % {
        "title": meeting.title,
        "when": meeting_when(meeting),
    }
    if where:
        body += "\n" + _("Lieu : %(where)s") % {"where": where}
    body += "\n" + _(
        "Si vous ne pouvez plus venir, désinscrivez-vous depuis la page de la réunion : "
        "votre place ira à la première personne de la liste d’attente."
    )
    notify_many(
        users=users,
        kind=kinds.MEETING_REMINDER,
        subject=_("Rappel : « %(title)s » %(when)s")
        % {"title": meeting.title, "when": meeting_when(meeting)},
        body=body,
        url=meeting.get_absolute_url(),
    )
    return True


__all__ = [
    "attendance_mark",
    "meeting_create",
    "meeting_reminders_send",
    "meeting_update",
    "minutes_publish",
    "registration_cancel",
    "registration_register",
]
