"""The one reader of uploaded CSV, XLSX and JSON files: bounded before parsing, French errors.

Every upload of the platform (staff imports, import commands) goes through
``read_upload``, which returns a ``Sheet`` of raw cells or raises
``ImportRejected`` whose messages name the line and the column. The policy:

- size: the bytes are bounded before anything is read (``Limits.max_bytes``);
- text (CSV, JSON): UTF-8 with or without a byte order mark, else Windows-1252
  (which covers Latin-1's printable characters); UTF-16 and bytes that are not
  text (control characters) are refused, as are HTML and SVG files renamed;
- CSV separators: ``;``, ``,`` or tab, whichever splits the header line the most;
- XLSX (a ZIP archive): the number of entries and their uncompressed sizes are
  checked from the archive's directory (zip bombs), every XML part is scanned
  with defusedxml (no DTD, so no XXE nor billion laughs; malformed XML named),
  the sheets' declared dimension and their actual rows, columns and cells are
  bounded while streaming, and only then does openpyxl read the first sheet;
- JSON: nesting depth bounded before ``json.loads`` (no RecursionError).
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import defusedxml
import openpyxl
from defusedxml.ElementTree import ParseError, iterparse
from django.utils.translation import gettext as _

FORMATS = ("csv", "xlsx", "json")
MAX_REPORTED_ERRORS = 30
MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What an upload may hold; checked before and while parsing, never after."""

    max_bytes: int = 10 * MEGABYTE
    max_rows: int = 50_000
    max_columns: int = 200
    max_cells: int = 1_000_000  # also bounds rows × columns of the grid openpyxl fills
    max_zip_entries: int = 200
    max_unzipped_bytes: int = 100 * MEGABYTE
    max_json_depth: int = 16


DEFAULT_LIMITS = Limits()


# --- Errors -------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    line: str  # "ligne 12", "objet n° 12", "en-tête", "fichier"
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.line[:1].upper()}{self.line[1:]}"
        if self.column:
            where += _(", colonne « %(column)s »") % {"column": self.column}
        return f"{where} : {self.message}"


