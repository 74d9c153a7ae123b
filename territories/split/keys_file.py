"""The CSV file of distribution keys: reading, validation, and the preview of an import.

One line per (lever, département): ``levier;departement;valeur`` (or the English
``lever,departement,value``), separated by "," or ";", with a decimal comma
allowed. A file gives, for each lever it names, a value for every département
of the région; the levers it does not name keep their key. Any bad line refuses
the whole file, with messages naming the line and the column; nothing here
writes to the database.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.uploads import (
    ImportRejected,
    Limits,
    RowError,
    Sheet,
    cell_value,
    read_upload,
    to_float,
)
from panorama.models import RegionalEffort

from ..models import Departement, DistributionKey
from ..text import search_key
from .compute import key_number

MAX_ROWS = 5000

# Normalised header -> field; the file's own spelling is kept for the messages.
COLUMN_ALIASES = {
    "levier": "lever",
    "lever": "lever",
    "departement": "departement",
    "valeur": "value",
    "value": "value",
}
# How a missing column is named to the user.
COLUMN_NAMES = {
    "lever": "levier",
    "departement": "departement",
    "value": "valeur",
}


@dataclass(frozen=True)
class KeyRow:
    """One validated line: the value of a lever's key in a département."""

    line: str
    slug: str
    departement: str  # INSEE code
    value: float


KEYS_LIMITS = Limits(max_bytes=2 * 1024 * 1024, max_rows=MAX_ROWS, max_columns=50)
# A key is a weight (a population, a surface, a tonnage): beyond this, the sum of a lever's
# values would lose the smaller ones, or overflow to infinity and make every share 0.
MAX_KEY_VALUE = 1e12


def read_sheet(source: IO[bytes] | bytes) -> Sheet:
    """Every non-blank line of the CSV file as text cells, under the header (``core.uploads``)."""
    return read_upload(source, "csv", limits=KEYS_LIMITS)


def value_problem(value: float) -> str | None:
    """Why a key value cannot be used (negative, too large, not finite), or None."""
    if not math.isfinite(value) or value > MAX_KEY_VALUE:
        return _("la valeur est trop grande : une clé de répartition vaut au plus %(max)s.") % {
            "max": "1 000 000 000 000"
        }
    if value < 0:
        return _("la valeur ne peut pas être négative.")
    return None


def _columns(header: list) -> dict[str, tuple[int, str]]:
    """Field -> (position, the file's column name); ImportRejected if missing or twice."""
    found: dict[str, tuple[int, str]] = {}
    errors = []
    for position, column in enumerate(header):
        name = str(column).strip()
        field_name = COLUMN_ALIASES.get(search_key(name).replace(" ", "_"))
        if field_name is None:
            continue  # extra columns (a comment, a label) are allowed
        if field_name in found:
            errors.append(
                RowError(
                    _("en-tête"),
                    name,
                    _("colonne en double (déjà donnée par « %(first)s »).")
                    % {"first": found[field_name][1]},
                )
            )
        found[field_name] = (position, name)
    for field_name, label in COLUMN_NAMES.items():
        if field_name not in found:
            errors.append(
                RowError(_("en-tête"), label, _("colonne obligatoire absente du fichier."))
            )
    if errors:
        raise ImportRejected(errors)
    return found


def _departement_code(text: str) -> str:
    code = text.strip().upper()
    if code.endswith(".0") and code[:-2].isdigit():
        code = code[:-2]  # typed as a number in a spreadsheet
    return code.zfill(2) if code.isdigit() else code


@dataclass(frozen=True)
class RegionReference:
    """What a file is checked against: the région's levers and the départements of France."""

    region_code: str
    region_name: str
    levers: dict[str, str]  # slug -> name, the levers of the région's panorama
    departements: dict[str, tuple[str, str]]  # code -> (name, region code)

    @property
    def region_departements(self) -> list[str]:
        return sorted(
            code
            for code, (_name, region) in self.departements.items()
            if region == self.region_code
        )

    def departement_label(self, code: str) -> str:
        return f"{self.departements[code][0]} ({code})"


