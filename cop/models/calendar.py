"""The COP calendar: yearly editions, their phases, plenary sessions and documents."""

from datetime import date, datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.files import validate_upload
from core.params import MAX_YEAR, MIN_YEAR, validate_plausible_date


class Edition(models.Model):
    """One yearly cycle of the COP (the 2024 edition starts in December 2023)."""

    year = models.PositiveSmallIntegerField(
        _("année"),
        unique=True,
        validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)],
    )
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("présentation"), blank=True)

    class Meta:
        verbose_name = _("édition")
        verbose_name_plural = _("éditions")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title


class PhaseQuerySet(models.QuerySet["Phase"]):
    def current(self, on: date) -> "PhaseQuerySet":
        """Phases running on that day (bounds included)."""
        return self.filter(starts_on__lte=on, ends_on__gte=on)

    def upcoming(self, on: date) -> "PhaseQuerySet":
        return self.filter(starts_on__gt=on)

    def past(self, on: date) -> "PhaseQuerySet":
        return self.filter(ends_on__lt=on)


class Phase(models.Model):
    class Kind(models.TextChoices):
        DIAGNOSTIC = "diagnostic", _("Diagnostic partagé")
        WORKING_GROUPS = "working_groups", _("Groupes de travail thématiques")
        ROADMAP_PROPOSAL = "roadmap_proposal", _("Proposition de feuille de route")
        PLENARY_ADOPTION = "plenary_adoption", _("Adoption en plénière")
        CONSULTATION = (
            "consultation",
            _("Concertation citoyenne et déclinaison territoriale"),
        )
        CONSOLIDATION = "consolidation", _("Consolidation")

    edition = models.ForeignKey(
        Edition, verbose_name=_("édition"), on_delete=models.CASCADE, related_name="phases"
    )
    kind = models.CharField(_("type"), max_length=32, choices=Kind.choices)
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("présentation"), blank=True)
    starts_on = models.DateField(_("début"), validators=[validate_plausible_date])
    ends_on = models.DateField(_("fin"), validators=[validate_plausible_date])
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = PhaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["edition__year", "order", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="cop_phase_ends_after_start"
            ),
            models.UniqueConstraint(fields=["edition", "kind"], name="cop_phase_kind_per_edition"),
        ]
        indexes = [models.Index(fields=["starts_on", "ends_on"])]

    def __str__(self) -> str:
        return self.title

    def is_current(self, on: date) -> bool:
        return self.starts_on <= on <= self.ends_on


class PlenarySessionQuerySet(models.QuerySet["PlenarySession"]):
    def public(self) -> "PlenarySessionQuerySet":
        return self.filter(is_public=True)

    def next(self, now: datetime) -> "PlenarySession | None":
        """The first public plenary starting at or after ``now``."""
        return self.public().filter(starts_at__gte=now).order_by("starts_at").first()

    def past(self, now: datetime) -> "PlenarySessionQuerySet":
        return self.public().filter(starts_at__lt=now).order_by("-starts_at")


class PlenarySession(models.Model):
    edition = models.ForeignKey(
        Edition,
        verbose_name=_("édition"),
        on_delete=models.CASCADE,
        related_name="plenaries",
    )
    title = models.CharField(_("titre"), max_length=200)
    starts_at = models.DateTimeField(_("date et heure"), validators=[validate_plausible_date])
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    agenda = models.TextField(_("ordre du jour (Markdown)"), blank=True)
    video_url = models.URLField(_("lien vers la vidéo"), blank=True)
    is_public = models.BooleanField(_("publique"), default=True)

    objects = PlenarySessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("séance plénière")
        verbose_name_plural = _("séances plénières")
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self) -> str:
        return self.title


class Document(models.Model):
    class Kind(models.TextChoices):
        SLIDES = "slides", _("Présentation")
        VIDEO = "video", _("Vidéo")
        MINUTES = "minutes", _("Compte rendu")
        OTHER = "other", _("Autre")

    edition = models.ForeignKey(
        Edition, verbose_name=_("édition"), on_delete=models.CASCADE, related_name="documents"
    )
    plenary = models.ForeignKey(
        PlenarySession,
        verbose_name=_("séance plénière"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
    )
    title = models.CharField(_("titre"), max_length=200)
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(
        _("fichier"),
        upload_to="cop/documents/%Y/",
        blank=True,
        validators=[validate_upload],
    )
    url = models.URLField(_("lien"), blank=True)
    published_at = models.DateTimeField(
        _("publié le"), default=timezone.now, validators=[validate_plausible_date]
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["published_at", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""), name="cop_document_file_or_url"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def href(self) -> str:
        return self.file.url if self.file else self.url
