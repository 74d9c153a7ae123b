"""Long jobs: work that takes longer than a request (large exports, PDF dossiers,
personal-data archives), run by Celery, followed by its owner on a status page,
and whose result file is kept for a few days.

The kinds of job are registered by each app (``cop.jobs.register_job_kind``);
jobs are written only through ``cop.services.jobs``.
"""

from datetime import timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .accounts import User

JOB_LIFETIME = timedelta(days=7)


def default_expiry():
    return timezone.now() + JOB_LIFETIME


class LongJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("en attente")
        RUNNING = "running", _("en cours")
        DONE = "done", _("terminé")
        FAILED = "failed", _("échoué")

    kind = models.CharField(_("type de travail"), max_length=100)
    owner = models.ForeignKey(
        User, verbose_name=_("demandé par"), on_delete=models.CASCADE, related_name="long_jobs"
    )
    params = models.JSONField(_("paramètres"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    message = models.CharField(_("message"), max_length=300, blank=True)
    # Not an upload: written by the platform itself, served by core.media to
    # the owner and to staff only (cop/permissions.py).
    result = models.FileField(_("fichier produit"), upload_to="jobs/%Y/%m/", blank=True)
    created_at = models.DateTimeField(_("demandé le"), default=timezone.now, editable=False)
    started_at = models.DateTimeField(_("commencé le"), null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(
        _("supprimé après le"), default=default_expiry, editable=False
    )

    class Meta:
        verbose_name = _("travail long")
        verbose_name_plural = _("travaux longs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="long_job_progress_at_most_100"
            ),
        ]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="cop_job_owner_idx"),
            models.Index(fields=["expires_at"], name="cop_job_expiry_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        """Still to be run or running: its status page keeps polling."""
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    def is_expired(self, now=None) -> bool:
        return self.expires_at <= (now or timezone.now())