def region_reference(*, region_code: str) -> RegionReference:
    """The région's levers and every département (2 queries)."""
    efforts = list(
        RegionalEffort.objects.filter(region_code=region_code).values_list(
            "lever__slug", "name", "region_name"
        )
    )
    departements = {
        code: (name, region)
        for code, name, region in Departement.objects.values_list("code", "name", "region_id")
    }
    return RegionReference(
        region_code=region_code,
        region_name=efforts[0][2] if efforts else region_code,
        levers={slug: name for slug, name, _region in efforts},
        departements=departements,
    )


def validate_keys(sheet: Sheet, reference: RegionReference) -> list[KeyRow]:
    """The lines of a keys file (``read_sheet``), all valid, or ImportRejected naming bad cells."""
    positions = _columns(sheet.header)
    columns = {key: name for key, (_position, name) in positions.items()}
    errors: list[RowError] = []
    rows: list[KeyRow] = []
    seen: dict[tuple[str, str], str] = {}
    first_line: dict[str, str] = {}
    for index, record in enumerate(sheet.rows):
        line = sheet.line(index)
        cells = {key: cell_value(record[position]) for key, (position, _n) in positions.items()}
        if all(value is None for value in cells.values()):
            continue  # a blank line
        row_errors: list[RowError] = []
        for key, name in columns.items():
            if cells[key] is None:
                row_errors.append(RowError(line, name, _("valeur manquante.")))

        slug = cells["lever"]
        if slug is not None and slug not in reference.levers:
            row_errors.append(
                RowError(
                    line,
                    columns["lever"],
                    _(
                        "levier inconnu « %(id)s » : ce n’est pas un identifiant SGPE des leviers "
                        "de la région %(region)s."
                    )
                    % {"id": slug, "region": reference.region_name},
                )
            )
        code = _departement_code(cells["departement"]) if cells["departement"] else None
        if code is not None:
            if code not in reference.departements:
                row_errors.append(
                    RowError(
                        line,
                        columns["departement"],
                        _("département inconnu « %(code)s ».") % {"code": cells["departement"]},
                    )
                )
            elif reference.departements[code][1] != reference.region_code:
                row_errors.append(
                    RowError(
                        line,
                        columns["departement"],
                        _("le département %(departement)s n’est pas dans la région %(region)s.")
                        % {
                            "departement": reference.departement_label(code),
                            "region": reference.region_name,
                        },
                    )
                )
        value = None
        if cells["value"] is not None:
            value = to_float(cells["value"])
            if value is None:
                row_errors.append(
                    RowError(
                        line,
                        columns["value"],
                        _("« %(value)s » n’est pas un nombre.") % {"value": cells["value"]},
                    )
                )
            else:
                problem = value_problem(value)
                if problem:
                    row_errors.append(RowError(line, columns["value"], problem))
        if slug is not None and code is not None:
            if (slug, code) in seen:
                row_errors.append(
                    RowError(
                        line,
                        columns["departement"],
                        _(
                            "doublon : le levier « %(id)s » a déjà une valeur pour le département "
                            "%(code)s en %(first)s."
                        )
                        % {"id": slug, "code": code, "first": seen[slug, code]},
                    )
                )
            else:
                seen[slug, code] = line
        if row_errors:
            errors.extend(row_errors)
            continue
        first_line.setdefault(slug, line)
        rows.append(KeyRow(line=line, slug=slug, departement=code, value=value))  # type: ignore[arg-type]

    if errors:
        raise ImportRejected(errors)
    if not rows:
        raise ImportRejected(
            [RowError(_("fichier"), "", _("le fichier ne contient aucune ligne."))]
        )
    errors = _check_levers_complete(rows, reference, first_line, columns)
    if errors:
        raise ImportRejected(errors)
    return rows


def _check_levers_complete(
    rows: Sequence[KeyRow],
    reference: RegionReference,
    first_line: dict[str, str],
    columns: dict[str, str],
) -> list[RowError]:
    """Each lever named must have a value for every département, not all of them zero."""
    expected = reference.region_departements
    by_lever: dict[str, dict[str, float]] = {}
    for row in rows:
        by_lever.setdefault(row.slug, {})[row.departement] = row.value
    errors = []
    for slug, values in by_lever.items():
        missing = [code for code in expected if code not in values]
        if missing:
            errors.append(
                RowError(
                    first_line[slug],
                    columns["departement"],
                    _(
                        "le levier « %(id)s » n’a pas de valeur pour %(departements)s : donnez "
                        "une valeur (éventuellement 0) pour chacun des départements de la région."
                    )
                    % {
                        "id": slug,
                        "departements": ", ".join(
                            reference.departement_label(code) for code in missing
                        ),
                    },
                )
            )
        elif not any(values.values()):
            errors.append(
                RowError(
                    first_line[slug],
                    columns["value"],
                    _(
                        "les valeurs du levier « %(id)s » sont toutes nulles : cette clé ne "
                        "répartirait rien."
                    )
                    % {"id": slug},
                )
            )
    return errors


