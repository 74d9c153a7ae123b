"""The geography of the COP (INSEE Code officiel géographique) and the ties of
local authorities to their territory.

Natural keys (INSEE codes, SIREN) are the primary keys: they are what every
source file and every other public dataset uses, so imports and links need no
lookup table.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.params import validate_plausible_date

from .text import search_key


class Region(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)
    # Nullable because a region may be loaded without its chef-lieu's commune.
    chef_lieu = models.ForeignKey(
        "Commune",
        verbose_name=_("chef-lieu"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("région")
        verbose_name_plural = _("régions")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("territories:index")


class Departement(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)
    region = models.ForeignKey(
        Region, verbose_name=_("région"), on_delete=models.PROTECT, related_name="departements"
    )
    chef_lieu = models.ForeignKey(
        "Commune",
        verbose_name=_("chef-lieu"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    search_name = models.CharField(_("nom normalisé"), max_length=100, db_index=True)

    class Meta:
        verbose_name = _("département")
        verbose_name_plural = _("départements")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def save(self, *args, **kwargs) -> None:
        self.search_name = search_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("territories:departement", kwargs={"code": self.code})


class Epci(models.Model):
    """An établissement public de coopération intercommunale à fiscalité propre."""

    class Kind(models.TextChoices):
        CC = "CC", _("Communauté de communes")
        CA = "CA", _("Communauté d’agglomération")
        CU = "CU", _("Communauté urbaine")
        METRO = "METRO", _("Métropole")
        MET69 = "MET69", _("Métropole de Lyon")

    class Financing(models.TextChoices):
        FPU = "FPU", _("Fiscalité professionnelle unique")
        FA = "FA", _("Fiscalité additionnelle")

    siren = models.CharField(_("SIREN"), max_length=9, primary_key=True)
    name = models.CharField(_("nom"), max_length=150)
    kind = models.CharField(_("type"), max_length=5, choices=Kind.choices)
    financing = models.CharField(_("mode de financement"), max_length=3, choices=Financing.choices)
    population = models.PositiveIntegerField(_("population municipale"))
    total_population = models.PositiveIntegerField(_("population totale"))
    search_name = models.CharField(_("nom normalisé"), max_length=150, db_index=True)

    class Meta:
        verbose_name = _("EPCI")
        verbose_name_plural = _("EPCI")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["CC", "CA", "CU", "METRO", "MET69"]),
                name="territories_epci_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(financing__in=["FPU", "FA"]),
                name="territories_epci_financing_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_name = search_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("territories:epci", kwargs={"siren": self.siren})


class Commune(models.Model):
    code = models.CharField(_("code INSEE"), max_length=5, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)
    departement = models.ForeignKey(
        Departement,
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        related_name="communes",
    )
    region = models.ForeignKey(
        Region, verbose_name=_("région"), on_delete=models.PROTECT, related_name="communes"
    )
    siren = models.CharField(_("SIREN"), max_length=9, blank=True)
    # Space-separated ("45000 45100"): searchable with one LIKE on any database.
    postcodes = models.CharField(_("codes postaux"), max_length=200, blank=True)
    # Unknown for a few overseas districts (Terres australes).
    population = models.PositiveIntegerField(_("population municipale"), null=True, blank=True)
    # In the DGCL list a commune belongs to at most one EPCI (a few belong to none).
    epci = models.ForeignKey(
        Epci,
        verbose_name=_("EPCI"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="communes",
    )
    search_name = models.CharField(_("nom normalisé"), max_length=100, db_index=True)

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["name", "code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def save(self, *args, **kwargs) -> None:
        self.search_name = search_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("territories:commune", kwargs={"code": self.code})

    @property
    def postcode_list(self) -> list[str]:
        return self.postcodes.split()


class OrganisationTerritory(models.Model):
    """Ties an organisation that is a local authority to the territory it governs.

    The tie lives here, not on ``cop.Organisation``: cop is a lower floor and
    knows nothing of the geography.
    """

    organisation = models.OneToOneField(
        "cop.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="local_authority",
    )
    territory = models.ForeignKey(
        "Territory",
        verbose_name=_("territoire"),
        on_delete=models.PROTECT,
        related_name="local_authorities",
    )

    class Meta:
        verbose_name = _("territoire d’une collectivité")
        verbose_name_plural = _("territoires des collectivités")

    def __str__(self) -> str:
        return f"{self.organisation} → {self.territory}"


# --- Indicative split of the panorama's levers among the départements -------------------
# (``territories/split/``; served at /panorama/departements/.) The key lives here, not in
# panorama: its default is the population of each département, which the geography owns.


class DistributionKey(models.Model):
    """A lever's key of distribution among départements, uploaded by staff.

    A lever without keys is split by population. An upload gives a value for
    every département of the region, so a lever's key is always complete.
    """

    lever = models.ForeignKey(
        "panorama.Lever",
        verbose_name=_("levier"),
        on_delete=models.CASCADE,
        related_name="distribution_keys",
    )
    departement = models.ForeignKey(
        Departement,
        verbose_name=_("département"),
        on_delete=models.CASCADE,
        related_name="distribution_keys",
    )
    value = models.FloatField(_("valeur de la clé"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("importée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("importée le"), validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("clé de répartition")
        verbose_name_plural = _("clés de répartition")
        ordering = ["lever", "departement"]
        constraints = [
            models.UniqueConstraint(
                fields=["lever", "departement"], name="territories_distributionkey_unique"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0), name="territories_distributionkey_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.lever} — {self.departement}"


# --- The one territory reference ----------------------------------------------------------
# Every territorial record of the platform (an organisation, a contribution, a meeting, and
# later a diagnostic, a commitment, a contract's perimeter, a consultation answer) points at
# a ``Territory`` with one foreign key. The COG levels above keep their detail (population,
# chef-lieu, postcodes); their ``Territory`` rows are written by ``import_territories``.


class Territory(models.Model):
    """A region, a département, an EPCI, a commune, or a grouping that signs contracts."""

    class Kind(models.TextChoices):
        REGION = "region", _("Région")
        DEPARTEMENT = "departement", _("Département")
        EPCI = "epci", _("EPCI")
        COMMUNE = "commune", _("Commune")
        PETR = "petr", _("Pôle d’équilibre territorial et rural (PETR)")
        PAYS = "pays", _("Pays")
        PNR = "pnr", _("Parc naturel régional")
        SYNDICAT = "syndicat", _("Syndicat mixte")

    COG_KINDS = (Kind.REGION, Kind.DEPARTEMENT, Kind.EPCI, Kind.COMMUNE)
    GROUPING_KINDS = (Kind.PETR, Kind.PAYS, Kind.PNR, Kind.SYNDICAT)

    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    # The INSEE code of a region, département or commune; the SIREN of an EPCI or a grouping.
    code = models.CharField(_("code"), max_length=9)
    name = models.CharField(_("nom"), max_length=200)
    search_name = models.CharField(_("nom normalisé"), max_length=200, db_index=True)
    # A grouping's members: EPCI, or communes (a natural park holds communes).
    members = models.ManyToManyField(
        "self",
        verbose_name=_("membres"),
        symmetrical=False,
        related_name="groupings",
        blank=True,
    )
    # Every commune the territory covers, kept by ``territories.reference``: "within X"
    # is computed on communes, whatever the levels involved.
    communes: "models.ManyToManyField[Commune, TerritoryCommune]" = models.ManyToManyField(
        Commune, through="TerritoryCommune", related_name="territories", blank=True
    )
    # How many communes it covers, kept with the links: "within" compares it.
    commune_count = models.PositiveIntegerField(
        _("communes couvertes"), db_default=0, editable=False
    )

    class Meta:
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")
        ordering = ["name", "code"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="territories_territory_unique"),
            models.CheckConstraint(
                condition=Q(
                    kind__in=[
                        "region",
                        "departement",
                        "epci",
                        "commune",
                        "petr",
                        "pays",
                        "pnr",
                        "syndicat",
                    ]
                ),
                name="territories_territory_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        if self.kind in (self.Kind.DEPARTEMENT, self.Kind.COMMUNE):
            return f"{self.name} ({self.code})"
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_name = search_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        if self.kind == self.Kind.REGION:
            return reverse("territories:index")
        if self.kind == self.Kind.DEPARTEMENT:
            return reverse("territories:departement", kwargs={"code": self.code})
        if self.kind == self.Kind.EPCI:
            return reverse("territories:epci", kwargs={"siren": self.code})
        if self.kind == self.Kind.COMMUNE:
            return reverse("territories:commune", kwargs={"code": self.code})
        return reverse("territories:grouping", kwargs={"pk": self.pk})

    @property
    def is_grouping(self) -> bool:
        return self.kind in self.GROUPING_KINDS


class TerritoryCommune(models.Model):
    """One commune a territory covers (a commune covers itself)."""

    territory = models.ForeignKey(
        Territory, on_delete=models.CASCADE, related_name="commune_links"
    )
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("commune d’un territoire")
        verbose_name_plural = _("communes des territoires")
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "commune"], name="territories_territorycommune_unique"
            ),
        ]
        indexes = [models.Index(fields=["commune", "territory"])]

    def __str__(self) -> str:
        return f"{self.territory_id} ∋ {self.commune_id}"
