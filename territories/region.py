"""The region whose COP this instance runs: its name and its co-pilots' titles.

Nothing regional is written in code or templates: the name comes from the
``Region`` row of ``settings.COP_REGION_CODE`` (or ``COP_REGION_NAME`` when the
operator sets one), the titles from settings whose defaults hold ``{region}``.
Before the geography is imported the name is read from the geography's own
file, so a fresh instance and the settings module (which cannot query) say the
same. This module imports no model at load time: ``config.settings`` reads it.
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REGIONS_FILE = Path(__file__).resolve().parent / "data" / "regions.csv"


@cache
def geography_region_name(code: str) -> str:
    """The name the shipped geography gives region ``code`` ("" when unknown)."""
    with REGIONS_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["code"] == code:
                return row["nom"]
    return ""


# The Region rows' names and département counts, per process and per code: one
# query per code at most.
_geography: dict[str, tuple[str, int]] = {}


def _imported_geography(code: str) -> tuple[str, int] | None:
    if code not in _geography:
        from django.db.models import Count

        from .models import Region

        row = (
            Region.objects.filter(code=code)
            .annotate(departement_count=Count("departements"))
            .values_list("name", "departement_count")
            .first()
        )
        if row is None:
            # Not imported yet: nothing remembered, so the import shows without a restart.
            return None
        _geography[code] = row
    return _geography[code]


def region_name(*, from_database: bool = True) -> str:
    """The region's name: ``COP_REGION_NAME``, else its ``Region`` row, else the shipped file."""
    from django.conf import settings

    code = settings.COP_REGION_CODE
    imported = _imported_geography(code) if from_database else None
    return (
        settings.COP_REGION_NAME
        or (imported[0] if imported else "")
        or geography_region_name(code)
        or code
    )


def departement_count() -> int:
    """How many départements the imported geography gives the region (0 before the import)."""
    from django.conf import settings

    imported = _imported_geography(settings.COP_REGION_CODE)
    return imported[1] if imported else 0


@dataclass(frozen=True)
class RegionalIdentity:
    """What pages and emails say of the region and of the COP's two co-pilots."""

    name: str
    state_authority: str  # "Préfecture de la région Centre-Val de Loire"
    region_authority: str  # "Région Centre-Val de Loire"
    contract_name: str  # the Region's territorial contracts: "CRST" in Centre-Val de Loire
    departement_count: int  # 0 before the geography is imported
    state_head: str  # "le préfet de la région Centre-Val de Loire"
    state_address: str  # postal, lines separated by commas; "" when not set
    region_address: str

    @property
    def state_address_lines(self) -> list[str]:
        return address_lines(self.state_address)

    @property
    def region_address_lines(self) -> list[str]:
        return address_lines(self.region_address)

    @property
    def platform_name(self) -> str:
        return f"COP Planification Action {self.name}"

    @property
    def short_name(self) -> str:
        return f"COP {self.name}"


def regional_identity(*, from_database: bool = True) -> RegionalIdentity:
    """The region's identity; ``from_database=False`` for the 500 page (no query)."""
    from django.conf import settings

    name = region_name(from_database=from_database)
    return RegionalIdentity(
        name=name,
        state_authority=settings.COP_STATE_AUTHORITY.format(region=name),
        region_authority=settings.COP_REGION_AUTHORITY.format(region=name),
        contract_name=settings.COP_REGION_CONTRACT_NAME,
        departement_count=departement_count() if from_database else 0,
        state_head=settings.COP_STATE_HEAD.format(region=name),
        state_address=settings.COP_STATE_ADDRESS,
        region_address=settings.COP_REGION_ADDRESS,
    )


def address_lines(address: str) -> list[str]:
    """A postal address set on one line, a comma between its lines."""
    return [line.strip() for line in address.split(",") if line.strip()]


def logo_lines(title: str) -> list[str]:
    """A co-pilot's title cut as the DSFR block-mark sets it, on up to three lines.

    "Préfecture de la région Centre-Val de Loire" gives "Préfecture", "de la
    région", "Centre-Val de Loire"; "Région Bretagne" gives "Région", "Bretagne".
    """
    for joint in (" de la région ", " de région "):
        head, found, tail = title.partition(joint)
        if found and head and tail:
            return [head, joint.strip(), tail]
    head, _, tail = title.partition(" ")
    return [head, tail] if tail else [head]


def forget_region() -> None:
    """Forget the names and counts read from the database (tests, after a re-import)."""
    _geography.clear()