def read_keys(source: IO[bytes] | bytes, *, region_code: str) -> list[KeyRow]:
    """Read and validate a keys file for the région (2 queries)."""
    return validate_keys(read_sheet(source), region_reference(region_code=region_code))


# --- What an import would change ----------------------------------------------------------


class KeyStatus:
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class ValueChange:
    code: str
    departement: str  # "Loiret (45)"
    before: float | None  # None: the lever was split by population
    after: float

    @property
    def changed(self) -> bool:
        return self.before != self.after

    @property
    def before_display(self) -> str:
        return key_number(self.before)

    @property
    def after_display(self) -> str:
        return key_number(self.after)


@dataclass(frozen=True)
class LeverKeyChange:
    slug: str
    name: str
    status: str
    values: list[ValueChange]

    @property
    def is_new(self) -> bool:
        return self.status == KeyStatus.NEW

    @property
    def is_changed(self) -> bool:
        return self.status == KeyStatus.CHANGED


@dataclass
class KeysPlan:
    """What importing a keys file will do, lever by lever, for the preview."""

    region_name: str
    levers: list[LeverKeyChange] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for lever in self.levers if lever.status == status)

    @property
    def to_write(self) -> list[LeverKeyChange]:
        return [lever for lever in self.levers if lever.status != KeyStatus.UNCHANGED]

    @property
    def has_changes(self) -> bool:
        return bool(self.to_write)

    def summary(self) -> str:
        new, changed, unchanged = (
            self.count(KeyStatus.NEW),
            self.count(KeyStatus.CHANGED),
            self.count(KeyStatus.UNCHANGED),
        )
        parts = [
            ngettext("%(count)s nouvelle clé", "%(count)s nouvelles clés", new) % {"count": new},
            ngettext("%(count)s clé modifiée", "%(count)s clés modifiées", changed)
            % {"count": changed},
            ngettext("%(count)s inchangée", "%(count)s inchangées", unchanged)
            % {"count": unchanged},
        ]
        return ", ".join(parts) + "."


def plan_keys_import(rows: Sequence[KeyRow], *, region_code: str) -> KeysPlan:
    """Compare validated lines with the keys in place (3 queries); reads only.

    Raises ImportRejected if a lever or a département vanished since the file was read.
    """
    reference = region_reference(region_code=region_code)
    current: dict[str, dict[str, float]] = {}
    for slug, code, value in DistributionKey.objects.filter(
        departement__region_id=region_code
    ).values_list("lever__slug", "departement_id", "value"):
        current.setdefault(slug, {})[code] = value
    by_lever: dict[str, dict[str, float]] = {}
    for row in rows:
        if row.slug not in reference.levers or row.departement not in reference.departements:
            raise ImportRejected(
                [
                    RowError(
                        row.line,
                        "",
                        _("le levier ou le département a disparu depuis le dépôt du fichier."),
                    )
                ]
            )
        problem = value_problem(row.value)
        if problem:
            raise ImportRejected([RowError(row.line, COLUMN_NAMES["value"], problem)])
        by_lever.setdefault(row.slug, {})[row.departement] = row.value
    plan = KeysPlan(region_name=reference.region_name)
    for slug, values in by_lever.items():
        before = current.get(slug)
        changes = [
            ValueChange(
                code=code,
                departement=reference.departement_label(code),
                before=None if before is None else before.get(code),
                after=values[code],
            )
            for code in sorted(values)
        ]
        if before is None:
            status = KeyStatus.NEW
        elif before == values:
            status = KeyStatus.UNCHANGED
        else:
            status = KeyStatus.CHANGED
        plan.levers.append(
            LeverKeyChange(slug=slug, name=reference.levers[slug], status=status, values=changes)
        )
    return plan
