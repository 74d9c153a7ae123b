"""Email notifications: the outbox, filled by ``notify`` and emptied by Celery tasks.

Every app tells a user something through ``notify`` (or ``notify_many`` for a
fan-out), inside its own transaction. The user's choice for that kind decides:

- immediately: the row is written and ``cop.tasks.send_notification`` is
  enqueued once the caller's transaction commits (never before: a rolled-back
  action sends nothing);
- daily: the row waits for the morning digest (``cop.tasks.send_daily_digests``);
- never: nothing is recorded at all (the recent list of the preferences page
  shows only what was, or will be, sent).

An immediate row is claimed by a committed conditional update before its email
goes out, so a task run twice, a task redelivered after a worker died, or two
workers at once, send it once. A failure releases the claim with a backoff; the
periodic sender (``notifications_send_due``, run by ``cop.tasks.sweep_outbox``)
sends every immediate row that is due, so nothing waits on a lost task. A digest
row is claimed in the digest's transaction. Before sending, each row's target is
checked again (``cop.visibility``): what was hidden meanwhile is not sent.
"""

import logging
import smtplib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Count, F, Model, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Services enqueue tasks and tasks call services: importing the module (not its
# names) keeps this cycle harmless whichever side Python imports first.
from cop import notification_kinds, selectors, tasks, visibility
from cop.models import Frequency, Notification, NotificationPreference, User

from .outbox import enqueue_after_commit, lease

logger = logging.getLogger(__name__)

# An immediate email that failed this many times waits for staff (counted as
# failed on /healthz and the audit page); the n-th retry waits 2**n minutes.
MAX_ATTEMPTS = 8
RETRY_BASE = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=6)
SUBJECT_MAX_LENGTH = Notification._meta.get_field("subject").max_length or 200
URL_MAX_LENGTH = Notification._meta.get_field("url").max_length or 500


# --- Filling the outbox -----------------------------------------------------------------


@transaction.atomic
def notify(
    *, user: User, kind: str, subject: str, body: str, url: str = "", target: Model | None = None
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
        **visibility.target_fields(target),
    )
    if frequency == Frequency.IMMEDIATELY:
        _send_after_commit([notification.pk])
    return notification


@transaction.atomic
def notify_many(
    *,
    users: Iterable[User],
    kind: str,
    subject: str,
    body: str,
    url: str = "",
    target: Model | None = None,
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
        **visibility.target_fields(target),
    }
    rows = []
    for user_id in recipients:
        frequency = chosen.get(user_id, notification_kinds.default_frequency(kind))
        if frequency != Frequency.NEVER:
            rows.append(Notification(user_id=user_id, frequency=frequency, **common))
    created = Notification.objects.bulk_create(rows, batch_size=500)
    immediate = [n.pk for n in created if n.frequency == Frequency.IMMEDIATELY]
    if immediate:
        _send_after_commit(immediate)
    return created


def _send_after_commit(notification_ids: list[int]) -> None:
    # One task per email: a failing address never holds back the others. The
    # Notification row is the outbox: if the task is never queued, the periodic
    # sender finds the row due.
    for notification_id in notification_ids:
        enqueue_after_commit(tasks.send_notification, notification_id, keep=False)


def _check_kind(kind: str) -> None:
    if not notification_kinds.is_registered(kind):
        raise ValueError(f"Unknown notification kind: {kind!r} (register it in its app's ready())")


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
        if not notification_kinds.is_registered(kind):
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


def _due(now: datetime) -> Q:
    """Immediate rows to send now: unsent, not given up, not waiting for a retry, and
    not claimed, or claimed by a worker that died before reaching the mail server."""
    return (
        Q(frequency=Frequency.IMMEDIATELY, sent_at=None, attempts__lt=MAX_ATTEMPTS)
        & (Q(next_attempt_at=None) | Q(next_attempt_at__lte=now))
        & (Q(claimed_at=None) | Q(claimed_at__lt=now - lease(), handed_over_at=None))
    )