class ImportRejected(Exception):
    """The file was refused whole; ``errors`` say where and why."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors[:MAX_REPORTED_ERRORS]))

    @property
    def messages(self) -> list[str]:
        shown = [str(error) for error in self.errors[:MAX_REPORTED_ERRORS]]
        hidden = len(self.errors) - len(shown)
        if hidden > 0:
            shown.append(_("… et %(count)s autres erreurs.") % {"count": hidden})
        return shown


def file_error(message: str) -> ImportRejected:
    """A refusal of the whole file (« Fichier : … »)."""
    return ImportRejected([RowError(_("fichier"), "", message)])


def line_label(number: int) -> str:
    return _("ligne %(number)s") % {"number": number}


# --- What a file gives ----------------------------------------------------------------


@dataclass
class Sheet:
    """The raw cells of a file: its header, then one list of cells per non-blank row.

    Cells are ``str`` for CSV; ``str``, numbers, booleans, dates or ``None`` for
    XLSX and JSON. Every row has as many cells as the header. ``lines[i]`` is the
    line (CSV), row (XLSX) or object number (JSON) of ``rows[i]`` in the file.
    """

    file_format: str
    header: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def line(self, index: int) -> str:
        """How the user finds row ``index``: « ligne 12 » or « objet n° 12 »."""
        if self.file_format == "json":
            return _("objet n° %(number)s") % {"number": self.lines[index]}
        return line_label(self.lines[index])

    @property
    def header_label(self) -> str:
        return _("fichier") if self.file_format == "json" else _("en-tête")

    def records(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            yield dict(zip(self.header, row, strict=True))


def detect_format(name: str, formats: tuple[str, ...] = FORMATS) -> str:
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix in formats:
        return suffix
    choices = ", ".join(fmt.upper() for fmt in formats)
    raise file_error(
        _("format non reconnu : choisissez un fichier %(formats)s.") % {"formats": choices}
    )


def read_upload(
    source: str | Path | IO[bytes] | bytes,
    file_format: str | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    formats: tuple[str, ...] = FORMATS,
    check_header: Callable[[list[str]], None] | None = None,
) -> Sheet:
    """Read an uploaded file (a path, an open file, an upload or bytes) into a ``Sheet``.

    ``check_header`` is called with a CSV file's column names before its rows are
    read, so that a missing column is told before a row of the wrong length.
    """
    if file_format is None:
        file_format = detect_format(str(getattr(source, "name", source)), formats)
    raw = _read_bytes(source, limits)
    if not raw.strip():
        raise file_error(_("le fichier est vide."))
    if file_format == "csv":
        return _read_csv(_decode(raw, "CSV"), limits, check_header)
    if file_format == "json":
        return _read_json(_decode(raw, "JSON"), limits)
    if file_format == "xlsx":
        return _read_xlsx(raw, limits)
    raise ValueError(file_format)


def _too_big(limits: Limits) -> ImportRejected:
    return file_error(
        _("le fichier dépasse %(size)s Mo.") % {"size": round(limits.max_bytes / MEGABYTE, 1)}
    )


def _read_bytes(source: str | Path | IO[bytes] | bytes, limits: Limits) -> bytes:
    if isinstance(source, bytes):
        raw = source
    elif isinstance(source, str | Path):
        path = Path(source)
        if path.stat().st_size > limits.max_bytes:
            raise _too_big(limits)
        raw = path.read_bytes()
    else:
        declared = getattr(source, "size", None)  # an UploadedFile knows its size
        if isinstance(declared, int) and declared > limits.max_bytes:
            raise _too_big(limits)
        if hasattr(source, "seek"):
            source.seek(0)
        raw = source.read(limits.max_bytes + 1)
    if len(raw) > limits.max_bytes:
        raise _too_big(limits)
    return raw


# --- Text: encodings -------------------------------------------------------------------

_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MARKUP = re.compile(r"<(\?xml|!doctype|html|svg|body|head|script)\b", re.IGNORECASE)


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _decode(raw: bytes, kind: str) -> str:
    """UTF-8 (BOM or not), else Windows-1252; refuse UTF-16, binary bytes and markup."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw:
        raise file_error(
            _(
                "le fichier n’est pas un texte %(kind)s lisible : il semble encodé en UTF-16. "
                "Enregistrez-le en UTF-8."
            )
            % {"kind": kind}
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")  # spreadsheets saved by Excel on Windows
        except UnicodeDecodeError:
            text = raw.decode("latin-1")  # every byte decodes; non-text ones are refused below
    bad = _NOT_TEXT.search(text)
    if bad:
        line, column = _position(text, bad.start())
        raise file_error(
            _(
                "le fichier n’est pas un texte %(kind)s lisible : caractère invalide ligne "
                "%(line)s, colonne %(column)s (encodage UTF-8 ou Windows attendu)."
            )
            % {"kind": kind, "line": line, "column": column}
        )
    if _MARKUP.match(text.lstrip()):
        raise file_error(
            _("le fichier est une page HTML ou une image SVG, pas un fichier %(kind)s.")
            % {"kind": kind}
        )
    return text


# --- CSV -------------------------------------------------------------------------------

SEPARATORS = (";", "\t", ",")


def _separator(first_line: str) -> str:
    """The separator that splits the header line into the most fields ("," if none does)."""
    best, best_count = ",", 1
    for separator in SEPARATORS:
        try:
            count = len(next(csv.reader([first_line], delimiter=separator), []))
        except csv.Error:  # a field over the size limit: told when the file is read
            continue
        if count > best_count:
            best, best_count = separator, count
    return best


def _read_csv(
    text: str, limits: Limits, check_header: Callable[[list[str]], None] | None
) -> Sheet:
    first_line = text.split("\n", 1)[0].strip("\r")
    if not first_line.strip():
        raise file_error(
            _("le fichier est vide ou sa première ligne ne donne pas les noms des colonnes.")
        )
    separator = _separator(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    sheet = Sheet(file_format="csv", header=[])
    width = 0
    cells = 0
    start = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise ImportRejected(
                [
                    RowError(
                        line_label(start),
                        "",
                        _(
                            "CSV mal formé : un champ de plus de %(limit)s caractères ou des "
                            "guillemets jamais fermés."
                        )
                        % {"limit": csv.field_size_limit()},
                    )
                ]
            ) from error
        # Records are numbered as a spreadsheet shows them (a quoted line break stays in its row).
        line, start = start, start + 1
        if not sheet.header:
            sheet.header = [name.strip() for name in record]
            width = len(record)
            _check_width(width, limits, line)
            if check_header is not None:
                check_header(sheet.header)
            continue
        if not any(cell.strip() for cell in record):
            continue  # a blank line: skipped, the numbering stays that of the file
        while len(record) > width and not record[-1].strip():
            record.pop()  # trailing separators
        if len(record) > width:
            hint = ""
            if separator == ",":
                hint = " " + _(
                    "Une virgule décimale dans un fichier séparé par des virgules ? Séparez les "
                    "colonnes par des points-virgules ou mettez la valeur entre guillemets."
                )
            raise ImportRejected(
                [
                    RowError(
                        line_label(line),
                        "",
                        _("%(seen)s valeurs au lieu de %(expected)s.")
                        % {"seen": len(record), "expected": width}
                        + hint,
                    )
                ]
            )
        cells += width
        _check_rows(len(sheet.rows) + 1, cells, limits)
        sheet.rows.append(record + [""] * (width - len(record)))
        sheet.lines.append(line)
    _check_header(sheet)
    return sheet


def _check_width(width: int, limits: Limits, line: int | None = None) -> None:
    if width > limits.max_columns:
        where = line_label(line) if line else _("fichier")
        raise ImportRejected(
            [
                RowError(
                    where,
                    "",
                    _("%(count)s colonnes : le fichier en a %(limit)s au plus.")
                    % {"count": width, "limit": limits.max_columns},
                )
            ]
        )


def _check_rows(rows: int, cells: int, limits: Limits) -> None:
    if rows > limits.max_rows:
        raise file_error(_("le fichier a plus de %(count)s lignes.") % {"count": limits.max_rows})
    if cells > limits.max_cells:
        raise file_error(
            _("le fichier a plus de %(count)s cellules.") % {"count": limits.max_cells}
        )


def _check_header(sheet: Sheet) -> None:
    seen: set[str] = set()
    for name in sheet.header:
        if name and name in seen:
            raise ImportRejected([RowError(sheet.header_label, name, _("colonne en double."))])
        seen.add(name)


# --- JSON ------------------------------------------------------------------------------

_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def _check_json_depth(text: str, limits: Limits) -> None:
    depth = 0
    for token in _JSON_TOKENS.finditer(text):
        bracket = token.group()
        if bracket in "[{":
            depth += 1
            if depth > limits.max_json_depth:
                line, column = _position(text, token.start())
                raise file_error(
                    _(
                        "le JSON est imbriqué sur plus de %(depth)s niveaux (ligne %(line)s, "
                        "colonne %(column)s)."
                    )
                    % {"depth": limits.max_json_depth, "line": line, "column": column}
                )
        elif bracket in "]}":
            depth -= 1


class _JsonConstant(ValueError):
    pass


def _refuse_constant(name: str):
    raise _JsonConstant(name)


def _read_json(text: str, limits: Limits) -> Sheet:
    _check_json_depth(text, limits)
    try:
        records = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise file_error(
            _("JSON mal formé ligne %(line)s, colonne %(column)s.")
            % {"line": error.lineno, "column": error.colno}
        ) from error
    except _JsonConstant as error:
        raise file_error(
            _("JSON illisible : « %(value)s » n’est pas un nombre.") % {"value": error}
        ) from error
    except (ValueError, RecursionError) as error:  # e.g. an integer of 5,000 digits
        raise file_error(
            _("JSON illisible : une valeur dépasse ce qu’un import accepte.")
        ) from error
    if not isinstance(records, list) or not all(isinstance(row, dict) for row in records):
        raise file_error(
            _("le fichier ne peut pas être lu comme du JSON : une liste d’objets est attendue.")
        )
    columns: dict[str, None] = {}
    cells = 0
    for number, record in enumerate(records, start=1):
        cells += len(record)
        _check_rows(number, cells, limits)
        for key, value in record.items():
            if isinstance(value, dict | list):
                raise ImportRejected(
                    [
                        RowError(
                            _("objet n° %(number)s") % {"number": number},
                            key,
                            _("une valeur simple est attendue (texte, nombre ou booléen)."),
                        )
                    ]
                )
            columns.setdefault(key, None)
        _check_width(len(columns), limits)
    header = list(columns)
    return Sheet(
        file_format="json",
        header=header,
        rows=[[record.get(name) for name in header] for record in records],
        lines=list(range(1, len(records) + 1)),
    )


# --- XLSX ------------------------------------------------------------------------------

_SHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
_REFERENCE = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7})", re.IGNORECASE)


