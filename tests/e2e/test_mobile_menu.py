"""On a phone, the DSFR burger menu (its JavaScript runs under the CSP) gives every link."""

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, VerifiedUserFactory

pytestmark = pytest.mark.e2e


def test_the_burger_button_opens_the_navigation_and_quick_access(mobile_page):
    mobile_page.goto("/")
    navigation = mobile_page.locator("#header-navigation")
    expect(navigation).to_be_hidden()

    mobile_page.get_by_role("button", name="Menu").click()

    menu = mobile_page.locator("#header-menu")
    # Its dialog role and name come from the DSFR script when it opens (not in the
    # markup, where aria-labelledby on a plain div is invalid HTML).
    expect(mobile_page.get_by_role("dialog", name="Menu")).to_be_visible()
    expect(navigation.get_by_role("link", name="Calendrier")).to_be_visible()
    expect(menu.get_by_role("link", name="Se connecter")).to_be_visible()
    expect(menu.get_by_role("link", name="Créer un compte")).to_be_visible()

    menu.get_by_role("button", name="Fermer").click()
    expect(navigation).to_be_hidden()


def test_a_signed_in_user_logs_out_from_the_mobile_menu(mobile_page):
    VerifiedUserFactory(email="claire@exemple.test")
    mobile_page.goto("/comptes/login/")
    mobile_page.get_by_label("Courriel").fill("claire@exemple.test")
    mobile_page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    mobile_page.locator("main").get_by_role("button", name="Se connecter").click()
    expect(mobile_page).to_have_url("/profil/")

    mobile_page.get_by_role("button", name="Menu").click()
    mobile_page.locator("#header-menu").get_by_role("button", name="Se déconnecter").click()

    expect(mobile_page).to_have_url("/")
    mobile_page.get_by_role("button", name="Menu").click()
    expect(
        mobile_page.locator("#header-menu").get_by_role("link", name="Se connecter")
    ).to_be_visible()
