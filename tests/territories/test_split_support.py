"""Fixtures and helpers shared by the tests of the split (``test_split_*.py``).

The SGPE levers come from the panorama's fixtures (the real file); the
geography from this package's ``region_24``. No test here.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Sum

from panorama.models import RegionalEffort
from territories.models import Commune
from tests.panorama.conftest import sgpe, sgpe_rows  # noqa: F401 -- fixtures
from tests.panorama.helpers import text_of  # noqa: F401 -- re-exported

CENTRE_CODES = ["18", "28", "36", "37", "41", "45"]


@pytest.fixture
def panorama(geography, sgpe):  # noqa: F811 -- the imported fixture
    """Centre-Val de Loire's geography and the SGPE levers of every region."""


def effort(slug: str) -> float:
    return RegionalEffort.objects.get(region_code="24", lever__slug=slug).effort_kt


def population(code: str | None = None) -> int:
    """The municipal population of a département of the region (of the region if None)."""
    communes = Commune.objects.filter(region_id="24")
    if code is not None:
        communes = communes.filter(departement_id=code)
    return communes.aggregate(total=Sum("population"))["total"]


def keys_csv(
    lines: list[tuple],
    *,
    header: str = "levier;departement;valeur",
    sep: str = ";",
    name="cles.csv",
) -> SimpleUploadedFile:
    """A CSV upload with a header and one line per tuple."""
    text = "\n".join([header, *(sep.join(str(cell) for cell in line) for line in lines)]) + "\n"
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def fret_key(values=(1, 0, 0, 0, 0, 3), slug="augm_fret") -> list[tuple]:
    """A key for one lever: a value per département of the region, in code order."""
    return [(slug, code, value) for code, value in zip(CENTRE_CODES, values, strict=True)]
