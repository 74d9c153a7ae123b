"""The SGPE panorama: sectors, workstreams, levers, regional efforts, scenarios.

The SGPE file gives one row per (region, lever). What does not depend on the
region (the lever's id, name, sector and workstream) lives on ``Lever``; the
rest varies from one region to another in the file itself (the 2019 starting
point, the ratio, the units, the Markdown comment, whether the region may
retarget the lever) and lives on ``RegionalEffort``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Sector(models.Model):
    """An SGPE sector (Transport de voyageurs, Résidentiel, ...)."""

    name = models.CharField(_("nom"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("rang"), default=0)

    class Meta:
        verbose_name = _("secteur")
        verbose_name_plural = _("secteurs")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Workstream(models.Model):
    """An SGPE "chantier" group of levers (Mieux se déplacer, Mieux se loger, ...)."""

    name = models.CharField(_("nom"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("rang"), default=0)

    class Meta:
        verbose_name = _("chantier")
        verbose_name_plural = _("chantiers")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Lever(models.Model):
    """A decarbonisation lever, identified by the SGPE's stable id (``augm_voitelec``)."""

    slug = models.SlugField(_("identifiant SGPE"), max_length=60, unique=True, allow_unicode=True)
    name = models.CharField(_("nom"), max_length=200)
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="levers", verbose_name=_("secteur")
    )
    workstream = models.ForeignKey(
        Workstream, on_delete=models.PROTECT, related_name="levers", verbose_name=_("chantier")
    )
    position = models.PositiveSmallIntegerField(_("rang"), default=0)

    class Meta:
        verbose_name = _("levier")
        verbose_name_plural = _("leviers")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name


class RegionalEffort(models.Model):
    """What one lever must deliver in one region by 2030, and how to translate it."""

    lever = models.ForeignKey(
        Lever, on_delete=models.CASCADE, related_name="efforts", verbose_name=_("levier")
    )
    # INSEE code as text: panorama does not depend on the geography of territories.
    region_code = models.CharField(_("code de région"), max_length=3, db_index=True)
    region_name = models.CharField(_("région"), max_length=100)
    # The lever's label in this region's row (the SGPE renames a few levers overseas).
    name = models.CharField(_("nom du levier"), max_length=200)
    effort_kt = models.FloatField(_("effort 2030 (ktCO₂e)"))
    unit_co2 = models.CharField(_("unité CO₂"), max_length=200, blank=True)
    unit_phys = models.CharField(_("unité physique"), max_length=200, blank=True)
    start_2019 = models.FloatField(_("point de départ 2019"), default=0)
    ratio = models.FloatField(_("unités physiques par ktCO₂e"), default=0)
    relative = models.BooleanField(
        _("stock en 2030"),
        default=False,
        help_text=_(
            "Vrai si la valeur physique est un niveau en 2030, faux si c’est un écart à 2019."
        ),
    )
    has_translation = models.BooleanField(_("traduction physique"), default=True)
    edition_disabled = models.BooleanField(_("non modifiable par la région"), default=False)
    edition_disabled_reason = models.TextField(_("raison"), blank=True)
    show_target = models.BooleanField(_("afficher la cible"), default=True)
    region_enabled = models.BooleanField(_("activé pour la région"), default=True)
    region_hidden = models.BooleanField(_("masqué pour la région"), default=False)
    region_limited = models.BooleanField(_("limité pour la région"), default=False)
    region_comment = models.TextField(_("commentaire régional"), blank=True)
    comment = models.TextField(_("commentaire (Markdown)"), blank=True)
    position = models.PositiveSmallIntegerField(_("rang"), default=0)

    class Meta:
        verbose_name = _("effort régional")
        verbose_name_plural = _("efforts régionaux")
        ordering = ["region_code", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["region_code", "lever"], name="panorama_effort_unique_region_lever"
            ),
            models.CheckConstraint(
                condition=Q(effort_kt__gte=0), name="panorama_effort_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.region_name}"

    @property
    def phys_2030(self) -> float:
        """The physical quantity in 2030 if the SGPE effort is met."""
        return self.start_2019 + self.effort_kt * self.ratio

    @property
    def translated(self) -> bool:
        return self.has_translation and self.ratio != 0


class BiodiversityTag(models.TextChoices):
    """The baromètre's flags, as URL values; each maps to a boolean field of the lever."""

    MITIGATION = "attenuation", _("Atténuation")
    ADAPTATION = "adaptation", _("Adaptation")
    WATER = "eau", _("Eau")
    CIRCULAR_ECONOMY = "economie-circulaire", _("Économie circulaire")
    POLLUTION = "pollution", _("Pollution")
    BIODIVERSITY = "biodiversite", _("Biodiversité")


# Tag value -> field name of BiodiversityLever (one boolean column per tag).
TAG_FIELDS: dict[str, str] = {
    BiodiversityTag.MITIGATION: "mitigation",
    BiodiversityTag.ADAPTATION: "adaptation",
    BiodiversityTag.WATER: "water",
    BiodiversityTag.CIRCULAR_ECONOMY: "circular_economy",
    BiodiversityTag.POLLUTION: "pollution",
    BiodiversityTag.BIODIVERSITY: "biodiversity",
}


class BiodiversityLever(models.Model):
    """A lever of the SGPE baromètre (biodiversity, resources and the rest)."""

    theme = models.CharField(_("thème"), max_length=100)  # "Préserver", "Se déplacer"...
    workstream = models.CharField(_("chantier"), max_length=300)
    name = models.CharField(_("levier"), max_length=300)
    short_name = models.CharField(_("nom court"), max_length=100, blank=True)
    objective = models.TextField(_("objectif"), blank=True)
    source = models.TextField(_("source de l’objectif"), blank=True)
    comment = models.TextField(_("commentaires"), blank=True)
    # None: the file does not say (one row of the 2026 export holds a date there).
    territorial = models.BooleanField(_("levier territorial"), null=True)
    territorial_comment = models.TextField(_("commentaire sur le levier territorial"), blank=True)
    mitigation = models.BooleanField(_("atténuation"), default=False)
    adaptation = models.BooleanField(_("adaptation"), default=False)
    water = models.BooleanField(_("eau"), default=False)
    circular_economy = models.BooleanField(_("économie circulaire"), default=False)
    pollution = models.BooleanField(_("pollution"), default=False)
    biodiversity = models.BooleanField(_("biodiversité"), default=False)
    position = models.PositiveSmallIntegerField(_("rang"), default=0)

    class Meta:
        verbose_name = _("levier biodiversité et ressources")
        verbose_name_plural = _("leviers biodiversité et ressources")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["workstream", "name"], name="panorama_biodiversity_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def tags(self) -> list[BiodiversityTag]:
        return [BiodiversityTag(tag) for tag, field in TAG_FIELDS.items() if getattr(self, field)]


class Scenario(models.Model):
    """A named simulator scenario: the simulator's query string, saved by a user."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="panorama_scenarios",
        verbose_name=_("auteur"),
    )
    name = models.CharField(_("nom"), max_length=200)
    region_code = models.CharField(_("code de région"), max_length=3)
    # Canonical query with the SGPE simulator's keys: "t-augm_voitelec=600&c-reduc_rfioul=12".
    query = models.TextField(_("paramètres"), blank=True)
    is_reference = models.BooleanField(_("scénario de référence"), default=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("scénario")
        verbose_name_plural = _("scénarios")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["region_code"],
                condition=Q(is_reference=True),
                name="panorama_one_reference_scenario_per_region",
            ),
            models.UniqueConstraint(
                fields=["owner", "region_code", "name"], name="panorama_scenario_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return self.name
