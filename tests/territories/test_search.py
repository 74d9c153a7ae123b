"""Searching the region's territories by name or postcode."""

from territories.models import Commune
from territories.selectors import search_territories


def search(query: str):
    return search_territories(query=query, region_code="24")


def codes(results) -> list[str]:
    return [commune.code for commune in results.communes]


def test_a_name_without_accents_finds_orleans_first(geography):
    results = search("orleans")

    assert codes(results)[0] == "45234"
    assert [epci.name for epci in results.epcis] == ["Orléans Métropole"]


def test_a_name_in_capitals_with_accents_finds_the_same_commune(geography):
    assert codes(search("ORLÉANS"))[0] == "45234"


def test_chateauroux_without_circumflex_finds_chateauroux(geography):
    results = search("chateauroux")

    assert codes(results) == ["36044"]
    assert Commune.objects.get(code="36044").name == "Châteauroux"


def test_words_separated_by_spaces_find_a_hyphenated_name(geography):
    assert "45285" in codes(search("saint jean de la ruelle"))


def test_a_name_with_a_typographic_apostrophe_finds_the_commune(geography):
    assert codes(search("l’ile bouchard")) == ["37119"]


def test_a_postcode_finds_the_communes_it_serves(geography):
    assert codes(search("45000")) == ["45234"]
    # 45100 is Orléans' second postcode.
    assert codes(search("45100")) == ["45234"]


def test_the_start_of_a_postcode_finds_the_communes_of_that_area(geography):
    found = codes(search("4514"))

    assert "45285" in found  # Saint-Jean-de-la-Ruelle, 45140
    assert all(code.startswith("45") for code in found)


def test_a_departement_code_finds_the_departement(geography):
    assert [d.name for d in search("45").departements] == ["Loiret"]


def test_a_departement_name_finds_the_departement(geography):
    assert [d.code for d in search("indre").departements] == ["36", "37"]


def test_a_commune_of_another_region_is_never_found(geography, paris):
    results = search("paris")

    assert "75056" not in codes(results)
    assert results.epcis == []
    assert codes(search("75001")) == []


def test_larger_communes_come_first_among_equal_matches(geography):
    populations = [commune.population for commune in search("saint").communes[:10]]

    assert populations == sorted(populations, reverse=True)
