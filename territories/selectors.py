"""Reads of the geography, each with its joins done.

Every public read is scoped to one region (``settings.COP_REGION_CODE`` in the
views): an instance of the platform shows its own region only, even when the
whole of France has been imported.
"""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)

from cop.models import Membership

from .models import (
    Commune,
    Departement,
    Epci,
    OrganisationTerritory,
    Region,
    Territory,
    TerritoryCommune,
)
from .text import search_key

SEARCH_SIDE_RESULTS = 10


def get_region(*, code: str) -> Region | None:
    return Region.objects.select_related("chef_lieu").filter(code=code).first()


def departements_of_region(*, region_code: str) -> QuerySet[Departement]:
    """The région's départements with their population, commune and EPCI counts."""
    return (
        Departement.objects.filter(region_id=region_code)
        .select_related("chef_lieu")
        .annotate(
            population=Sum("communes__population"),
            commune_count=Count("communes"),
            epci_count=Count("communes__epci", distinct=True),
        )
        .order_by("code")
    )


def epcis_in_region(*, region_code: str) -> QuerySet[Epci]:
    """The EPCI having at least one member commune in the region."""
    return Epci.objects.filter(
        Exists(Commune.objects.filter(epci=OuterRef("pk"), region_id=region_code))
    )


def departement_queryset(*, region_code: str) -> QuerySet[Departement]:
    return (
        Departement.objects.filter(region_id=region_code)
        .select_related("region", "chef_lieu")
        .annotate(population=Sum("communes__population"), commune_count=Count("communes"))
    )


def epcis_of_departement(*, departement: Departement) -> QuerySet[Epci]:
    """The EPCI with members in the département, each with how many of them."""
    # The filter comes before the annotation, so the count is of this département's communes.
    return (
        Epci.objects.filter(communes__departement=departement)
        .annotate(communes_here=Count("communes"))
        .order_by("-population", "name")
    )


def communes_of_departement(*, departement: Departement) -> QuerySet[Commune]:
    return (
        Commune.objects.filter(departement=departement)
        .select_related("epci")
        .order_by(F("population").desc(nulls_last=True), "name")
    )


def epci_queryset(*, region_code: str) -> QuerySet[Epci]:
    return epcis_in_region(region_code=region_code)


def members_of_epci(*, epci: Epci, region_code: str) -> QuerySet[Commune]:
    return (
        Commune.objects.filter(epci=epci, region_id=region_code)
        .select_related("departement")
        .order_by(F("population").desc(nulls_last=True), "name")
    )


def departements_of_epci(*, epci: Epci, region_code: str) -> QuerySet[Departement]:
    return Departement.objects.filter(
        Exists(Commune.objects.filter(departement=OuterRef("pk"), epci=epci)),
        region_id=region_code,
    ).order_by("code")


def commune_queryset(*, region_code: str) -> QuerySet[Commune]:
    return Commune.objects.filter(region_id=region_code).select_related(
        "departement", "region", "epci"
    )


# --- Search -------------------------------------------------------------------


@dataclass
class SearchResults:
    query: str
    communes: QuerySet[Commune]
    epcis: list[Epci]
    departements: list[Departement]


def _name_filter(words: list[str]) -> Q:
    condition = Q()
    for word in words:
        condition &= Q(search_name__contains=word)
    return condition


