"""The one spreadsheet writer: people's CSV, open-data CSV and XLSX, streamed, formulas inert."""

import io

import openpyxl

from core.spreadsheets import Sheet, csv_response, xlsx_response

HOSTILE = ['=HYPERLINK("http://x")', "+1+1", "-cmd", "@SUM(A1)", "\tx", "\rx"]


def test_the_csv_for_people_neutralises_formulas_and_keeps_numbers():
    response = csv_response(
        filename="t.csv", header=["a", "b"], rows=[[text, -3.5] for text in HOSTILE]
    )

    content = response.getvalue().decode("utf-8")
    assert response.streaming
    assert content.startswith("\ufeffa;b\r\n")
    lines = content.removeprefix("\ufeff").split("\r\n")
    assert lines[1].startswith("\"'=HYPERLINK(")
    assert lines[2] == "'+1+1;-3,5"
    assert lines[3] == "'-cmd;-3,5"
    assert lines[4] == "'@SUM(A1);-3,5"


def test_the_open_data_csv_is_comma_separated_utf8_without_bom_and_untouched():
    response = csv_response(
        filename="t.csv", header=["a", "b"], rows=[["-cmd", 1.5]], open_data=True
    )

    assert response.getvalue().decode("utf-8") == "a,b\r\n-cmd,1.5\r\n"


def test_the_xlsx_neutralises_formulas_and_keeps_numbers_as_numbers():
    response = xlsx_response(
        filename="t.xlsx",
        sheets=[
            Sheet(title="Feuille: 1/2", header=["a", "b"], rows=[[text, -3.5] for text in HOSTILE])
        ],
    )

    workbook = openpyxl.load_workbook(io.BytesIO(response.getvalue()))
    sheet = workbook.worksheets[0]
    assert sheet["A2"].value == '\'=HYPERLINK("http://x")'
    assert sheet["A2"].data_type == "s"
    assert sheet["B2"].value == -3.5
    assert sheet["A4"].value == "'-cmd"
    assert 'filename="t.xlsx"' in response["Content-Disposition"]