def _xlsx_error(message: str) -> ImportRejected:
    return file_error(
        _("le fichier ne peut pas être lu comme du XLSX : %(reason)s") % {"reason": message}
    )


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _cell_position(reference: str) -> tuple[int, int] | None:
    match = _REFERENCE.fullmatch(reference or "")
    if not match:
        return None
    return int(match.group(2)), _column_number(match.group(1))


def _check_grid(rows: int, columns: int, limits: Limits, what: str) -> None:
    if rows > limits.max_rows or columns > limits.max_columns or rows * columns > limits.max_cells:
        raise _xlsx_error(
            _(
                "%(what)s %(rows)s lignes sur %(columns)s colonnes, au-delà de ce qu’un import "
                "accepte (%(max_rows)s lignes, %(max_columns)s colonnes, %(max_cells)s cellules "
                "au plus)."
            )
            % {
                "what": what,
                "rows": rows,
                "columns": columns,
                "max_rows": limits.max_rows,
                "max_columns": limits.max_columns,
                "max_cells": limits.max_cells,
            }
        )


@dataclass
class _Extent:
    rows: int = 0
    columns: int = 0


def _scan_part(archive: zipfile.ZipFile, name: str, limits: Limits, extent: _Extent) -> None:
    """Stream one XML part with defusedxml (no DTD); bound a sheet's dimension and cells."""
    is_sheet = bool(_SHEET_PART.fullmatch(name))
    row, column, cells = 0, 0, 0
    try:
        with archive.open(name) as part:
            for event, element in iterparse(part, events=("start", "end"), forbid_dtd=True):
                tag = element.tag.rsplit("}", 1)[-1]
                if not is_sheet:
                    if event == "end":
                        element.clear()
                    continue
                if event == "start" and tag == "dimension":
                    ref = element.get("ref", "").split(":")[-1]
                    declared = _cell_position(ref)
                    if declared:
                        _check_grid(*declared, limits, _("la feuille déclare"))
                elif event == "start" and tag == "row":
                    given = element.get("r", "")
                    row = int(given) if given.isdigit() else row + 1
                    column = 0
                elif event == "start" and tag == "c":
                    position = _cell_position(element.get("r", ""))
                    column = position[1] if position else column + 1
                    cells += 1
                    extent.rows = max(extent.rows, position[0] if position else row)
                    extent.columns = max(extent.columns, column)
                    _check_grid(extent.rows, extent.columns, limits, _("la feuille occupe"))
                    if cells > limits.max_cells:
                        raise _xlsx_error(
                            _("plus de %(count)s cellules.") % {"count": limits.max_cells}
                        )
                elif event == "end" and tag == "row":
                    element.clear()
    except defusedxml.DefusedXmlException as error:
        raise _xlsx_error(
            _("la partie « %(part)s » déclare une DTD ou des entités XML, refusées par sécurité.")
            % {"part": name}
        ) from error
    except ParseError as error:
        line, col = getattr(error, "position", (0, 0))
        raise _xlsx_error(
            _("XML mal formé dans « %(part)s », ligne %(line)s, colonne %(column)s.")
            % {"part": name, "line": line, "column": col}
        ) from error
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise _xlsx_error(
            _("la partie « %(part)s » de l’archive est endommagée.") % {"part": name}
        ) from error


