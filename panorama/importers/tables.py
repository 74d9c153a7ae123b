"""Reading a JSON, CSV or XLSX file into a table of raw cells (``core.uploads``) for pandas."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import pandas as pd

from core.uploads import (
    FORMATS,
    ImportRejected,
    RowError,
    Sheet,
    cell_value,
    detect_format,
    read_upload,
    to_bool,
    to_float,
)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_LEVERS_FILE = DATA_DIR / "simulateur-territorial-leviers.json"
DEFAULT_BAROMETRE_FILE = DATA_DIR / "barometre-leviers.csv"

__all__ = [
    "FORMATS",
    "ImportRejected",
    "RowError",
    "Table",
    "cell_value",
    "detect_format",
    "read_table",
    "to_bool",
    "to_float",
]


class Table:
    """An upload read by ``core.uploads`` into a DataFrame of raw cells (named columns only)."""

    def __init__(self, sheet: Sheet):
        named = [index for index, name in enumerate(sheet.header) if name]
        self.sheet = sheet
        self.file_format = sheet.file_format
        self.frame = pd.DataFrame(
            [[row[index] for index in named] for row in sheet.rows],
            columns=[sheet.header[index] for index in named],
            dtype=object,
        )

    def line(self, index: int) -> str:
        return self.sheet.line(index)

    @property
    def header(self) -> str:
        return self.sheet.header_label


def read_table(source: str | Path | IO[bytes], file_format: str | None = None) -> Table:
    """Read a JSON, CSV or XLSX file into raw cells; unreadable files are refused."""
    return Table(read_upload(source, file_format))
