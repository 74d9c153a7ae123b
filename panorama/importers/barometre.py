"""The baromètre's lever list (biodiversity and resources levers)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext as _

from ..models import BiodiversityLever
from .tables import ImportRejected, RowError, Table, cell_value, read_table, to_bool

# --- The baromètre (biodiversity and resources levers) ------------------------------------

BAROMETRE_TAG_COLUMNS = {
    "Atténuation": "mitigation",
    "Adaptation": "adaptation",
    "Eau": "water",
    "Economie circulaire": "circular_economy",
    "Pollution": "pollution",
    "Biodiversité": "biodiversity",
}
BAROMETRE_REQUIRED = ["Levier", "Chantier associé", "Leviers territoriaux", *BAROMETRE_TAG_COLUMNS]


@dataclass(frozen=True)
class BiodiversityRow:
    line: str
    values: dict[str, Any]

    @property
    def key(self) -> tuple[str, str]:
        return (self.values["workstream"], self.values["name"])


@dataclass
class BarometreResult:
    rows: list[BiodiversityRow]
    warnings: list[RowError]


def validate_barometre(table: Table) -> BarometreResult:
    """The levers of the baromètre CSV; heading rows (no chantier) are skipped."""
    frame = table.frame
    missing = [name for name in BAROMETRE_REQUIRED if name not in frame.columns]
    if missing:
        raise ImportRejected(
            [
                RowError(table.header, name, _("colonne obligatoire absente du fichier."))
                for name in missing
            ]
        )
    errors: list[RowError] = []
    warnings: list[RowError] = []
    rows: list[BiodiversityRow] = []
    seen: dict[tuple[str, str], str] = {}

    def text(record: dict[str, Any], column: str) -> str:
        value = cell_value(record.get(column))
        return "" if value is None else str(value)

    for index, record in enumerate(frame.to_dict("records")):
        line = table.line(index)
        chantier = text(record, "Chantier associé")
        name = text(record, "Levier")
        if not chantier:
            continue  # the first rows are headings of the Grist table, not levers
        if not name:
            errors.append(RowError(line, "Levier", _("valeur manquante.")))
            continue
        theme, _sep, workstream = chantier.partition(" / ")
        values: dict[str, Any] = {
            "theme": theme.strip() if workstream else "",
            "workstream": (workstream or theme).strip(),
            "name": name,
            "short_name": text(record, "Levier_court"),
            "objective": text(record, "Objectif du levier"),
            "source": text(record, "Sources de l'objectif"),
            "comment": text(record, "Commentaires"),
            "territorial_comment": text(record, "Com sur le levier territorial"),
            "position": len(rows) + 1,
        }
        territorial = cell_value(record.get("Leviers territoriaux"))
        values["territorial"] = None if territorial is None else to_bool(territorial)
        if territorial is not None and values["territorial"] is None:
            warnings.append(
                RowError(
                    line,
                    "Leviers territoriaux",
                    _("« %(value)s » n’est pas oui/non : le levier est marqué « non renseigné ».")
                    % {"value": territorial},
                )
            )
        for column, field_name in BAROMETRE_TAG_COLUMNS.items():
            raw = cell_value(record.get(column))
            flag = False if raw is None else to_bool(raw)
            if flag is None:
                errors.append(
                    RowError(
                        line,
                        column,
                        _("« %(value)s » n’est pas une valeur oui/non (true ou false).")
                        % {"value": raw},
                    )
                )
            values[field_name] = bool(flag)
        row = BiodiversityRow(line, values)
        if row.key in seen:
            errors.append(
                RowError(
                    line,
                    "Levier",
                    _("doublon : « %(name)s » figure déjà dans ce chantier en %(first)s.")
                    % {"name": name, "first": seen[row.key]},
                )
            )
            continue
        seen[row.key] = line
        rows.append(row)
    if errors:
        raise ImportRejected(errors)
    return BarometreResult(rows=rows, warnings=warnings)


def read_barometre(
    source: str | Path | IO[bytes], file_format: str | None = None
) -> BarometreResult:
    """Read and validate the baromètre's lever list (CSV, or XLSX with the same columns)."""
    return validate_barometre(read_table(source, file_format))


def biodiversity_fields() -> list[str]:
    return [f.name for f in BiodiversityLever._meta.concrete_fields if f.name != "id"]
