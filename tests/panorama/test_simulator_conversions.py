"""The simulator converts kt into physical units as the SGPE does, on the real figures."""

import pytest

from panorama import selectors
from panorama.simulator import parse_query, read_form, simulate


@pytest.fixture
def specs(sgpe):
    return [
        selectors.lever_spec(effort) for effort in selectors.regional_efforts(region_code="24")
    ]


def test_the_default_scenario_is_the_sgpe_effort_of_9504_kt(specs):
    simulation = simulate(specs)

    assert round(simulation.totals.total_kt) == 9504
    assert round(simulation.totals.effort_kt) == 9504
    assert simulation.query == ""


def test_electric_cars_go_from_4_2_to_229_7_thousand_with_the_default_effort(specs):
    cars = simulate(specs).lever("augm_voitelec")

    assert round(cars.spec.start_2019, 1) == 4.2
    assert round(cars.phys_2030, 1) == 229.7


def test_fuel_oil_boilers_of_homes_go_from_131_5_to_32_1_thousand(specs):
    boilers = simulate(specs).lever("reduc_rfioul")

    assert round(boilers.spec.start_2019, 1) == 131.5
    assert round(boilers.phys_2030, 1) == 32.1


def test_600_kt_of_electric_cars_make_9622_kt_and_284_8_thousand_cars(specs):
    simulation = simulate(specs, parse_query("t-augm_voitelec=600", specs))

    assert round(simulation.totals.total_kt) == 9622
    assert round(simulation.lever("augm_voitelec").phys_2030, 1) == 284.8


def test_a_physical_target_is_converted_into_kt(specs):
    # 100 thousand fuel-oil boilers left in 2030: (131.5 - 100) / 0.2563 ≈ 122.9 kt avoided.
    simulation = simulate(specs, read_form({"p-reduc_rfioul": "100"}, specs))

    boilers = simulation.lever("reduc_rfioul")
    assert round(boilers.total_kt, 1) == 122.9
    assert round(boilers.phys_2030, 1) == 100.0


def test_a_target_beyond_the_2019_stock_is_clamped_to_no_boiler_left(specs):
    simulation = simulate(specs, parse_query("t-reduc_rfioul=10000", specs))

    boilers = simulation.lever("reduc_rfioul")
    assert boilers.clamped
    assert boilers.phys_2030 == pytest.approx(0, abs=1e-9)
    assert round(boilers.total_kt) == 513  # 131.5 thousand / 0.2563 per kt


def test_what_is_done_keeps_the_lever_ambition_when_no_target_is_given(specs):
    # As the SGPE simulator: the default target is the effort minus what is done.
    simulation = simulate(specs, parse_query("c-augm_voitelec=100", specs))

    cars = simulation.lever("augm_voitelec")
    assert cars.done_kt == 100
    assert round(cars.target_kt, 1) == 382.1
    assert round(simulation.totals.total_kt) == 9504


def test_a_target_adds_to_what_is_done(specs):
    simulation = simulate(specs, parse_query("c-augm_voitelec=100&t-augm_voitelec=500", specs))

    assert simulation.lever("augm_voitelec").total_kt == 600
    assert round(simulation.totals.total_kt) == 9622


def test_levers_the_region_cannot_retarget_keep_the_sgpe_effort(specs):
    simulation = simulate(specs, parse_query("t-co2_foret=1&t-co2_enr=1", specs))

    assert round(simulation.lever("co2_foret").total_kt, 1) == 472.8
    assert round(simulation.lever("co2_enr").total_kt, 1) == 393.8
    assert simulation.query == ""


def test_sector_totals_add_up_to_the_regional_total(specs):
    simulation = simulate(specs, parse_query("t-augm_voitelec=600&c-reduc_azote=50", specs))

    assert sum(sector.totals.total_kt for sector in simulation.sectors) == pytest.approx(
        simulation.totals.total_kt
    )
    transport = next(s for s in simulation.sectors if s.name == "Transport de voyageurs")
    assert round(transport.totals.total_kt) == 1309