def _read_xlsx(raw: bytes, limits: Limits) -> Sheet:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise _xlsx_error(_("ce n’est pas un classeur Excel (archive ZIP attendue).")) from error
    with archive:
        entries = archive.infolist()
        if len(entries) > limits.max_zip_entries:
            raise _xlsx_error(
                _("l’archive contient %(count)s fichiers (%(limit)s au plus).")
                % {"count": len(entries), "limit": limits.max_zip_entries}
            )
        unzipped = sum(entry.file_size for entry in entries)
        if unzipped > limits.max_unzipped_bytes:
            raise _xlsx_error(
                _("une fois décompressé, le classeur ferait %(size)s Mo (%(limit)s Mo au plus).")
                % {
                    "size": unzipped // MEGABYTE,
                    "limit": limits.max_unzipped_bytes // MEGABYTE,
                }
            )
        names = {entry.filename for entry in entries}
        if "xl/workbook.xml" not in names:
            raise _xlsx_error(_("l’archive ne contient pas de classeur Excel."))
        extent = _Extent()
        for name in sorted(names):
            if name.lower().endswith((".xml", ".rels", ".vml")):
                _scan_part(archive, name, limits, extent)
    return _sheet_of_workbook(raw, extent)


def _damaged(error: Exception) -> ImportRejected:
    return _xlsx_error(
        _("le classeur est endommagé (%(error)s).") % {"error": type(error).__name__}
    )


