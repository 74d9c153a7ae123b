"""The one writer of spreadsheets: every CSV and XLSX download goes through here, streamed.

Three formats:

- CSV for people (``csv_response``): semicolons (the comma is the decimal mark
  in French, and decimals are written with it), UTF-8 with a byte order mark so
  that Excel reads the accents;
- CSV for open data (``csv_response(..., open_data=True)``): commas, UTF-8
  without BOM, decimal points, cells as they are;
- XLSX (``xlsx_response``): openpyxl's write-only mode, one or more sheets,
  numbers as numbers.

In the people's formats (CSV with semicolons, XLSX) a text cell that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) gets a leading apostrophe: names and titles are typed
by users, and a cell such as « =LIEN(…) » must stay text. Numbers stay numbers.
Rows are read lazily: a queryset iterator is written as it is read.
"""

from __future__ import annotations

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_NUMBERS = (int, float, Decimal)
_SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


@dataclass(frozen=True)
class Sheet:
    """A table to write: a title (the XLSX sheet's name), column names and rows."""

    title: str
    header: Sequence[Any]
    rows: Iterable[Sequence[Any]]


def spreadsheet_cell(value: Any) -> str:
    """The text of a cell, with a leading apostrophe where it would start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _is_number(value: Any) -> bool:
    return isinstance(value, _NUMBERS) and not isinstance(value, bool)


def _people_csv_cell(value: Any) -> str:
    if _is_number(value):
        return str(value).replace(".", ",")  # 12,5 for a French spreadsheet; -3 stays a number
    return spreadsheet_cell(value)


def _open_data_cell(value: Any) -> str:
    return "" if value is None else str(value)


class _Echo:
    """A file-like object whose ``write`` hands back the line: csv.writer without a buffer."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[Any], rows: Iterable[Sequence[Any]], *, open_data: bool = False):
    """The lines of a CSV file, one string at a time (the BOM first for people)."""
    writer = csv.writer(_Echo(), delimiter="," if open_data else ";", lineterminator="\r\n")
    cell = _open_data_cell if open_data else _people_csv_cell
    if not open_data:
        yield "\ufeff"
    yield writer.writerow([cell(value) for value in header])
    for row in rows:
        yield writer.writerow([cell(value) for value in row])


def csv_response(
    *,
    filename: str,
    header: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    open_data: bool = False,
) -> StreamingHttpResponse:
    """A CSV attachment named ``filename``, streamed row by row as ``rows`` is read."""
    lines: Iterator[bytes] = (
        line.encode("utf-8") for line in csv_lines(header, rows, open_data=open_data)
    )
    response = StreamingHttpResponse(lines, content_type=CONTENT_TYPES["csv"])
    response["Content-Disposition"] = content_disposition_header(True, filename) or ""
    return response


def _xlsx_cell(value: Any) -> Any:
    if value is None or _is_number(value) or isinstance(value, bool):
        return value
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None)  # XLSX has no time zones; callers pass local times
    if isinstance(value, datetime.date):
        return value
    return spreadsheet_cell(value)


def _sheet_title(title: str) -> str:
    return str(title).translate(_SHEET_TITLE_FORBIDDEN).strip()[:31] or "Feuille"


def xlsx_response(*, filename: str, sheets: Sequence[Sheet]) -> FileResponse:
    """An XLSX attachment, written row by row (write-only) to a spooled file, then streamed."""
    workbook = Workbook(write_only=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(_sheet_title(sheet.title))
        worksheet.append([_xlsx_cell(value) for value in sheet.header])
        for row in sheet.rows:
            worksheet.append([_xlsx_cell(value) for value in row])
    output = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 -- FileResponse closes it
    workbook.save(output)
    output.seek(0)
    return FileResponse(
        output, as_attachment=True, filename=filename, content_type=CONTENT_TYPES["xlsx"]
    )


def spreadsheet_response(
    *, file_format: str, filename: str, sheets: Sequence[Sheet]
) -> HttpResponse | StreamingHttpResponse | FileResponse:
    """``filename.csv`` (the first sheet, for people) or ``filename.xlsx`` (every sheet)."""
    if file_format == "csv":
        first = sheets[0]
        return csv_response(filename=f"{filename}.csv", header=first.header, rows=first.rows)
    if file_format == "xlsx":
        return xlsx_response(filename=f"{filename}.xlsx", sheets=sheets)
    raise ValueError(file_format)