def notification_send(*, notification_id: int) -> bool:
    """Email one immediate notification unless sent already; ``True`` if this call sent it."""
    now = timezone.now()
    # Claim first, committed (autocommit): a second run, a redelivered task or a
    # second worker updates no row. A claim whose worker died before the mail
    # server answered expires after the lease; once handed over, never (the
    # message may have left: staff see it as "uncertain", it is not sent twice).
    claimed = Notification.objects.filter(_due(now), pk=notification_id).update(
        claimed_at=now, handed_over_at=None, attempts=F("attempts") + 1
    )
    if not claimed:
        return False
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    if not visibility.still_visible(user=notification.user, notifications=[notification]):
        # Hidden since: nothing of it goes out, and it leaves the recent list.
        notification.delete()
        return False
    claim = Notification.objects.filter(pk=notification_id, claimed_at=now)
    try:
        _email(
            user=notification.user,
            subject=notification.subject,
            template="cop/emails/notification.txt",
            context={"notification": notification, "link": absolute_url(notification.url)},
            message_id=f"notification-{notification.pk}",
            on_connected=lambda: claim.update(handed_over_at=timezone.now()),
        )
    except Exception as error:  # SMTP down or refusing, template error...
        attempts = notification.attempts + 1
        logger.warning(
            "Notification %s not sent (attempt %s): %s",
            notification_id,
            attempts,
            type(error).__name__,
            exc_info=True,
        )
        claim.update(
            claimed_at=None,
            handed_over_at=None,
            next_attempt_at=timezone.now() + min(RETRY_BASE * 2 ** (attempts - 1), RETRY_MAX),
            last_error=f"{type(error).__name__}: {error}"[:200],
        )
        return False
    claim.update(sent_at=timezone.now(), last_error="")
    return True


def notifications_send_due(*, limit: int = 500) -> int:
    """Send the immediate notifications that are due (never queued, failed before); how many."""
    due = list(
        Notification.objects.filter(_due(timezone.now()))
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(notification_send(notification_id=pk) for pk in due)


def notifications_backlog() -> dict[str, int]:
    """Counts of the outbox for staff: due now, waiting for a retry, given up, uncertain."""
    now = timezone.now()
    unsent = Q(frequency=Frequency.IMMEDIATELY, sent_at=None)
    return Notification.objects.filter(sent_at=None).aggregate(
        due=Count("pk", filter=_due(now)),
        retrying=Count(
            "pk", filter=unsent & Q(attempts__gt=0, attempts__lt=MAX_ATTEMPTS) & ~_due(now)
        ),
        failed=Count("pk", filter=unsent & Q(attempts__gte=MAX_ATTEMPTS)),
        uncertain=Count(
            "pk",
            filter=unsent & Q(handed_over_at__isnull=False, claimed_at__lt=now - lease()),
        ),
        digest=Count("pk", filter=Q(frequency=Frequency.DAILY)),
    )


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
    # What was hidden since it was recorded is dropped, not mailed.
    visible = visibility.still_visible(user=items[0].user, notifications=items)
    dropped = [item.pk for item in items if item not in visible]
    if dropped:
        Notification.objects.filter(pk__in=dropped).delete()
    items = visible
    if not items:
        return False
    by_kind: dict[str, list[Notification]] = defaultdict(list)
    for item in items:
        item.link = absolute_url(item.url)  # type: ignore[attr-defined]
        by_kind[item.kind].append(item)
    sections = [
        {"label": kind.label, "items": by_kind[kind.key]}
        for kind in notification_kinds.notification_kinds()
        if by_kind.get(kind.key)
    ]
    # A kind no longer registered (its app removed it) still reaches the person.
    unknown = [item for item in items if not notification_kinds.is_registered(item.kind)]
    if unknown:
        sections.append({"label": _("Autres notifications"), "items": unknown})
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


def _email(
    *,
    user: User,
    subject: str,
    template: str,
    context: dict,
    message_id: str = "",
    on_connected=None,
) -> None:
    """Send one email; ``on_connected`` runs once the mail server answered, just before
    the message is handed over (what happens after may be a delivery)."""
    body = render_to_string(
        template,
        {
            **context,
            "user": user,
            "platform_name": settings.COP_PLATFORM_NAME,
            "preferences_link": absolute_url(reverse("cop:notification_preferences")),
        },
    )
    # Out-of-office replies should not answer a machine (RFC 3834).
    headers = {"Auto-Submitted": "auto-generated"}
    if message_id:
        # The same notification always carries the same Message-ID, so that a
        # mail client can recognise a copy.
        domain = urlsplit(settings.COP_SITE_URL).hostname or "cop.invalid"
        headers["Message-ID"] = f"<{message_id}@{domain}>"
    connection = get_connection()
    connection.open()
    try:
        smtp = getattr(connection, "connection", None)
        if smtp is not None:
            # The server greets and answers EHLO before anything is handed over.
            smtp.ehlo_or_helo_if_needed()
        if on_connected is not None:
            on_connected()
        EmailMessage(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
            body=body,
            to=[user.email],
            headers=headers,
            connection=connection,
        ).send()
    finally:
        connection.close()
