"""Contributions of the shared diagnostic, their comments, supports and reports."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.params import validate_plausible_date
from core.search import search_document

from .groups import WorkingGroup
from .meetings import Meeting


class ContributionKind(models.TextChoices):
    """The three kinds of the COP method."""

    INITIATIVE = "initiative", _("initiative existante à amplifier")
    OBSTACLE = "obstacle", _("frein à l’accélération")
    PROPOSAL = "proposal", _("proposition d’action")


class ContributionStatus(models.TextChoices):
    # Post-moderation: published at once, hidden afterwards if need be.
    PUBLISHED = "published", _("publiée")
    HIDDEN = "hidden", _("masquée")
    MERGED = "merged", _("fusionnée")


class Contribution(models.Model):
    kind = models.CharField(_("type"), max_length=12, choices=ContributionKind.choices)
    title = models.CharField(_("titre"), max_length=200)
    body = models.TextField(_("description (Markdown)"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contributions"
    )
    organisation = models.ForeignKey(
        "cop.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
    )
    group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("groupe de travail"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("réunion"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
    )
    levers = models.ManyToManyField(
        "panorama.Lever", verbose_name=_("leviers"), blank=True, related_name="contributions"
    )
    # The territory the contribution concerns, if any (a commune, an EPCI, a département...).
    territory = models.ForeignKey(
        "territories.Territory",
        verbose_name=_("territoire"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
    )
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=ContributionStatus.choices,
        default=ContributionStatus.PUBLISHED,
    )
    moderation_reason = models.TextField(_("motif de modération"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(
        null=True, blank=True, validators=[validate_plausible_date]
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_from"
    )
    # Retained by a facilitator for the roadmap (the roadmap turns it into an action).
    retained_at = models.DateTimeField(
        _("retenue le"), null=True, blank=True, validators=[validate_plausible_date]
    )
    retained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Denormalised counters, kept by the services with F() updates, so that lists of
    # thousands of contributions need no aggregate.
    support_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    # French full-text document without accents, computed by PostgreSQL on every write.
    search_vector = search_document(title="A", body="B")
    created_at = models.DateTimeField(_("publiée le"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="merged") | Q(merged_into__isnull=False),
                name="merged_contribution_points_to_target",
            ),
            models.CheckConstraint(
                condition=~Q(status="hidden") | ~Q(moderation_reason=""),
                name="hidden_contribution_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-created_at"]),
            models.Index(fields=["group", "status", "-created_at"]),
            models.Index(fields=["kind", "status"]),
            GinIndex(fields=["search_vector"], name="contribution_search_gin"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workshops:contribution", args=[self.pk])

    @property
    def is_retained(self) -> bool:
        return self.retained_at is not None


class Comment(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", _("publié")
        HIDDEN = "hidden", _("masqué")

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="comments"
    )
    # One level of replies: the services refuse a reply to a reply.
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments"
    )
    body = models.TextField(_("commentaire (Markdown)"))
    status = models.CharField(
        _("statut"), max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    moderation_reason = models.TextField(_("motif de modération"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(
        null=True, blank=True, validators=[validate_plausible_date]
    )
    created_at = models.DateTimeField(_("publié le"), auto_now_add=True)

    class Meta:
        verbose_name = _("commentaire")
        verbose_name_plural = _("commentaires")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="hidden") | ~Q(moderation_reason=""),
                name="hidden_comment_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["contribution", "created_at"])]

    def __str__(self) -> str:
        return f"{self.author} — {self.contribution}"


class Support(models.Model):
    """One support per user and contribution, enforced by the database."""

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supports"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("soutien")
        verbose_name_plural = _("soutiens")
        constraints = [
            models.UniqueConstraint(fields=["contribution", "user"], name="support_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} soutient {self.contribution}"


class Report(models.Model):
    """A signalement: anyone signed in flags a contribution or a comment."""

    class Resolution(models.TextChoices):
        HIDDEN = "hidden", _("contenu masqué")
        DISMISSED = "dismissed", _("signalement écarté")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports"
    )
    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    reason = models.TextField(_("motif du signalement"))
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True, validators=[validate_plausible_date])
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolution = models.CharField(max_length=10, choices=Resolution.choices, blank=True)

    class Meta:
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(contribution__isnull=False, comment__isnull=True)
                    | Q(contribution__isnull=True, comment__isnull=False)
                ),
                name="report_targets_one_item",
            ),
            models.UniqueConstraint(
                fields=["reporter", "contribution"],
                condition=Q(comment__isnull=True),
                name="report_contribution_once",
            ),
            models.UniqueConstraint(
                fields=["reporter", "comment"],
                condition=Q(comment__isnull=False),
                name="report_comment_once",
            ),
        ]
        indexes = [models.Index(fields=["resolved_at"])]

    def __str__(self) -> str:
        return f"{self.reporter} signale {self.target}"

    @property
    def target(self):
        return self.comment or self.contribution
