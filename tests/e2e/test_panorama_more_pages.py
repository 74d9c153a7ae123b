"""axe-core on the panorama pages the simulator test does not open: the split by
département, a participant's scenarios, and the staff upload pages."""

import pytest

from panorama.importers import DEFAULT_LEVERS_FILE, read_levers
from panorama.services import levers_import
from territories.importers import import_territories
from tests.e2e.helpers import log_in, scan
from tests.panorama.factories import ScenarioFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def region(_e2e_state, settings):
    """Centre-Val de Loire's geography and the SGPE levers of every region."""
    settings.COP_REGION_CODE = "24"
    import_territories(region_code="24")
    levers_import(rows=read_levers(DEFAULT_LEVERS_FILE))


def test_the_split_by_departement_has_no_serious_accessibility_violation(page, axe_source, region):
    reports = scan(page, axe_source, ["/panorama/departements/", "/panorama/departements/45/"])
    assert not reports, "\n".join(reports)


def test_a_participants_scenarios_have_no_serious_accessibility_violation(
    page, axe_source, region, citizen
):
    ScenarioFactory(owner=citizen, name="Plus de vélos", query="t-augm_vélotc=400")
    ScenarioFactory(owner=citizen, name="Covoiturage", query="t-augm_covoit=200")
    log_in(page, citizen.email)

    reports = scan(page, axe_source, ["/panorama/scenarios/"])

    assert page.get_by_text("Plus de vélos").count() >= 1
    assert not reports, "\n".join(reports)


def test_the_staff_upload_pages_have_no_serious_accessibility_violation(
    page, axe_source, region, staff
):
    log_in(page, staff.email)

    reports = scan(page, axe_source, ["/panorama/import/", "/panorama/departements/cles/"])

    assert not reports, "\n".join(reports)