def _sheet_of_workbook(raw: bytes, extent: _Extent) -> Sheet:
    """The first sheet, read by openpyxl within the extent the scan measured."""
    sheet = Sheet(file_format="xlsx", header=[])
    if extent.rows == 0:
        raise file_error(_("le classeur ne contient aucune cellule."))
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # a parser fed a hostile file may raise anything
        raise _xlsx_error(
            _("le classeur est endommagé (%(error)s).") % {"error": type(error).__name__}
        ) from error
    try:
        worksheet = workbook.worksheets[0]
        values = worksheet.iter_rows(
            min_row=1, max_row=extent.rows, max_col=extent.columns, values_only=True
        )
        for number, row in enumerate(values, start=1):
            cells = [_cell(value) for value in row]
            if not sheet.header:
                if not any(cell is not None for cell in cells):
                    continue
                while cells and cells[-1] is None:
                    cells.pop()
                sheet.header = ["" if cell is None else str(cell).strip() for cell in cells]
                continue
            if all(cell is None for cell in cells):
                continue
            width = len(sheet.header)
            if any(cell is not None for cell in cells[width:]):
                raise ImportRejected(
                    [RowError(line_label(number), "", _("valeurs au-delà des colonnes nommées."))]
                )
            sheet.rows.append(cells[:width] + [None] * (width - len(cells)))
            sheet.lines.append(number)
    except ImportRejected:
        raise
    except Exception as error:  # a parser fed a hostile file may raise anything
        raise _xlsx_error(
            _("le classeur est endommagé (%(error)s).") % {"error": type(error).__name__}
        ) from error
    finally:
        workbook.close()
    _check_header(sheet)
    return sheet


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


# --- Cells -----------------------------------------------------------------------------

# ASCII digits only: "²" or "١٢" are not numbers in a file (``float()`` accepts the latter).
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?", re.ASCII)


def cell_value(value: Any) -> Any:
    """A cell without missing markers: None for NaN, NA and empty strings; text stripped."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


TRUE_WORDS = {"true", "vrai", "oui", "1", "x", "yes"}
FALSE_WORDS = {"false", "faux", "non", "0", "no"}


def to_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
    return None


def to_float(value: Any) -> float | None:
    """A finite number from a cell (a decimal comma and spaces allowed), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:
            return None
        return number if math.isfinite(number) else None
    if isinstance(value, str):
        text = value.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        if not _NUMBER.fullmatch(text):
            return None
        number = float(text.replace(",", "."))
        return number if math.isfinite(number) else None
    return None
