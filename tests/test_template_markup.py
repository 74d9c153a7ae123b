"""Markup rules that hold for every template, including pages no test renders."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_HTMX = re.compile(r"(?<![\w-])hx-[a-z]+(?:-[a-z]+)*\s*=")
MICROSECONDS = re.compile(r"datetime=\"\{\{[^}]*\|date:\s*[\"']c[\"']")


def templates() -> list[Path]:
    return sorted(ROOT.glob("templates/**/*.html")) + sorted(ROOT.glob("*/templates/**/*.html"))


def test_htmx_attributes_use_the_valid_data_hx_spelling():
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in templates()
        for match in BARE_HTMX.finditer(path.read_text())
    ]
    assert found == []


def test_time_elements_get_their_datetime_without_microseconds():
    found = [
        str(path.relative_to(ROOT))
        for path in templates()
        if MICROSECONDS.search(path.read_text())
    ]
    assert found == []
