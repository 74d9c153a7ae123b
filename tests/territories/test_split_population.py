"""By default each lever's regional effort is split among the six départements by population."""

import pytest

from territories.split.selectors import departement_split
from tests.territories.test_split_support import (  # noqa: F401 -- fixtures
    CENTRE_CODES,
    effort,
    panorama,
    population,
    sgpe,
    sgpe_rows,
    text_of,
)

pytestmark = pytest.mark.usefixtures("panorama")


def test_the_six_shares_of_each_lever_add_up_to_its_regional_effort():
    split = departement_split(region_code="24")

    assert [column.code for column in split.departements] == CENTRE_CODES
    assert len(split.levers) == 30
    for lever in split.levers:
        assert sum(cell.kt for cell in lever.cells) == pytest.approx(lever.effort.effort_kt)
    assert sum(split.totals) == pytest.approx(9503.8742)


def test_loirets_share_of_a_lever_is_its_share_of_the_population():
    loiret_share = population("45") / population()  # about 26.7 %

    lever = departement_split(region_code="24").levers[0]
    cell = lever.cell("45")

    assert lever.effort.lever.slug == "augm_voitelec"
    assert not lever.key.imported
    assert cell.share == pytest.approx(loiret_share)
    assert cell.kt == pytest.approx(effort("augm_voitelec") * loiret_share)


def test_the_page_shows_loirets_share_in_french_format(client):
    loiret_kt = effort("augm_fret") * population("45") / population()

    page = text_of(client.get("/panorama/departements/45/"))

    expected = f"{loiret_kt:.1f}".replace(".", ",")
    assert expected in page


def test_a_delta_lever_gets_its_physical_translation_split_too():
    lever = next(
        lever
        for lever in departement_split(region_code="24").levers
        if lever.effort.lever.slug == "augm_fret"
    )
    regional_delta = lever.effort.effort_kt * lever.effort.ratio  # Mtkm/an avoided

    assert lever.physical == "delta"
    assert sum(cell.phys for cell in lever.cells) == pytest.approx(regional_delta)
    assert lever.cell("45").phys == pytest.approx(regional_delta * population("45") / population())


@pytest.mark.parametrize(
    ("slug", "kind"),
    [
        ("augm_voitelec", "stock"),  # a number of cars in 2030: the 2019 fleets are unknown
        ("augm_covoit", "rate"),  # km avoided per car: a rate does not add up
        ("augm_valodma", "rate"),  # kg per inhabitant
        ("co2_indus", "none"),  # no physical translation at all
        ("augm_haies", "delta"),  # thousands of km of hedges planted
    ],
)
def test_only_delta_quantities_are_split_in_physical_terms(slug, kind):
    lever = next(
        lever
        for lever in departement_split(region_code="24").levers
        if lever.effort.lever.slug == slug
    )

    assert lever.physical == kind
    assert all((cell.phys is not None) == (kind == "delta") for cell in lever.cells)
