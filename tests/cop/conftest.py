"""Fixtures of the process core's tests: a 2024 edition with its calendar."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from cop.models import Document, Phase
from tests.factories import DocumentFactory, EditionFactory, PhaseFactory, PlenarySessionFactory

PARIS = ZoneInfo("Europe/Paris")

PHASES_2024 = [
    (Phase.Kind.DIAGNOSTIC, dt.date(2023, 12, 4), dt.date(2024, 2, 15)),
    (Phase.Kind.WORKING_GROUPS, dt.date(2024, 2, 16), dt.date(2024, 6, 30)),
    (Phase.Kind.ROADMAP_PROPOSAL, dt.date(2024, 7, 1), dt.date(2024, 8, 31)),
    (Phase.Kind.PLENARY_ADOPTION, dt.date(2024, 9, 1), dt.date(2024, 9, 20)),
    (Phase.Kind.CONSULTATION, dt.date(2024, 9, 21), dt.date(2024, 11, 30)),
    (Phase.Kind.CONSOLIDATION, dt.date(2024, 12, 1), dt.date(2024, 12, 31)),
]


@pytest.fixture
def edition_2024(db):
    edition = EditionFactory(year=2024, title="COP Centre-Val de Loire 2024")
    for order, (kind, starts_on, ends_on) in enumerate(PHASES_2024, start=1):
        PhaseFactory(edition=edition, kind=kind, starts_on=starts_on, ends_on=ends_on, order=order)
    return edition


@pytest.fixture
def launch_plenary(edition_2024):
    plenary = PlenarySessionFactory(
        edition=edition_2024,
        title="Séance plénière de lancement",
        starts_at=dt.datetime(2023, 12, 4, 14, 0, tzinfo=PARIS),
        place="Hôtel de Région, Orléans",
        agenda="1. Accueil\n2. **Les objectifs 2030** de la région",
        video_url="https://video.exemple.test/lancement",
    )
    DocumentFactory(
        plenary=plenary,
        edition=edition_2024,
        title="Diaporama de lancement",
        kind=Document.Kind.SLIDES,
        url="https://exemple.test/diaporama-lancement.pdf",
    )
    return plenary


@pytest.fixture
def adoption_plenary(edition_2024):
    return PlenarySessionFactory(
        edition=edition_2024,
        title="Séance plénière d’adoption",
        starts_at=dt.datetime(2024, 9, 19, 14, 0, tzinfo=PARIS),
        place="Préfecture de région, Orléans",
        agenda="Adoption de la *feuille de route*",
    )


@pytest.fixture
def today_is(monkeypatch):
    """``today_is(datetime)``: the platform's clock shows that moment (Paris time)."""

    def set_now(moment: dt.datetime) -> None:
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)

    return set_now
