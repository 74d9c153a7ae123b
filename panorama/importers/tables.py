"""Reading a JSON, CSV or XLSX file into raw cells with pandas, and the errors of an import."""

from __future__ import annotations

import csv
import io
import json
import math
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pandas as pd
from django.utils.translation import gettext as _
from openpyxl.utils.exceptions import InvalidFileException

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_LEVERS_FILE = DATA_DIR / "simulateur-territorial-leviers.json"
DEFAULT_BAROMETRE_FILE = DATA_DIR / "barometre-leviers.csv"

FORMATS = ("json", "csv", "xlsx")
# What pandas, json and openpyxl raise on a file that is not what its name says.
UNREADABLE = (
    ValueError,  # also json.JSONDecodeError and pandas' ParserError
    UnicodeDecodeError,
    KeyError,
    IndexError,
    TypeError,
    csv.Error,
    zipfile.BadZipFile,
    InvalidFileException,
)
MAX_REPORTED_ERRORS = 30


# --- Errors -------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    line: str  # "ligne 12", "objet n° 12", "en-tête"
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


# --- Reading a table with pandas ---------------------------------------------------------


@dataclass
class Table:
    """A file read into a DataFrame of raw cells, with how to name its lines."""

    frame: pd.DataFrame
    file_format: str

    def line(self, index: int) -> str:
        if self.file_format == "json":
            return _("objet n° %(number)s") % {"number": index + 1}
        # Line 1 holds the column names.
        return _("ligne %(number)s") % {"number": index + 2}

    @property
    def header(self) -> str:
        return _("en-tête") if self.file_format != "json" else _("fichier")


def detect_format(name: str) -> str:
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise ImportRejected(
        [
            RowError(
                _("fichier"),
                "",
                _("format non reconnu : choisissez un fichier JSON, CSV ou XLSX."),
            )
        ]
    )


def read_table(source: str | Path | IO[bytes], file_format: str | None = None) -> Table:
    """Read a JSON, CSV or XLSX file into raw cells; unreadable files are refused."""
    if file_format is None:
        file_format = detect_format(str(getattr(source, "name", source)))
    raw = Path(source).read_bytes() if isinstance(source, str | Path) else source.read()
    try:
        frame = _read_frame(raw, file_format)
    except UNREADABLE as error:
        raise ImportRejected(
            [
                RowError(
                    _("fichier"),
                    "",
                    _("le fichier ne peut pas être lu comme du %(format)s (%(error)s).")
                    % {"format": file_format.upper(), "error": str(error)[:200]},
                )
            ]
        ) from error
    frame.columns = [str(column).strip() for column in frame.columns]
    return Table(frame=frame, file_format=file_format)


def _read_frame(raw: bytes, file_format: str) -> pd.DataFrame:
    if file_format == "json":
        records = json.loads(raw.decode("utf-8-sig"))
        if not isinstance(records, list) or not all(isinstance(row, dict) for row in records):
            raise ValueError(_("une liste d’objets est attendue"))
        return pd.DataFrame.from_records(records, coerce_float=False).astype(object)
    if file_format == "csv":
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")  # spreadsheets saved by Excel on Windows
        # sep=None sniffs "," or ";" (French spreadsheets use ";").
        return pd.read_csv(
            io.StringIO(text), sep=None, engine="python", dtype=str, keep_default_na=False
        )
    if file_format == "xlsx":
        return pd.read_excel(io.BytesIO(raw), engine="openpyxl", dtype=object)
    raise ValueError(file_format)


def cell_value(value: Any) -> Any:
    """A cell without pandas' missing markers: None for NaN/NA/empty strings."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
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
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        text = value.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None
