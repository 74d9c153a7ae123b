"""The arithmetic of the split: no database, so that it can be checked on its own."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.formats import number_format

from panorama.models import RegionalEffort


class KeySource:
    POPULATION = "population"
    IMPORTED = "imported"


class Physical:
    """Whether a lever's physical translation can be split among départements, and why not."""

    DELTA = "delta"  # a quantity added or avoided by 2030: splits like the effort
    STOCK = "stock"  # a level in 2030: the départements' 2019 levels are unknown
    RATE = "rate"  # per car, per inhabitant...: a rate does not add up across départements
    NONE = "none"  # the SGPE gives no physical translation


# A denominator other than the year ("km annuels/voiture", "kg annuels/hab") makes a rate.
_DENOMINATOR = re.compile(r"/\s*([^\s/)]+)")
_PER_YEAR = {"an", "année"}


def physical_kind(effort: RegionalEffort) -> str:
    if not effort.translated:
        return Physical.NONE
    if effort.relative:
        return Physical.STOCK
    unit = (effort.unit_phys or "").split("\n", 1)[0]
    if any(word.lower() not in _PER_YEAR for word in _DENOMINATOR.findall(unit)):
        return Physical.RATE
    return Physical.DELTA


def key_number(value: float | None) -> str:
    """A key value in French format, without trailing zeros (1 000,25 ; 3 ; 0,5)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return number_format(int(value), 0, use_l10n=True, force_grouping=True)
    text = f"{value:.6f}".rstrip("0")
    return number_format(value, len(text.split(".")[1]), use_l10n=True, force_grouping=True)


@dataclass(frozen=True)
class DepartementColumn:
    code: str
    name: str
    population: int


@dataclass(frozen=True)
class LeverKey:
    """The key of one lever: a value per département code."""

    source: str
    values: dict[str, float]
    uploaded_at: datetime | None = None

    @property
    def imported(self) -> bool:
        return self.source == KeySource.IMPORTED

    @property
    def total(self) -> float:
        return sum(self.values.values())


@dataclass(frozen=True)
class Cell:
    departement: DepartementColumn
    key_value: float
    share: float  # 0..1
    kt: float
    phys: float | None  # the département's part of the physical delta, where it splits

    @property
    def key_display(self) -> str:
        return key_number(self.key_value)


@dataclass(frozen=True)
class LeverSplit:
    effort: RegionalEffort
    key: LeverKey
    cells: list[Cell]
    physical: str

    @property
    def lever(self):
        return self.effort.lever

    @property
    def total_kt(self) -> float:
        return self.effort.effort_kt

    def cell(self, code: str) -> Cell:
        return next(cell for cell in self.cells if cell.departement.code == code)


@dataclass(frozen=True)
class SectorSplit:
    name: str
    levers: list[LeverSplit]
    totals: list[float]  # per département, in the order of the columns

    @property
    def total_kt(self) -> float:
        return sum(lever.total_kt for lever in self.levers)


@dataclass(frozen=True)
class DepartementSector:
    """One sector's levers seen from one département: each lever with its cell there."""

    name: str
    rows: list[tuple[LeverSplit, Cell]]
    region_total: float

    @property
    def total(self) -> float:
        return sum(cell.kt for _lever, cell in self.rows)


@dataclass(frozen=True)
class Split:
    region_code: str
    region_name: str
    departements: list[DepartementColumn]
    levers: list[LeverSplit]
    sectors: list[SectorSplit] = field(default_factory=list)
    totals: list[float] = field(default_factory=list)  # per département

    @property
    def total_kt(self) -> float:
        return sum(lever.total_kt for lever in self.levers)

    @property
    def population(self) -> int:
        return sum(departement.population for departement in self.departements)

    @property
    def imported_count(self) -> int:
        return sum(1 for lever in self.levers if lever.key.imported)

    @property
    def columns(self) -> list[tuple[DepartementColumn, float]]:
        """Each département with the sum of its parts of the levers."""
        return list(zip(self.departements, self.totals, strict=True))

    def departement_total(self, code: str) -> float:
        index = [departement.code for departement in self.departements].index(code)
        return self.totals[index]

    def sectors_in(self, code: str) -> list[DepartementSector]:
        """The sectors with each lever's part in one département."""
        return [
            DepartementSector(
                name=sector.name,
                rows=[(lever, lever.cell(code)) for lever in sector.levers],
                region_total=sector.total_kt,
            )
            for sector in self.sectors
        ]

    def departement(self, code: str) -> DepartementColumn | None:
        return next((d for d in self.departements if d.code == code), None)


def population_key(departements: Sequence[DepartementColumn]) -> LeverKey:
    return LeverKey(
        source=KeySource.POPULATION,
        values={departement.code: float(departement.population) for departement in departements},
    )


def split_lever(
    effort: RegionalEffort, key: LeverKey, departements: Sequence[DepartementColumn]
) -> LeverSplit:
    """effort × key(dep) / Σ key for each département (0 everywhere if the key sums to 0)."""
    total = key.total
    kind = physical_kind(effort)
    cells = []
    for departement in departements:
        value = key.values.get(departement.code, 0.0)
        share = value / total if total else 0.0
        kt = effort.effort_kt * share
        cells.append(
            Cell(
                departement=departement,
                key_value=value,
                share=share,
                kt=kt,
                phys=kt * effort.ratio if kind == Physical.DELTA else None,
            )
        )
    return LeverSplit(effort=effort, key=key, cells=cells, physical=kind)


def split_efforts(
    *,
    region_code: str,
    efforts: Sequence[RegionalEffort],
    departements: Sequence[DepartementColumn],
    imported_keys: dict[int, LeverKey],
) -> Split:
    """Split every lever of the region (``imported_keys`` by lever id; population otherwise)."""
    departements = list(departements)
    by_population = population_key(departements)
    levers = [
        split_lever(effort, imported_keys.get(effort.lever_id, by_population), departements)
        for effort in efforts
    ]
    groups: dict[str, list[LeverSplit]] = {}
    for lever in levers:
        groups.setdefault(lever.effort.lever.sector.name, []).append(lever)
    sectors = [
        SectorSplit(name=name, levers=items, totals=_column_totals(items, len(departements)))
        for name, items in groups.items()
    ]
    return Split(
        region_code=region_code,
        region_name=efforts[0].region_name if efforts else "",
        departements=departements,
        levers=levers,
        sectors=sectors,
        totals=_column_totals(levers, len(departements)),
    )


def _column_totals(levers: Sequence[LeverSplit], width: int) -> list[float]:
    return [sum(lever.cells[index].kt for lever in levers) for index in range(width)]
