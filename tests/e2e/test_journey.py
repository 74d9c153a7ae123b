"""A visitor signs up, confirms the email, logs out and in, and follows the COP calendar."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cop.models import Phase
from tests.factories import EditionFactory, PhaseFactory

pytestmark = pytest.mark.e2e

EMAIL = "camille.durand@exemple.test"
PASSWORD = "une-phrase-de-passe-solide"


@pytest.fixture
def edition_under_way():
    """This year's edition: a finished phase, the running one, one to come."""
    today = timezone.localdate()
    edition = EditionFactory(year=today.year, title=f"COP régionale {today.year}")
    PhaseFactory(
        edition=edition,
        kind=Phase.Kind.DIAGNOSTIC,
        title="Diagnostic partagé",
        starts_on=today - dt.timedelta(days=60),
        ends_on=today - dt.timedelta(days=31),
        order=1,
    )
    PhaseFactory(
        edition=edition,
        kind=Phase.Kind.WORKING_GROUPS,
        title="Groupes de travail thématiques",
        starts_on=today - dt.timedelta(days=30),
        ends_on=today + dt.timedelta(days=30),
        order=2,
    )
    PhaseFactory(
        edition=edition,
        kind=Phase.Kind.CONSOLIDATION,
        title="Consolidation",
        starts_on=today + dt.timedelta(days=31),
        ends_on=today + dt.timedelta(days=90),
        order=3,
    )
    return edition


def test_a_visitor_signs_up_confirms_logs_out_and_in_then_sees_the_current_phase(
    page, mailoutbox, edition_under_way
):
    page.goto("/")
    page.get_by_role("link", name="Créer un compte").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Créer un compte")

    page.get_by_label("Courriel").fill(EMAIL)
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    page.get_by_role("button", name="Créer mon compte").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmez votre adresse e-mail")
    assert len(mailoutbox) == 1
    link = re.search(r"http://\S+/comptes/confirm-email/\S+/", mailoutbox[0].body).group(0)

    page.goto(link)
    expect(page.get_by_text(EMAIL)).to_be_visible()
    page.get_by_role("button", name="Confirmer mon adresse").click()

    # Confirming logs in (ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION) and leads to the profile.
    expect(page).to_have_url(re.compile(r"/profil/$"))
    logout = page.locator("header").get_by_role("button", name="Se déconnecter")
    expect(logout).to_be_visible()

    logout.click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("header").get_by_role("link", name="Se connecter")).to_be_visible()

    page.locator("header").get_by_role("link", name="Se connecter").click()
    page.get_by_label("Courriel").fill(EMAIL)
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Se connecter").click()
    expect(page).to_have_url(re.compile(r"/profil/$"))
    expect(page.locator("header").get_by_role("button", name="Se déconnecter")).to_be_visible()

    page.locator("#header-navigation").get_by_role("link", name="Calendrier").click()
    expect(page).to_have_url(re.compile(r"/calendrier/$"))
    current = page.locator('[aria-current="step"]')
    expect(current).to_have_count(1)
    expect(current).to_contain_text("Groupes de travail thématiques")
    expect(current).to_contain_text("Phase en cours")
    expect(page.locator("#header-navigation [aria-current=page]")).to_have_text("Calendrier")


def test_a_signup_mistake_is_shown_next_to_the_field_and_the_email_is_kept(page, mailoutbox):
    page.goto("/comptes/signup/")
    page.get_by_label("Courriel").fill(EMAIL)
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_label("Mot de passe (confirmation)").fill("autre-chose-entierement")
    page.get_by_role("button", name="Créer mon compte").click()

    confirmation = page.get_by_label("Mot de passe (confirmation)")
    expect(confirmation).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_password2-error")).to_contain_text("deux fois le même mot de passe")
    expect(page.get_by_label("Courriel")).to_have_value(EMAIL)
    assert mailoutbox == []
