"""Email notifications: what each user wants to receive, and the outbox."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.params import validate_plausible_date

from .accounts import User


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immédiatement, un courriel à chaque fois")
    DAILY = "daily", _("Dans un résumé quotidien, le matin")
    NEVER = "never", _("Jamais")


def kind_label(kind: str) -> str:
    """The label of a registered kind, else the stored key itself."""
    from cop.notification_kinds import is_registered, notification_kind

    return str(notification_kind(kind).label) if is_registered(kind) else kind


class NotificationPreference(models.Model):
    """A user's choice for one kind; without a row, the kind's default frequency applies.

    ``kind`` is a key of ``cop.notification_kinds`` (checked by the services, not
    by the database: an app adds a kind without a migration of ``cop``).
    """

    user = models.ForeignKey(
        User,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("type"), max_length=32)
    frequency = models.CharField(_("fréquence"), max_length=16, choices=Frequency.choices)

    class Meta:
        verbose_name = _("préférence de notification")
        verbose_name_plural = _("préférences de notification")
        ordering = ["user", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="cop_notificationpref_unique"),
            models.CheckConstraint(
                condition=Q(frequency__in=Frequency.values),
                name="cop_notificationpref_frequency_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {kind_label(self.kind)} : {self.get_frequency_display()}"


class Notification(models.Model):
    """One message of the outbox, written by ``cop.services.notifications.notify``.

    An immediate row is claimed (``claimed_at``, committed) before its email is
    sent, handed over (``handed_over_at``) once the mail server answered, and
    ``sent_at`` once it accepted the message: two workers, or a task delivered
    twice, never send it twice. A failure releases the claim and sets
    ``next_attempt_at`` (backoff); the periodic sender retries what is due. A
    digest row is claimed by setting ``sent_at`` in the digest's transaction.
    ``target`` is what the notification is about, re-checked at send time.
    """

    user = models.ForeignKey(
        User, verbose_name=_("personne"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("type"), max_length=32)
    subject = models.CharField(_("objet"), max_length=200)
    body = models.TextField(_("texte"), blank=True)
    url = models.CharField(_("lien"), max_length=500, blank=True)
    # The user's choice when the notification was made: changing it later does
    # not move what is already in the outbox.
    frequency = models.CharField(
        _("envoi"),
        max_length=16,
        choices=[(f.value, f.label) for f in (Frequency.IMMEDIATELY, Frequency.DAILY)],
    )
    created_at = models.DateTimeField(
        _("créée le"), default=timezone.now, validators=[validate_plausible_date]
    )
    sent_at = models.DateTimeField(
        _("envoyée le"), null=True, blank=True, validators=[validate_plausible_date]
    )
    claimed_at = models.DateTimeField(
        _("prise en charge le"), null=True, blank=True, validators=[validate_plausible_date]
    )
    handed_over_at = models.DateTimeField(
        _("transmise au serveur de courriel le"),
        null=True,
        blank=True,
        validators=[validate_plausible_date],
    )
    attempts = models.PositiveSmallIntegerField(_("tentatives d’envoi"), default=0)
    next_attempt_at = models.DateTimeField(
        _("prochaine tentative"), null=True, blank=True, validators=[validate_plausible_date]
    )
    last_error = models.CharField(_("dernière erreur"), max_length=200, blank=True)
    # What the notification is about (a contribution, a comment...): the sender
    # asks the app that owns it whether the recipient may still see it.
    target_type = models.ForeignKey(
        ContentType,
        verbose_name=_("type de l’objet"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    target_id = models.PositiveBigIntegerField(_("identifiant de l’objet"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            # "Never" records nothing: only what will be sent enters the outbox.
            models.CheckConstraint(
                condition=Q(frequency__in=[Frequency.IMMEDIATELY, Frequency.DAILY]),
                name="cop_notification_frequency_sendable",
            ),
            models.CheckConstraint(
                condition=Q(target_type=None, target_id=None)
                | Q(target_type__isnull=False, target_id__isnull=False),
                name="cop_notification_target_whole",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "sent_at"], name="cop_notification_user_sent_idx"),
            models.Index(fields=["user", "-created_at"], name="cop_notification_recent_idx"),
            # The digest looks for what waits: a small partial index.
            models.Index(
                fields=["frequency", "user"],
                condition=Q(sent_at=None),
                name="cop_notification_unsent_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.subject


class QueuedTask(models.Model):
    """A Celery task enqueued after a commit, kept until it ran: the task outbox.

    Written in the caller's transaction by ``cop.services.outbox.enqueue_after_commit``,
    deleted when the task succeeds; the periodic sweeper enqueues again a row whose
    task never ran (broker down, worker lost) once ``due_at`` has passed.
    """

    task = models.CharField(_("tâche"), max_length=200)
    args = models.JSONField(_("arguments"), default=list, blank=True)
    created_at = models.DateTimeField(
        _("créée le"), default=timezone.now, validators=[validate_plausible_date]
    )
    due_at = models.DateTimeField(
        _("à relancer après"), default=timezone.now, validators=[validate_plausible_date]
    )
    attempts = models.PositiveSmallIntegerField(_("mises en file"), default=0)
    last_error = models.CharField(_("dernière erreur"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("tâche en attente")
        verbose_name_plural = _("tâches en attente")
        ordering = ["due_at", "id"]
        indexes = [models.Index(fields=["due_at"], name="cop_queuedtask_due_idx")]

    def __str__(self) -> str:
        return f"{self.task}{tuple(self.args)}"
