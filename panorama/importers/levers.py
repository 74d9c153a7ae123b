"""The SGPE levers file: validation of its rows, and what importing them would change."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext as _

from ..models import Lever, RegionalEffort, Sector, Workstream
from ..regions import IGNORED_REGIONS, REGION_CODES
from .tables import ImportRejected, RowError, Table, cell_value, read_table, to_bool, to_float

# --- SGPE levers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str  # as in the SGPE file
    kind: str  # "text", "number", "bool"
    required: bool
    default: Any = None


LEVER_COLUMNS = [
    Column("id", "text", True),
    Column("leverName", "text", True),
    Column("regionName", "text", True),
    Column("sector", "text", True),
    Column("group", "text", True),
    Column("objCO2", "number", True),
    Column("ratioCO2toPhys", "number", True),
    Column("startPoint2019", "number", True),
    Column("relative", "bool", True),
    Column("regionCode", "text", False, ""),
    Column("unitCO2", "text", False, ""),
    Column("unitPhys", "text", False, ""),
    Column("editionDisabled", "bool", False, False),
    Column("disabledComment", "text", False, ""),
    Column("noTranslation", "bool", False, False),
    Column("showTarget", "bool", False, True),
    Column("regionEnabled", "bool", False, True),
    Column("regionHidden", "bool", False, False),
    Column("regionLimited", "bool", False, False),
    Column("regionComment", "text", False, ""),
    Column("comment", "text", False, ""),
]


@dataclass(frozen=True)
class LeverRow:
    """One validated (region, lever) row."""

    line: str
    slug: str
    lever_name: str
    sector: str
    workstream: str
    region_code: str
    region_name: str
    effort_kt: float
    ratio: float
    start_2019: float
    relative: bool
    unit_co2: str
    unit_phys: str
    edition_disabled: bool
    edition_disabled_reason: str
    has_translation: bool
    show_target: bool
    region_enabled: bool
    region_hidden: bool
    region_limited: bool
    region_comment: str
    comment: str
    position: int

    def effort_values(self) -> dict[str, Any]:
        """The fields of RegionalEffort this row sets."""
        values = asdict(self)
        for key in ("line", "slug", "lever_name", "sector", "workstream"):
            values.pop(key)
        values["name"] = self.lever_name
        return values


def _convert(value: Any, column: Column, line: str, errors: list[RowError]) -> Any:
    value = cell_value(value)
    if value is None:
        if column.required:
            errors.append(RowError(line, column.name, _("valeur manquante.")))
        return column.default
    if column.kind == "number":
        number = to_float(value)
        if number is None:
            errors.append(
                RowError(
                    line, column.name, _("« %(value)s » n’est pas un nombre.") % {"value": value}
                )
            )
        return number
    if column.kind == "bool":
        flag = to_bool(value)
        if flag is None:
            errors.append(
                RowError(
                    line,
                    column.name,
                    _("« %(value)s » n’est pas une valeur oui/non (true ou false).")
                    % {"value": value},
                )
            )
        return flag
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as a number in a spreadsheet
    return str(value)


def validate_levers(table: Table) -> list[LeverRow]:
    """The rows of an SGPE file, all valid, or ImportRejected naming every bad cell."""
    frame = table.frame
    missing = [
        column.name
        for column in LEVER_COLUMNS
        if column.required and column.name not in frame.columns
    ]
    if missing:
        raise ImportRejected(
            [
                RowError(table.header, name, _("colonne obligatoire absente du fichier."))
                for name in missing
            ]
        )
    if frame.empty:
        raise ImportRejected(
            [RowError(table.header, "", _("le fichier ne contient aucune ligne."))]
        )

    errors: list[RowError] = []
    rows: list[LeverRow] = []
    seen: dict[tuple[str, str], str] = {}
    lever_places: dict[str, tuple[str, str, str]] = {}
    positions: Counter[str] = Counter()
    present = [column for column in LEVER_COLUMNS if column.name in frame.columns]
    for index, record in enumerate(frame.to_dict("records")):
        line = table.line(index)
        row_errors: list[RowError] = []
        values = {c.name: _convert(record.get(c.name), c, line, row_errors) for c in present}
        for column in LEVER_COLUMNS:
            values.setdefault(column.name, column.default)

        region_name = values["regionName"]
        if region_name in IGNORED_REGIONS:
            continue
        region_code = REGION_CODES.get(region_name or "")
        if region_name and region_code is None:
            row_errors.append(
                RowError(
                    line, "regionName", _("région inconnue « %(name)s ».") % {"name": region_name}
                )
            )
        elif values["regionCode"] and region_code and values["regionCode"].zfill(2) != region_code:
            row_errors.append(
                RowError(
                    line,
                    "regionCode",
                    _("le code « %(code)s » n’est pas celui de la région %(name)s (%(expected)s).")
                    % {"code": values["regionCode"], "name": region_name, "expected": region_code},
                )
            )
        effort = values["objCO2"]
        if effort is not None and effort < 0:
            row_errors.append(RowError(line, "objCO2", _("l’effort ne peut pas être négatif.")))
        slug = values["id"]
        if slug and region_code:
            key = (region_code, slug)
            if key in seen:
                row_errors.append(
                    RowError(
                        line,
                        "id",
                        _(
                            "doublon : le levier « %(id)s » de la région %(region)s "
                            "figure déjà en %(first)s."
                        )
                        % {"id": slug, "region": region_name, "first": seen[key]},
                    )
                )
            else:
                seen[key] = line
        if slug and values["sector"] and values["group"]:
            place = lever_places.setdefault(slug, (values["sector"], values["group"], line))
            if place[:2] != (values["sector"], values["group"]):
                row_errors.append(
                    RowError(
                        line,
                        "sector",
                        _(
                            "le levier « %(id)s » est rattaché à un autre secteur ou chantier "
                            "en %(first)s."
                        )
                        % {"id": slug, "first": place[2]},
                    )
                )
        if row_errors or region_code is None:
            errors.extend(row_errors)
            continue
        positions[region_code] += 1
        rows.append(
            LeverRow(
                line=line,
                slug=slug,
                lever_name=values["leverName"],
                sector=values["sector"],
                workstream=values["group"],
                region_code=region_code,
                region_name=region_name,
                effort_kt=effort,
                ratio=values["ratioCO2toPhys"],
                start_2019=values["startPoint2019"],
                relative=values["relative"],
                unit_co2=values["unitCO2"] or "",
                unit_phys=values["unitPhys"] or "",
                edition_disabled=values["editionDisabled"],
                edition_disabled_reason=values["disabledComment"] or "",
                has_translation=not values["noTranslation"],
                show_target=values["showTarget"],
                region_enabled=values["regionEnabled"],
                region_hidden=values["regionHidden"],
                region_limited=values["regionLimited"],
                region_comment=values["regionComment"] or "",
                comment=values["comment"] or "",
                position=positions[region_code],
            )
        )
    if errors:
        raise ImportRejected(errors)
    if not rows:
        raise ImportRejected(
            [RowError(table.header, "", _("le fichier ne contient aucune ligne de région."))]
        )
    return rows


def read_levers(source: str | Path | IO[bytes], file_format: str | None = None) -> list[LeverRow]:
    """Read and validate an SGPE levers file (JSON, CSV or XLSX)."""
    return validate_levers(read_table(source, file_format))


# --- What an import would change ------------------------------------------------------------

# RegionalEffort field -> the SGPE column shown to staff in the preview.
EFFORT_FIELD_LABELS = {
    "name": "leverName",
    "effort_kt": "objCO2",
    "ratio": "ratioCO2toPhys",
    "start_2019": "startPoint2019",
    "relative": "relative",
    "unit_co2": "unitCO2",
    "unit_phys": "unitPhys",
    "edition_disabled": "editionDisabled",
    "edition_disabled_reason": "disabledComment",
    "has_translation": "noTranslation",
    "show_target": "showTarget",
    "region_enabled": "regionEnabled",
    "region_hidden": "regionHidden",
    "region_limited": "regionLimited",
    "region_comment": "regionComment",
    "comment": "comment",
    "region_name": "regionName",
    "position": "rang",
}


@dataclass(frozen=True)
class Change:
    column: str
    before: Any
    after: Any


@dataclass(frozen=True)
class EffortChange:
    region_name: str
    slug: str
    name: str
    changes: list[Change] = field(default_factory=list)


@dataclass
class ImportPlan:
    """What importing a set of rows will do, for the preview and the command's report."""

    created: list[EffortChange] = field(default_factory=list)
    updated: list[EffortChange] = field(default_factory=list)
    deleted: list[EffortChange] = field(default_factory=list)
    unchanged: int = 0
    new_sectors: list[str] = field(default_factory=list)
    new_workstreams: list[str] = field(default_factory=list)
    new_levers: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    skipped: int = 0

    @property
    def has_changes(self) -> bool:
        return bool(self.created or self.updated or self.deleted or self.new_levers)

    def summary(self) -> str:
        return _(
            # One label per count: no plural agreement to get wrong with 0 or 1.
            "Efforts créés : %(created)s ; modifiés : %(updated)s ; supprimés : %(deleted)s ; "
            "inchangés : %(unchanged)s (régions : %(regions)s)."
        ) % {
            "created": len(self.created),
            "updated": len(self.updated),
            "deleted": len(self.deleted),
            "unchanged": self.unchanged,
            "regions": len(self.regions),
        }


