"""Published texts: a Markdown text with dated versions, each a draft or published.

One model for every text that is written, then published, then revised in
public: the synthesis of a working group, the synthesis of the consultation,
the texts of the roadmap. A text is named by a ``key`` that its owning app
chooses (``"workshops.group:12:synthesis"``), so ``cop`` needs no foreign key
to the models of higher apps. Written only through ``cop.services.texts``.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .accounts import User

# Letters, digits and . _ : - only: a key sits in a URL path segment.
TEXT_KEY_PATTERN = r"^[a-z0-9][a-z0-9._:-]{0,199}$"


class PublishedText(models.Model):
    key = models.CharField(_("clé"), max_length=200, unique=True)
    title = models.CharField(_("titre"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("créé le"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("texte publié")
        verbose_name_plural = _("textes publiés")
        constraints = [
            models.CheckConstraint(
                condition=Q(key__regex=TEXT_KEY_PATTERN), name="published_text_key_format"
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.key


class PublishedTextVersion(models.Model):
    """One state of a text: the draft being written, or a version published (frozen)."""

    class State(models.TextChoices):
        DRAFT = "draft", _("brouillon")
        PUBLISHED = "published", _("publiée")

    text = models.ForeignKey(PublishedText, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("numéro"))
    body = models.TextField(_("texte (Markdown)"))
    state = models.CharField(_("état"), max_length=10, choices=State.choices, default=State.DRAFT)
    author = models.ForeignKey(
        User,
        verbose_name=_("rédigée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("enregistrée le"), default=timezone.now, editable=False)
    published_by = models.ForeignKey(
        User,
        verbose_name=_("publiée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("version d’un texte")
        verbose_name_plural = _("versions des textes")
        ordering = ["text", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["text", "number"], name="text_version_number_once"),
            # At most one draft per text: saving again edits it.
            models.UniqueConstraint(
                fields=["text"], condition=Q(state="draft"), name="text_one_draft"
            ),
            models.CheckConstraint(
                condition=Q(state="draft", published_at__isnull=True)
                | Q(state="published", published_at__isnull=False),
                name="text_version_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.text} — version {self.number}"

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED
