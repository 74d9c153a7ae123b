"""Reading a scenario from a URL or a submitted form (no database)."""

from panorama.simulator import LeverSpec, parse_query, read_form, simulate

CARS = LeverSpec(
    "augm_voitelec", "Véhicules électriques", "Transport", 482.1358, 4.196, 0.4677, True
)
BOILERS = LeverSpec(
    "reduc_rfioul", "Chaudières fioul", "Résidentiel", 387.8102, 131.5035, -0.2563, True
)
FOREST = LeverSpec(
    "co2_foret", "Forêts", "Agriculture", 472.8, 0, 0, False, has_translation=False, editable=False
)
SPECS = [CARS, BOILERS, FOREST]


def test_a_url_in_the_sgpe_format_round_trips_unchanged():
    query = "t-augm_voitelec=600&c-reduc_rfioul=12.5"

    assert simulate(SPECS, parse_query(query, SPECS)).query == query


def test_values_typed_the_french_way_are_read():
    scenario = parse_query({"t-augm_voitelec": "1 204,5"}, SPECS)

    assert scenario.targets == {"augm_voitelec": 1204.5}


def test_a_value_that_is_not_a_number_is_reported_and_ignored():
    simulation = simulate(SPECS, parse_query("t-augm_voitelec=beaucoup", SPECS))

    assert [error.key for error in simulation.errors] == ["t-augm_voitelec"]
    assert "n’est pas un nombre" in simulation.errors[0].message
    assert simulation.lever("augm_voitelec").total_kt == CARS.effort_kt


def test_a_negative_value_is_refused():
    simulation = simulate(SPECS, parse_query("c-augm_voitelec=-5", SPECS))

    assert "positive ou nulle" in simulation.errors[0].message
    assert simulation.lever("augm_voitelec").done_kt == 0


def test_keys_of_unknown_levers_are_listed_and_ignored():
    scenario = parse_query("t-inconnu=3&t-augm_voitelec=600", SPECS)

    assert scenario.unknown_keys == ["t-inconnu"]
    assert scenario.targets == {"augm_voitelec": 600}


def test_the_form_takes_the_physical_value_when_the_user_changed_it():
    previous = simulate(SPECS, parse_query("t-augm_voitelec=600", SPECS))
    cars = previous.lever("augm_voitelec")
    submitted = {
        "prev": previous.query,
        "t-augm_voitelec": cars.target_input,
        "p-augm_voitelec": "300",
    }

    scenario = read_form(submitted, SPECS)

    assert round(CARS.phys(scenario.targets["augm_voitelec"]), 3) == 300


def test_the_form_takes_the_kt_value_when_the_user_changed_it():
    previous = simulate(SPECS)
    cars = previous.lever("augm_voitelec")
    submitted = {"prev": "", "t-augm_voitelec": "700", "p-augm_voitelec": cars.phys_input}

    assert read_form(submitted, SPECS).targets == {"augm_voitelec": 700}


def test_changing_what_is_done_keeps_an_explicit_target():
    previous = simulate(SPECS, parse_query("t-augm_voitelec=600", SPECS))
    cars = previous.lever("augm_voitelec")
    submitted = {
        "prev": previous.query,
        "c-augm_voitelec": "50",
        "t-augm_voitelec": cars.target_input,
        "p-augm_voitelec": cars.phys_input,
    }

    simulation = simulate(SPECS, read_form(submitted, SPECS))

    assert simulation.lever("augm_voitelec").total_kt == 650
    assert simulation.query == "t-augm_voitelec=600&c-augm_voitelec=50"


def test_an_unchanged_form_gives_back_the_same_scenario():
    previous = simulate(SPECS, parse_query("t-augm_voitelec=600&c-reduc_rfioul=10", SPECS))
    submitted = {"prev": previous.query}
    for result in previous.levers:
        if result.spec.editable:
            submitted[f"c-{result.spec.slug}"] = result.done_input
            submitted[f"t-{result.spec.slug}"] = result.target_input
            submitted[f"p-{result.spec.slug}"] = result.phys_input

    assert simulate(SPECS, read_form(submitted, SPECS)).query == previous.query
