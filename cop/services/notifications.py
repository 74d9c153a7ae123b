"""Email notifications: the outbox, filled by ``notify`` and emptied by Celery tasks.

Every app tells a user something through ``notify`` (or ``notify_many`` for a
fan-out), inside its own transaction. The user's choice for that kind decides:

- immediately: the row is written and ``cop.tasks.send_notification`` is
  enqueued once the caller's transaction commits (never before: a rolled-back
  action sends nothing);
- daily: the row waits for the morning digest (``cop.tasks.send_daily_digests``);
- never: nothing is recorded at all (the recent list of the preferences page
  shows only what was, or will be, sent).

A row is claimed by a conditional update of ``sent_at`` just before its email
goes out, so a task run twice, or two digests at once, send it once.
"""

import logging
import smtplib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Services enqueue tasks and tasks call services: importing the module (not its
# names) keeps this cycle harmless whichever side Python imports first.
from cop import selectors, tasks
from cop.models import (
    DEFAULT_FREQUENCIES,
    Frequency,
    Notification,
    NotificationKind,
    NotificationPreference,
    User,
)

logger = logging.getLogger(__name__)

SUBJECT_PREFIX = "[COP Centre-Val de Loire] "
SUBJECT_MAX_LENGTH = Notification._meta.get_field("subject").max_length or 200
URL_MAX_LENGTH = Notification._meta.get_field("url").max_length or 500


# --- Filling the outbox -----------------------------------------------------------------


@transaction.atomic
def notify(
    *, user: User, kind: str, subject: str, body: str, url: str = ""
) -> Notification | None:
    """Tell ``user`` something as they chose for ``kind``; ``None`` when they chose never."""
    _check_kind(kind)
    frequency = selectors.notification_frequency(user=user, kind=kind)
    if frequency == Frequency.NEVER or not user.is_active:
        return None
    notification = Notification.objects.create(
        user=user,
        kind=kind,
        subject=_one_line(subject),
        body=body.strip(),
        url=_checked_url(url),
        frequency=frequency,
    )
    if frequency == Frequency.IMMEDIATELY:
        _send_after_commit([notification.pk])
    return notification


@transaction.atomic
def notify_many(
    *, users: Iterable[User], kind: str, subject: str, body: str, url: str = ""
) -> list[Notification]:
    """Tell the same thing to many users, each as they chose, in a constant number of queries."""
    _check_kind(kind)
    recipients = {user.pk: user for user in users if user.is_active}
    if not recipients:
        return []
    chosen = dict(
        NotificationPreference.objects.filter(user_id__in=recipients, kind=kind).values_list(
            "user_id", "frequency"
        )
    )
    common = {
        "kind": kind,
        "subject": _one_line(subject),
        "body": body.strip(),
        "url": _checked_url(url),
    }
    rows = []
    for user_id in recipients:
        frequency = chosen.get(user_id, DEFAULT_FREQUENCIES[kind])
        if frequency != Frequency.NEVER:
            rows.append(Notification(user_id=user_id, frequency=frequency, **common))
    created = Notification.objects.bulk_create(rows, batch_size=500)
    immediate = [n.pk for n in created if n.frequency == Frequency.IMMEDIATELY]
    if immediate:
        _send_after_commit(immediate)
    return created


def _send_after_commit(notification_ids: list[int]) -> None:
    # robust: a broker that does not answer must not turn the user's action into
    # an error page once it is committed; the row stays in the outbox, unsent.
    transaction.on_commit(partial(_enqueue, notification_ids), robust=True)


def _enqueue(notification_ids: list[int]) -> None:
    # One task per email: a failing address never holds back the others.
    for notification_id in notification_ids:
        tasks.send_notification.delay(notification_id)


def _check_kind(kind: str) -> None:
    if kind not in NotificationKind.values:
        raise ValueError(f"Unknown notification kind: {kind!r}")


def _one_line(subject: str) -> str:
    """An email subject holds no line break (Django refuses one) and fits the column."""
    line = " ".join(subject.split())
    if len(line) > SUBJECT_MAX_LENGTH:
        line = line[: SUBJECT_MAX_LENGTH - 1] + "…"
    return line


def _checked_url(url: str) -> str:
    url = url.strip()
    if url and not url.startswith(("/", "https://", "http://")):
        raise ValueError(f"A notification links to a path of the site, not {url!r}")
    if len(url) > URL_MAX_LENGTH:
        raise ValueError(f"A notification link holds at most {URL_MAX_LENGTH} characters")
    return url


# --- Preferences --------------------------------------------------------------------------


@transaction.atomic
def notification_preferences_set(*, user: User, frequencies: Mapping[str, str]) -> None:
    """Record how often ``user`` wants each kind given (kinds not given keep theirs)."""
    for kind, frequency in frequencies.items():
        if kind not in NotificationKind.values:
            raise ValidationError(_("Ce type de notification n’existe pas."))
        if frequency not in Frequency.values:
            raise ValidationError(
                _("Choisissez « Immédiatement », « Dans un résumé quotidien » ou « Jamais ».")
            )
    # One statement, safe when the same form is sent twice at once.
    NotificationPreference.objects.bulk_create(
        [
            NotificationPreference(user=user, kind=kind, frequency=frequency)
            for kind, frequency in frequencies.items()
        ],
        update_conflicts=True,
        unique_fields=["user", "kind"],
        update_fields=["frequency"],
    )


# --- Emptying the outbox ----------------------------------------------------------------------


@transaction.atomic
def notification_send(*, notification_id: int) -> bool:
    """Email one immediate notification unless sent already; ``True`` if this call sent it."""
    # Claim first: a second run (a retried or duplicated task) updates no row.
    # If sending fails, the rollback releases the claim and a retry sends it.
    claimed = Notification.objects.filter(
        pk=notification_id, sent_at=None, frequency=Frequency.IMMEDIATELY
    ).update(sent_at=timezone.now())
    if not claimed:
        return False
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    _email(
        user=notification.user,
        subject=notification.subject,
        template="cop/emails/notification.txt",
        context={"notification": notification, "link": absolute_url(notification.url)},
    )
    return True


def digests_send() -> int:
    """Email each user one digest of their waiting daily notifications; return the emails sent."""
    # Rows created after this moment wait for tomorrow's digest.
    until = timezone.now()
    user_ids = list(
        Notification.objects.filter(frequency=Frequency.DAILY, sent_at=None, created_at__lte=until)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )
    sent = 0
    for user_id in user_ids:
        try:
            sent += digest_send(user_id=user_id, until=until)
        except (smtplib.SMTPException, OSError):
            # The rows of this digest stay unsent: tomorrow's digest carries them.
            logger.exception("Daily digest of user %s not sent", user_id)
    return sent


@transaction.atomic
def digest_send(*, user_id: int, until: datetime) -> bool:
    """Email one user their daily notifications made up to ``until`` and never sent, once."""
    # One run at a time per person: the user row is the lock. A run that finds it
    # taken leaves this person to the other run (locking the notification rows
    # instead would let two runs share them out and send two half digests).
    if not User.objects.select_for_update(skip_locked=True).filter(pk=user_id).exists():
        return False
    waiting = list(
        Notification.objects.filter(
            user_id=user_id, frequency=Frequency.DAILY, sent_at=None, created_at__lte=until
        ).values_list("pk", flat=True)
    )
    if not waiting:
        return False
    stamp = timezone.now()
    claimed = Notification.objects.filter(pk__in=waiting, sent_at=None).update(sent_at=stamp)
    if not claimed:
        return False
    # Exactly the rows this run claimed (the stamp tells them apart where the
    # database has no row locks, as SQLite).
    items = list(
        Notification.objects.filter(pk__in=waiting, sent_at=stamp)
        .select_related("user")
        .order_by("created_at", "pk")
    )
    by_kind: dict[str, list[Notification]] = defaultdict(list)
    for item in items:
        item.link = absolute_url(item.url)  # type: ignore[attr-defined]
        by_kind[item.kind].append(item)
    sections = [
        {"label": kind.label, "items": by_kind[kind.value]}
        for kind in NotificationKind
        if by_kind.get(kind.value)
    ]
    subject = ngettext(
        "Votre résumé quotidien : %(count)d notification",
        "Votre résumé quotidien : %(count)d notifications",
        len(items),
    ) % {"count": len(items)}
    _email(
        user=items[0].user,
        subject=subject,
        template="cop/emails/digest.txt",
        context={"sections": sections, "count": len(items)},
    )
    return True


def absolute_url(path: str) -> str:
    """The address of a page of the platform as written in an email (``COP_SITE_URL``)."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.COP_SITE_URL.rstrip("/") + path


def _email(*, user: User, subject: str, template: str, context: dict) -> None:
    body = render_to_string(
        template,
        {
            **context,
            "user": user,
            "preferences_link": absolute_url(reverse("cop:notification_preferences")),
        },
    )
    EmailMessage(
        subject=SUBJECT_PREFIX + subject,
        body=body,
        to=[user.email],
        # Out-of-office replies should not answer a machine (RFC 3834).
        headers={"Auto-Submitted": "auto-generated"},
    ).send()
