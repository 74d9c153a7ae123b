"""Email notifications: what each user wants to receive, and the outbox."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.params import validate_plausible_date

from .accounts import User


class NotificationKind(models.TextChoices):
    """What a notification is about; each user chooses a frequency per kind."""

    MODERATION = "moderation", _("Modération de mes contenus")
    REPLY = "reply", _("Réponses à mes contributions")
    MEETING_REMINDER = "meeting_reminder", _("Rappels de réunion la veille")
    MINUTES_PUBLISHED = "minutes_published", _("Comptes rendus publiés")
    GROUP_CONTRIBUTION = "group_contribution", _("Nouvelles contributions dans mes groupes")
    MEMBERSHIP = "membership", _("Décisions sur mes demandes de rattachement")


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immédiatement, un courriel à chaque fois")
    DAILY = "daily", _("Dans un résumé quotidien, le matin")
    NEVER = "never", _("Jamais")


# What a user receives before choosing: what concerns them directly comes at once,
# what happens around them comes in the morning digest.
DEFAULT_FREQUENCIES: dict[str, str] = {
    NotificationKind.MODERATION: Frequency.IMMEDIATELY,
    NotificationKind.REPLY: Frequency.IMMEDIATELY,
    NotificationKind.MEETING_REMINDER: Frequency.IMMEDIATELY,
    NotificationKind.MEMBERSHIP: Frequency.IMMEDIATELY,
    NotificationKind.MINUTES_PUBLISHED: Frequency.DAILY,
    NotificationKind.GROUP_CONTRIBUTION: Frequency.DAILY,
}


class NotificationPreference(models.Model):
    """A user's choice for one kind; without a row, ``DEFAULT_FREQUENCIES`` applies."""

    user = models.ForeignKey(
        User,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("type"), max_length=32, choices=NotificationKind.choices)
    frequency = models.CharField(_("fréquence"), max_length=16, choices=Frequency.choices)

    class Meta:
        verbose_name = _("préférence de notification")
        verbose_name_plural = _("préférences de notification")
        ordering = ["user", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="cop_notificationpref_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=NotificationKind.values),
                name="cop_notificationpref_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(frequency__in=Frequency.values),
                name="cop_notificationpref_frequency_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_kind_display()} : {self.get_frequency_display()}"


class Notification(models.Model):
    """One message of the outbox, written by ``cop.services.notifications.notify``.

    ``sent_at`` is set by the conditional update that claims the row just before
    the email goes out (alone, or in the daily digest): a row is sent once.
    """

    user = models.ForeignKey(
        User, verbose_name=_("personne"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("type"), max_length=32, choices=NotificationKind.choices)
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

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=NotificationKind.values), name="cop_notification_kind_valid"
            ),
            # "Never" records nothing: only what will be sent enters the outbox.
            models.CheckConstraint(
                condition=Q(frequency__in=[Frequency.IMMEDIATELY, Frequency.DAILY]),
                name="cop_notification_frequency_sendable",
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
