"""Which phase is current, upcoming or past on a given day."""

import datetime as dt

import pytest
from django.db import IntegrityError

from cop import selectors
from cop.models import Phase
from tests.factories import EditionFactory, PhaseFactory


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2023, 12, 4), Phase.Kind.DIAGNOSTIC),  # the launch plenary opens it
        (dt.date(2024, 2, 15), Phase.Kind.DIAGNOSTIC),  # last day included
        (dt.date(2024, 2, 16), Phase.Kind.WORKING_GROUPS),
        (dt.date(2024, 8, 1), Phase.Kind.ROADMAP_PROPOSAL),
        (dt.date(2024, 10, 1), Phase.Kind.CONSULTATION),
        (dt.date(2024, 12, 31), Phase.Kind.CONSOLIDATION),
    ],
)
def test_the_current_phase_is_the_one_whose_dates_cover_the_day(edition_2024, day, expected):
    assert [p.kind for p in Phase.objects.current(day)] == [expected]
    assert selectors.current_phase(edition=edition_2024, today=day).kind == expected


def test_no_phase_is_current_before_the_launch_or_after_the_edition(edition_2024):
    assert not Phase.objects.current(dt.date(2023, 12, 3)).exists()
    assert selectors.current_phase(edition=edition_2024, today=dt.date(2025, 1, 1)) is None


def test_upcoming_and_past_phases_split_around_the_day(edition_2024):
    day = dt.date(2024, 8, 1)
    assert [p.kind for p in Phase.objects.past(day)] == [
        Phase.Kind.DIAGNOSTIC,
        Phase.Kind.WORKING_GROUPS,
    ]
    assert [p.kind for p in Phase.objects.upcoming(day)] == [
        Phase.Kind.PLENARY_ADOPTION,
        Phase.Kind.CONSULTATION,
        Phase.Kind.CONSOLIDATION,
    ]


def test_when_phases_overlap_the_latest_started_is_current(db):
    edition = EditionFactory(year=2031)
    PhaseFactory(
        edition=edition,
        kind=Phase.Kind.CONSULTATION,
        starts_on=dt.date(2031, 9, 1),
        ends_on=dt.date(2031, 12, 31),
    )
    PhaseFactory(
        edition=edition,
        kind=Phase.Kind.CONSOLIDATION,
        starts_on=dt.date(2031, 11, 1),
        ends_on=dt.date(2031, 12, 31),
    )
    current = selectors.current_phase(edition=edition, today=dt.date(2031, 11, 15))
    assert current.kind == Phase.Kind.CONSOLIDATION


def test_the_current_edition_is_the_one_running_even_in_the_december_before_its_year(
    edition_2024,
):
    EditionFactory(year=2023)
    assert selectors.current_edition(today=dt.date(2023, 12, 10)) == edition_2024


def test_without_a_running_phase_the_current_edition_is_this_year_then_the_latest_before(db):
    older, newer = EditionFactory(year=2024), EditionFactory(year=2026)
    assert selectors.current_edition(today=dt.date(2026, 5, 1)) == newer
    assert selectors.current_edition(today=dt.date(2025, 5, 1)) == older
    assert selectors.current_edition(today=dt.date(2020, 5, 1)) == older


def test_a_phase_cannot_end_before_it_starts(db):
    with pytest.raises(IntegrityError):
        PhaseFactory(starts_on=dt.date(2024, 3, 1), ends_on=dt.date(2024, 2, 1))


def test_an_edition_has_each_kind_of_phase_once(edition_2024):
    with pytest.raises(IntegrityError):
        PhaseFactory(edition=edition_2024, kind=Phase.Kind.DIAGNOSTIC)
