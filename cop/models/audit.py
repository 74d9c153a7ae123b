"""The audit log: who did what to which object."""

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.params import validate_plausible_date

from .accounts import User


class AuditEvent(models.Model):
    """Who did what to which object; written only through ``cop.audit.record``."""

    actor = models.ForeignKey(
        User,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=100)
    target_type = models.ForeignKey(
        ContentType,
        verbose_name=_("type d’objet"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    target_id = models.CharField(_("identifiant de l’objet"), max_length=64, blank=True)
    # Kept as text so the log still reads after the object is deleted.
    target_repr = models.CharField(_("objet"), max_length=300, blank=True)
    details = models.JSONField(_("détails"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(
        _("date"), default=timezone.now, validators=[validate_plausible_date]
    )

    class Meta:
        verbose_name = _("événement du journal")
        verbose_name_plural = _("journal des actions")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["-created_at"], name="cop_audit_created_idx"),
            models.Index(fields=["target_type", "target_id"], name="cop_audit_target_idx"),
            models.Index(fields=["action", "-created_at"], name="cop_audit_action_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.action} · {self.target_repr}"