def plan_levers_import(rows: list[LeverRow]) -> ImportPlan:
    """Compare validated rows with the database (reads only)."""
    plan = ImportPlan()
    plan.regions = sorted({row.region_name for row in rows})
    known_sectors = set(Sector.objects.values_list("name", flat=True))
    known_workstreams = set(Workstream.objects.values_list("name", flat=True))
    known_levers = set(Lever.objects.values_list("slug", flat=True))
    plan.new_sectors = list(dict.fromkeys(r.sector for r in rows if r.sector not in known_sectors))
    plan.new_workstreams = list(
        dict.fromkeys(r.workstream for r in rows if r.workstream not in known_workstreams)
    )
    plan.new_levers = list(dict.fromkeys(r.slug for r in rows if r.slug not in known_levers))

    region_codes = {row.region_code for row in rows}
    existing = {
        (effort.region_code, effort.lever.slug): effort
        for effort in RegionalEffort.objects.filter(region_code__in=region_codes).select_related(
            "lever"
        )
    }
    for row in rows:
        effort = existing.pop((row.region_code, row.slug), None)
        if effort is None:
            plan.created.append(EffortChange(row.region_name, row.slug, row.lever_name))
            continue
        changes = []
        for name, after in row.effort_values().items():
            before = getattr(effort, name)
            if before != after:
                label = EFFORT_FIELD_LABELS.get(name, name)
                if name == "has_translation":  # shown as the file's noTranslation
                    before, after = not before, not after
                changes.append(Change(label, before, after))
        if changes:
            plan.updated.append(EffortChange(row.region_name, row.slug, row.lever_name, changes))
        else:
            plan.unchanged += 1
    plan.deleted = [
        EffortChange(effort.region_name, slug, effort.name)
        for (_code, slug), effort in sorted(existing.items())
    ]
    return plan
