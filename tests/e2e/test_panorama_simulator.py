"""The panorama in a browser: the simulator's totals follow a target, with and without JS."""

import re

import pytest
from playwright.sync_api import expect

from panorama.importers import (
    DEFAULT_BAROMETRE_FILE,
    DEFAULT_LEVERS_FILE,
    read_barometre,
    read_levers,
)
from panorama.services import biodiversity_import, levers_import
from tests.e2e.helpers import scan

pytestmark = pytest.mark.e2e

PANORAMA_PAGES = [
    "/panorama/",
    "/panorama/leviers/augm_voitelec/",
    "/panorama/simulateur/?t-augm_voitelec=600",
    "/panorama/scenarios/comparer/?a=sgpe&b=sgpe",
    "/panorama/biodiversite-ressources/?tag=eau",
]


@pytest.fixture
def sgpe_data(_e2e_state, settings):
    settings.COP_REGION_CODE = "24"
    levers_import(rows=read_levers(DEFAULT_LEVERS_FILE))
    biodiversity_import(rows=read_barometre(DEFAULT_BAROMETRE_FILE).rows)


def test_moving_a_target_updates_the_totals_without_reloading(page, console, sgpe_data):
    page.goto("/panorama/simulateur/")
    expect(page.locator("#scenario-total")).to_have_text("9 504 ktCO₂e")
    page.evaluate("window.stillTheSamePage = true")

    page.fill("#t-augm_voitelec", "600")
    page.locator("#t-augm_voitelec").press("Tab")

    expect(page.locator("#scenario-total")).to_have_text("9 622 ktCO₂e")
    expect(page.locator("#result-augm_voitelec")).to_contain_text("284,8")
    expect(page.locator("#scenario-percent")).to_contain_text("101,2 %")
    expect(page).to_have_url(re.compile(r"/panorama/simulateur/\?t-augm_voitelec=600$"))
    assert page.evaluate("window.stillTheSamePage") is True
    assert not [m for m in console if "Content Security Policy" in m or m.startswith("pageerror")]


def test_a_physical_target_is_converted_into_kt_in_the_page(page, sgpe_data):
    page.goto("/panorama/simulateur/")

    page.fill("#p-reduc_rfioul", "100")
    page.locator("#p-reduc_rfioul").press("Tab")

    expect(page.locator("#t-reduc_rfioul")).to_have_value(re.compile(r"^122\.9"))
    expect(page.locator("#scenario-total")).to_have_text("9 239 ktCO₂e")


def test_the_simulator_works_without_javascript(browser, live_server, sgpe_data):
    context = browser.new_context(
        java_script_enabled=False, locale="fr-FR", base_url=live_server.url
    )
    page = context.new_page()
    try:
        page.goto("/panorama/simulateur/")
        page.fill("#t-augm_voitelec", "600")
        page.get_by_role("button", name="Recalculer").click()

        expect(page).to_have_url(re.compile(r"/panorama/simulateur/\?t-augm_voitelec=600$"))
        expect(page.locator("#scenario-total")).to_have_text("9 622 ktCO₂e")
    finally:
        context.close()


def test_the_biodiversity_filters_work_live(page, sgpe_data):
    page.goto("/panorama/biodiversite-ressources/")
    expect(page.locator("#results-count")).to_have_text("134 leviers")

    page.locator("label[for=tag-eau]").click()  # the DSFR label covers its checkbox

    expect(page.locator("#results-count")).to_have_text("22 leviers")
    expect(page).to_have_url(re.compile(r"tag=eau"))


def test_panorama_pages_have_no_serious_or_critical_accessibility_violation(
    page, axe_source, sgpe_data
):
    reports = scan(page, axe_source, PANORAMA_PAGES)
    assert not reports, "\n".join(reports)
