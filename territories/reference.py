"""Writes of the one territory reference (``Territory`` and the communes each covers).

``sync_reference`` derives the reference from the COG tables after every import;
groupings (PETR, pays, natural parks, syndicats mixtes) are created by staff or
imported, and ``save_grouping`` keeps their communes true. Both are idempotent:
running them again changes nothing.
"""

from collections.abc import Iterable

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from .models import Commune, Departement, Epci, Region, Territory, TerritoryCommune
from .text import search_key

BATCH_SIZE = 2000

# The kind of the reference row of each COG table.
_KIND_OF = {
    Region: Territory.Kind.REGION,
    Departement: Territory.Kind.DEPARTEMENT,
    Epci: Territory.Kind.EPCI,
    Commune: Territory.Kind.COMMUNE,
}


# The field of ``Commune`` that names the COG row of each kind.
_COMMUNE_FIELD = {Region: "region", Departement: "departement", Epci: "epci", Commune: "pk"}


# A territory of the reference, or a COG row standing for it.
Place = Territory | Region | Departement | Epci | Commune


def _counts_communes(model) -> bool:
    """Whether ``model`` (current or historical) has ``commune_count`` yet: the data
    migration that first derives the reference runs before that field exists."""
    return any(field.name == "commune_count" for field in model._meta.get_fields())


def reference_of(place: Place) -> Territory:
    """The ``Territory`` row of a region, département, EPCI or commune (or the row itself).

    ``import_territories`` writes the rows of everything it loads; a COG row made
    another way (a test's factory) gets its reference row and communes here.
    """
    if isinstance(place, Territory):
        return place
    territory, created = Territory.objects.get_or_create(
        kind=_KIND_OF[type(place)],
        code=place.pk,
        defaults={"name": place.name, "search_name": search_key(place.name)},
    )
    if created:
        codes = Commune.objects.filter(**{_COMMUNE_FIELD[type(place)]: place.pk}).values_list(
            "code", flat=True
        )
        TerritoryCommune.objects.bulk_create(
            [TerritoryCommune(territory=territory, commune_id=code) for code in codes]
        )
        territory.commune_count = len(codes)
        territory.save(update_fields=["commune_count"])
    return territory


# A handful of INSERT ... SELECT for all the COG levels: the import of the whole of
# France (35,000 communes, 140,000 links) stays a few queries. Table names are
# Django's defaults for these models; the same SQL serves the data migration.
_UPSERT_TERRITORIES = """
INSERT INTO territories_territory (kind, code, name, search_name)
SELECT 'departement', code, name, search_name FROM territories_departement
UNION ALL SELECT 'epci', siren, name, search_name FROM territories_epci
UNION ALL SELECT 'commune', code, name, search_name FROM territories_commune
ON CONFLICT (kind, code) DO UPDATE SET name = EXCLUDED.name, search_name = EXCLUDED.search_name
WHERE territories_territory.name IS DISTINCT FROM EXCLUDED.name
"""
# Each commune with the code of its territory at every COG level.
_COMMUNE_LEVELS = """
SELECT 'region' AS kind, region_id AS code, code AS commune FROM territories_commune
UNION ALL SELECT 'departement', departement_id, code FROM territories_commune
UNION ALL SELECT 'epci', epci_id, code FROM territories_commune WHERE epci_id IS NOT NULL
UNION ALL SELECT 'commune', code, code FROM territories_commune
"""
_INSERT_LINKS = f"""
INSERT INTO territories_territorycommune (territory_id, commune_id)
SELECT territory.id, level.commune FROM ({_COMMUNE_LEVELS}) AS level
JOIN territories_territory AS territory
    ON territory.kind = level.kind AND territory.code = level.code
ON CONFLICT (territory_id, commune_id) DO NOTHING
"""  # noqa: S608 - constants only
# A commune that left an EPCI (or the COG) no longer counts in it.
_DELETE_STALE_LINKS = f"""
DELETE FROM territories_territorycommune AS link USING territories_territory AS territory
WHERE link.territory_id = territory.id
AND territory.kind IN ('region', 'departement', 'epci', 'commune')
AND NOT EXISTS (
    SELECT 1 FROM ({_COMMUNE_LEVELS}) AS level
    WHERE level.kind = territory.kind AND level.code = territory.code
    AND level.commune = link.commune_id
)
"""  # noqa: S608 - constants only
COUNT_COMMUNES = """
UPDATE territories_territory AS territory SET commune_count = counted.n
FROM (
    SELECT territory.id, count(link.id) AS n FROM territories_territory AS territory
    LEFT JOIN territories_territorycommune AS link ON link.territory_id = territory.id
    GROUP BY territory.id
) AS counted
WHERE counted.id = territory.id AND territory.commune_count <> counted.n
"""


