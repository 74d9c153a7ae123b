"""The region whose COP this instance runs: its name and its co-pilots' titles.

Nothing regional is written in code or templates: the name and the number of
départements of region ``settings.COP_REGION_CODE`` come from the geography
files that ``import_territories`` loads (``territories/data/``, read once per
process: no database query, so the layout costs none and the 500 page and the
settings module, which cannot query, say the same), unless the operator sets
``COP_REGION_NAME``; the co-pilots' titles come from settings whose defaults
hold ``{region}``. This module imports no model: ``config.settings`` reads it.
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def _rows(filename: str) -> tuple[dict[str, str], ...]:
    with (DATA_DIR / filename).open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def geography_region_name(code: str) -> str:
    """The name the shipped geography gives region ``code`` ("" when unknown)."""
    return next((row["nom"] for row in _rows("regions.csv") if row["code"] == code), "")


def region_name() -> str:
    """The region's name: ``COP_REGION_NAME``, else the geography's (``import_territories``)."""
    from django.conf import settings

    code = settings.COP_REGION_CODE
    return settings.COP_REGION_NAME or geography_region_name(code) or code


def departement_count() -> int:
    """How many départements the geography gives the region."""
    from django.conf import settings

    code = settings.COP_REGION_CODE
    return sum(1 for row in _rows("departements.csv") if row["region"] == code)


@dataclass(frozen=True)
class RegionalIdentity:
    """What pages and emails say of the region and of the COP's two co-pilots."""

    name: str
    state_authority: str  # "Préfecture de la région Centre-Val de Loire"
    region_authority: str  # "Région Centre-Val de Loire"
    contract_name: str  # the Region's territorial contracts: "CRST" in Centre-Val de Loire
    departement_count: int  # in the geography (territories/data/departements.csv)
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


def regional_identity() -> RegionalIdentity:
    """The region's identity, without a database query (the 500 page has none)."""
    from django.conf import settings

    name = region_name()
    return RegionalIdentity(
        name=name,
        state_authority=settings.COP_STATE_AUTHORITY.format(region=name),
        region_authority=settings.COP_REGION_AUTHORITY.format(region=name),
        contract_name=settings.COP_REGION_CONTRACT_NAME,
        departement_count=departement_count(),
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
