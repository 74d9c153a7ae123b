"""CSV downloads that a French spreadsheet opens as they are.

Semicolons (the comma is the decimal separator in French), UTF-8 with a byte
order mark (so that Excel reads the accents), and no cell that a spreadsheet
would run as a formula: names and titles are typed by users, and a cell such
as « =LIEN(…) » must stay text.
"""

import csv
import io
from collections.abc import Iterable

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value) -> str:
    """The text of a cell, with a leading apostrophe where it would start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(stream, *, header: Iterable, rows: Iterable[Iterable]) -> None:
    """Write the BOM, ``header`` and ``rows`` to the text ``stream``, the French way."""
    stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
    writer.writerow([spreadsheet_cell(value) for value in header])
    for row in rows:
        writer.writerow([spreadsheet_cell(value) for value in row])


def csv_bytes(*, header: Iterable, rows: Iterable[Iterable]) -> bytes:
    """The same CSV as a file's bytes (for a long job's result)."""
    stream = io.StringIO()
    write_csv(stream, header=header, rows=rows)
    return stream.getvalue().encode("utf-8")


def csv_response(*, filename: str, header: Iterable, rows: Iterable[Iterable]) -> HttpResponse:
    """A CSV attachment named ``filename``, written row by row as ``rows`` is read."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    write_csv(response, header=header, rows=rows)
    return response