@transaction.atomic
def sync_reference(*, apps: Apps = global_apps) -> None:
    """Derive the territories of the COG levels and their communes from the COG tables.

    ``apps`` is the historical registry when a migration calls it. Rerunnable: a
    second run changes nothing.
    """
    model = apps.get_model("territories", "Territory")
    region = apps.get_model("territories", "Region")
    with connection.cursor() as cursor:
        # Regions have no stored normalised name: computed here, for at most 26 rows.
        model.objects.bulk_create(
            [
                model(kind="region", code=code, name=name, search_name=search_key(name))
                for code, name in region.objects.values_list("code", "name")
            ],
            update_conflicts=True,
            unique_fields=["kind", "code"],
            update_fields=["name", "search_name"],
        )
        cursor.execute(_UPSERT_TERRITORIES)
        cursor.execute(_INSERT_LINKS)
        cursor.execute(_DELETE_STALE_LINKS)
    links = apps.get_model("territories", "TerritoryCommune")
    # A grouping's communes follow its members when an EPCI gains or loses one.
    for grouping in model.objects.filter(kind__in=Territory.GROUPING_KINDS):
        _refresh_grouping_communes(links, grouping)
    if _counts_communes(model):
        with connection.cursor() as cursor:
            cursor.execute(COUNT_COMMUNES)


def _refresh_grouping_communes(links, grouping) -> None:
    """Make a grouping's communes exactly those of its members."""
    wanted = set(
        links.objects.filter(territory__in=grouping.members.all()).values_list(
            "commune_id", flat=True
        )
    )
    existing = set(links.objects.filter(territory=grouping).values_list("commune_id", flat=True))
    links.objects.bulk_create(
        [links(territory_id=grouping.pk, commune_id=code) for code in wanted - existing],
        batch_size=BATCH_SIZE,
    )
    links.objects.filter(territory=grouping, commune_id__in=existing - wanted).delete()
    if _counts_communes(type(grouping)):
        type(grouping).objects.filter(pk=grouping.pk).update(commune_count=len(wanted))


@transaction.atomic
def save_grouping(
    *, kind: str, code: str, name: str, members: Iterable[Territory]
) -> tuple[Territory, bool]:
    """Create or update a grouping (by kind and SIREN) with exactly these members."""
    if kind not in Territory.GROUPING_KINDS:
        raise ValidationError(_("Ce type de territoire n’est pas un regroupement."))
    code = code.strip()
    if len(code) != 9 or not code.isascii() or not code.isdigit():
        raise ValidationError(_("Le SIREN d’un regroupement compte 9 chiffres."))
    name = name.strip()
    if not name:
        raise ValidationError(_("Le nom du regroupement est obligatoire."))
    members = list(members)
    wrong = [m for m in members if m.kind not in (Territory.Kind.EPCI, Territory.Kind.COMMUNE)]
    if wrong:
        raise ValidationError(
            _("Un regroupement réunit des EPCI ou des communes, pas : %(names)s.")
            % {"names": ", ".join(str(m) for m in wrong)}
        )
    grouping, created = Territory.objects.update_or_create(
        kind=kind, code=code, defaults={"name": name, "search_name": search_key(name)}
    )
    grouping.members.set(members)
    _refresh_grouping_communes(TerritoryCommune, grouping)
    return grouping, created


def refresh_grouping(grouping: Territory) -> None:
    """Recompute a grouping's communes after its members changed elsewhere (the admin)."""
    with transaction.atomic():
        _refresh_grouping_communes(TerritoryCommune, grouping)
