"""Calling a meeting off: its organisers or staff cancel it, and its registrants are told."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cop import audit
from cop.models import User
from cop.services.notifications import notify_many

from .. import notification_kinds as kinds
from ..models import Meeting, MeetingStatus, Registration
from .meetings import meeting_when

MAX_REASON: int = Meeting._meta.get_field("cancellation_reason").max_length or 500


@transaction.atomic
def meeting_call_off(*, meeting: Meeting, by: User, reason: str = "") -> Meeting:
    """Cancel a meeting that has not ended; everyone registered or waiting is told.

    Registrations stay as they were (who had a seat); the meeting's iCalendar
    SEQUENCE goes up so that calendars drop the event.
    """
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.is_cancelled:
        raise ValidationError(_("Cette réunion est déjà annulée."))
    now = timezone.now()
    if locked.ends_at < now:
        raise ValidationError(_("Cette réunion est terminée : elle ne peut plus être annulée."))
    reason = " ".join(reason.split())
    if len(reason) > MAX_REASON:
        raise ValidationError(
            {
                "reason": _("Le motif ne doit pas dépasser %(max)s caractères.")
                % {"max": MAX_REASON}
            }
        )
    locked.status = MeetingStatus.CANCELLED
    locked.cancelled_at = now
    locked.cancellation_reason = reason
    locked.sequence += 1
    locked.save(update_fields=["status", "cancelled_at", "cancellation_reason", "sequence"])

    registrants = [
        registration.user
        for registration in Registration.objects.filter(
            meeting=locked,
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING],
        ).select_related("user")
    ]
    body = _("La réunion « %(title)s », prévue %(when)s, est annulée.") % {
        "title": locked.title,
        "when": meeting_when(locked),
    }
    if reason:
        body += "\n" + _("Motif : %(reason)s") % {"reason": reason}
    body += "\n" + _(
        "Si vous l’aviez ajoutée à votre agenda, le fichier .ics de la réunion la retire."
    )
    notify_many(
        users=registrants,
        # Its own kind: muting reminders does not hide that a meeting is off.
        kind=kinds.MEETING_CANCELLED,
        subject=_("Réunion annulée : « %(title)s »") % {"title": locked.title},
        body=body,
        url=locked.get_absolute_url(),
    )
    audit.record(
        actor=by,
        action="meeting.cancel",
        target=locked,
        reason=reason,
        registrants=len(registrants),
    )
    return locked


__all__ = ["meeting_call_off"]
