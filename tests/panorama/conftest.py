"""Fixtures of the panorama tests: the real SGPE data, imported once per test."""

import pytest

from panorama.importers import (
    DEFAULT_BAROMETRE_FILE,
    DEFAULT_LEVERS_FILE,
    read_barometre,
    read_levers,
)
from panorama.services import biodiversity_import, levers_import


@pytest.fixture(scope="session")
def sgpe_rows():
    """The shipped SGPE file, read and validated once for the whole run."""
    return read_levers(DEFAULT_LEVERS_FILE)


@pytest.fixture
def sgpe(db, sgpe_rows, settings):
    """The SGPE levers of every region in the database; the COP is Centre-Val de Loire's."""
    settings.COP_REGION_CODE = "24"
    levers_import(rows=sgpe_rows)


@pytest.fixture(scope="session")
def barometre_rows():
    return read_barometre(DEFAULT_BAROMETRE_FILE).rows


@pytest.fixture
def barometre(db, barometre_rows):
    """The baromètre's biodiversity and resources levers in the database."""
    biodiversity_import(rows=barometre_rows)
