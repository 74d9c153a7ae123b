"""Meetings: working-group sessions and departmental meetings, registrations, minutes."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.files import validate_upload
from core.params import validate_plausible_date

from .groups import WorkingGroup


class MeetingKind(models.TextChoices):
    GROUP_SESSION = "group", _("séance de groupe de travail")
    DEPARTMENTAL = "departmental", _("rencontre départementale")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("programmée")
    CANCELLED = "cancelled", _("annulée")


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def upcoming(self, now) -> "MeetingQuerySet":
        return self.filter(ends_at__gte=now).order_by("starts_at")

    def past(self, now) -> "MeetingQuerySet":
        return self.filter(ends_at__lt=now).order_by("-starts_at")


class Meeting(models.Model):
    kind = models.CharField(_("type"), max_length=15, choices=MeetingKind.choices)
    title = models.CharField(_("titre"), max_length=200)
    group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("groupe de travail"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
    )
    departement = models.ForeignKey(
        "territories.Departement",
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
    )
    starts_at = models.DateTimeField(_("début"), validators=[validate_plausible_date])
    ends_at = models.DateTimeField(_("fin"), validators=[validate_plausible_date])
    place = models.CharField(_("lieu"), max_length=300, blank=True)
    online_url = models.URLField(_("lien de visioconférence"), blank=True)
    agenda = models.TextField(_("ordre du jour (Markdown)"), blank=True)
    # None: no limit on the number of participants.
    capacity = models.PositiveIntegerField(_("nombre de places"), null=True, blank=True)
    minutes = models.TextField(_("compte rendu (Markdown)"), blank=True)
    minutes_published_at = models.DateTimeField(
        _("compte rendu publié le"), null=True, blank=True, validators=[validate_plausible_date]
    )
    reminder_sent_at = models.DateTimeField(
        _("rappel envoyé le"), null=True, blank=True, validators=[validate_plausible_date]
    )
    status = models.CharField(
        _("statut"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    cancelled_at = models.DateTimeField(
        _("annulée le"), null=True, blank=True, validators=[validate_plausible_date]
    )
    cancellation_reason = models.CharField(_("motif de l’annulation"), max_length=500, blank=True)
    # The iCalendar SEQUENCE: raised when the time or the place changes and on
    # cancellation, so that calendars which imported the meeting update it.
    sequence = models.PositiveIntegerField(_("révision pour les agendas"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("réunion")
        verbose_name_plural = _("réunions")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")), name="meeting_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(kind="group") | Q(group__isnull=False),
                name="group_session_has_group",
            ),
            models.CheckConstraint(
                condition=~Q(kind="departmental") | Q(departement__isnull=False),
                name="departmental_meeting_has_departement",
            ),
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(online_url=""), name="meeting_has_place_or_link"
            ),
            models.CheckConstraint(
                condition=Q(status="cancelled", cancelled_at__isnull=False)
                | Q(status="scheduled", cancelled_at__isnull=True),
                name="meeting_cancelled_when_dated",
            ),
        ]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["ends_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workshops:meeting", args=[self.pk])

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def minutes_published(self) -> bool:
        return self.minutes_published_at is not None


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("inscrit")
        WAITING = "waiting", _("en liste d’attente")
        CANCELLED = "cancelled", _("désinscrit")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(_("statut"), max_length=10, choices=Status.choices)
    # Waiting-list order: the earliest request moves up first.
    registered_at = models.DateTimeField(_("inscrit le"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    attended = models.BooleanField(_("présent"), null=True, blank=True)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="register_once_per_meeting"),
        ]
        indexes = [models.Index(fields=["meeting", "status", "registered_at"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.meeting} ({self.get_status_display()})"


class MeetingAttachment(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("titre"), max_length=200)
    file = models.FileField(
        _("fichier"),
        upload_to="reunions/pieces-jointes/%Y/",
        validators=[validate_upload],
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pièce jointe du compte rendu")
        verbose_name_plural = _("pièces jointes du compte rendu")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.title