def _name_rank(key: str) -> Case:
    """0 for the exact name, 1 for a name starting with the query, 2 otherwise."""
    return Case(
        When(search_name=key, then=Value(0)),
        When(search_name__startswith=key, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


def search_territories(*, query: str, region_code: str) -> SearchResults:
    """Communes, EPCI and départements of the region matching a name or a postcode.

    Accent- and case-insensitive: "orleans" finds Orléans, "45000" finds the
    communes served by that postcode (or by one starting with it).
    """
    query = query.strip()
    communes = Commune.objects.filter(region_id=region_code).select_related("departement", "epci")
    epcis: list[Epci] = []
    departements: list[Departement] = []
    if query.isascii() and query.isdigit():  # a postcode ("²" and "١٢" pass isdigit alone)
        communes = communes.filter(
            Q(postcodes__startswith=query) | Q(postcodes__contains=f" {query}")
        ).order_by(F("population").desc(nulls_last=True), "name")
        departements = list(Departement.objects.filter(region_id=region_code, code=query))
    else:
        key = search_key(query)
        words = key.split()
        communes = (
            communes.filter(_name_filter(words))
            .annotate(rank=_name_rank(key))
            .order_by("rank", F("population").desc(nulls_last=True), "name")
        )
        epcis = list(
            epcis_in_region(region_code=region_code)
            .filter(_name_filter(words))
            .annotate(rank=_name_rank(key))
            .order_by("rank", "-population", "name")[:SEARCH_SIDE_RESULTS]
        )
        departements = list(
            Departement.objects.filter(_name_filter(words), region_id=region_code).order_by("code")
        )
    return SearchResults(query=query, communes=communes, epcis=epcis, departements=departements)


def local_authority_of(*, user) -> OrganisationTerritory | None:
    """The territory tie of the organisation ``user`` speaks for, if it is a local authority."""
    if not (user and user.is_authenticated):
        return None
    return (
        OrganisationTerritory.objects.select_related("organisation", "territory")
        .filter(
            organisation__memberships__user_id=user.pk,
            organisation__memberships__status=Membership.Status.APPROVED,
        )
        .first()
    )


# --- The one territory reference ----------------------------------------------------------


# From the narrowest level to the widest: a straddling territory is within the
# wider one it overlaps (an EPCI in each of its départements), never the reverse.
_LEVELS = {
    Territory.Kind.COMMUNE: 0,
    Territory.Kind.EPCI: 1,
    **dict.fromkeys(Territory.GROUPING_KINDS, 2),
    Territory.Kind.DEPARTEMENT: 3,
    Territory.Kind.REGION: 4,
}


def _level(kind_field: str) -> Case:
    return Case(
        *(When(**{kind_field: kind}, then=Value(level)) for kind, level in _LEVELS.items()),
        output_field=IntegerField(),
    )


def _within_ids(anchor: QuerySet[Territory]) -> QuerySet:
    """The ids of the territories within the one ``anchor`` selects, as a subquery.

    Computed on communes: a territory is within the anchor when all its communes
    are the anchor's, or when it shares communes with the anchor and is of a
    narrower level (an EPCI that straddles two départements is within each; a
    grouping is within the départements it reaches). The region is within no
    département; a département is within no EPCI.
    """
    anchor_ids = anchor.values("pk")
    anchor_level = anchor.annotate(level=_level("kind")).values("level")[:1]
    overlaps = (
        TerritoryCommune.objects.filter(
            commune_id__in=TerritoryCommune.objects.filter(territory__in=anchor_ids).values(
                "commune_id"
            )
        )
        .order_by()
        .values("territory_id", "territory__commune_count", "territory__kind")
        .annotate(shared=Count("pk"), level=_level("territory__kind"))
        .filter(Q(shared=F("territory__commune_count")) | Q(level__lt=Subquery(anchor_level)))
        .values("territory_id")
    )
    return Territory.objects.filter(Q(pk__in=anchor_ids) | Q(pk__in=overlaps)).values("pk")


def territories_within(*, territory: Territory) -> QuerySet[Territory]:
    """The territories within ``territory``: itself and every one that lies in it."""
    return Territory.objects.filter(pk__in=_within_ids(Territory.objects.filter(pk=territory.pk)))


def within(field: str, territory: Territory) -> Q:
    """A filter for records whose ``field`` (a key to ``Territory``) lies within ``territory``."""
    return Q(**{f"{field}__in": _within_ids(Territory.objects.filter(pk=territory.pk))})


def within_code(field: str, *, kind: str, code: str) -> Q:
    """The same as ``within`` for a territory known by its kind and code (no query here)."""
    return Q(**{f"{field}__in": _within_ids(Territory.objects.filter(kind=kind, code=code))})


def territory_for(*, kind: str, code: str) -> Territory | None:
    """The reference row of a region, département, EPCI, commune or grouping."""
    return Territory.objects.filter(kind=kind, code=code).first()


def region_territory(*, region_code: str) -> Territory | None:
    return territory_for(kind=Territory.Kind.REGION, code=region_code)


def groupings_in_region(*, region_code: str) -> QuerySet[Territory]:
    """The groupings (PETR, pays, parks, syndicats) with at least one commune in the region."""
    return (
        Territory.objects.filter(kind__in=Territory.GROUPING_KINDS)
        .filter(
            Exists(
                TerritoryCommune.objects.filter(
                    territory=OuterRef("pk"), commune__region_id=region_code
                )
            )
        )
        .annotate(population=Sum("commune_links__commune__population"))
        .order_by("name")
    )


def members_of_grouping(*, grouping: Territory) -> QuerySet[Territory]:
    return grouping.members.order_by("kind", "name")


def communes_of_territory(*, territory: Territory) -> QuerySet[Commune]:
    return (
        Commune.objects.filter(territories=territory)
        .select_related("departement", "epci")
        .order_by(F("population").desc(nulls_last=True), "name")
    )
