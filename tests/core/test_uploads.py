"""The one reader of uploads: bounded before parsing, one policy for encodings and separators."""

import tracemalloc

import pytest

from core.uploads import ImportRejected, Limits, read_upload, to_float
from tests.fixtures.hostile import far_cell_xlsx, hostile_files, sheet_xml, xlsx


def refusal(content: bytes, file_format: str, **limits) -> str:
    with pytest.raises(ImportRejected) as rejected:
        read_upload(content, file_format, limits=Limits(**limits) if limits else Limits())
    return " ".join(rejected.value.messages)


@pytest.mark.parametrize("declared", [True, False], ids=["declared", "undeclared"])
def test_a_workbook_whose_only_cell_is_at_xfd1048576_is_refused_without_growing(declared):
    content = far_cell_xlsx(declared=declared)
    assert len(content) < 5000

    tracemalloc.start()
    try:
        message = refusal(content, "xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert "1048576 lignes sur 16384 colonnes" in message
    assert peak < 20 * 1024 * 1024


def test_every_hostile_file_is_refused_or_read_within_bounds():
    for name, content in hostile_files():
        messages: list[str] = []
        try:
            sheet = read_upload(content, name.rsplit(".", 1)[1])
        except ImportRejected as rejected:
            messages = list(rejected.messages)
            assert messages, name
        else:
            assert len(sheet.rows) <= Limits().max_rows  # formula cells: text, refused later


def test_the_separator_is_sniffed_from_the_header_line():
    for separator in (";", ",", "\t"):
        text = separator.join(["levier", "departement", "valeur"]) + "\naugm_fret" + separator
        sheet = read_upload((text + "18" + separator + "1\n").encode(), "csv")
        assert sheet.header == ["levier", "departement", "valeur"]
        assert sheet.rows == [["augm_fret", "18", "1"]]


@pytest.mark.parametrize(
    "encoded",
    [
        "nom;ville\nÉlodie;Orléans\n".encode(),
        "\ufeffnom;ville\nÉlodie;Orléans\n".encode(),
        "nom;ville\nÉlodie;Orléans\n".encode("cp1252"),
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1252"],
)
def test_utf8_with_or_without_bom_and_windows_files_read_the_same(encoded):
    sheet = read_upload(encoded, "csv")
    assert sheet.header == ["nom", "ville"]
    assert sheet.rows == [["Élodie", "Orléans"]]


def test_lines_are_numbered_as_in_the_file_despite_blank_lines():
    sheet = read_upload(b"a;b\n\n1;2\n\n3;4\n", "csv")
    assert [sheet.line(index) for index in range(2)] == ["ligne 3", "ligne 5"]


def test_a_deeply_nested_json_file_gets_a_french_message_not_a_recursion_error():
    message = refusal(b"[" * 50_000 + b"]" * 50_000, "json")
    assert "imbriqué sur plus de 16 niveaux (ligne 1, colonne 17)" in message


def test_a_sheet_with_too_many_rows_is_refused_before_openpyxl_reads_it():
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>x</t></is></c></row>' for n in range(1, 12)
    )
    message = refusal(xlsx(sheet_xml(rows, dimension="A1:A11")), "xlsx", max_rows=10)
    assert "11 lignes sur 1 colonnes" in message


def test_a_file_over_the_byte_limit_is_refused_before_being_read():
    assert "dépasse" in refusal(b"a;b\n" + b"1;2\n" * 1000, "csv", max_bytes=1000)


@pytest.mark.parametrize("text", ["1e308x", "inf", "nan", "²", "١٢", "1e999", "-", ""])
def test_only_finite_numbers_written_with_ascii_digits_are_numbers(text):
    assert to_float(text) is None


@pytest.mark.parametrize(("text", "number"), [("1,5", 1.5), ("-2", -2.0), ("1 234,5", 1234.5)])
def test_french_numbers_are_read(text, number):
    assert to_float(text) == number
