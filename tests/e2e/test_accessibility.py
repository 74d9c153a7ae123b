"""axe-core, run inside Chromium, finds no serious or critical violation."""

import datetime as dt

import pytest
from django.utils import timezone

from cop.models import Phase
from tests.e2e.helpers import BLOCKING, report, violations
from tests.factories import EditionFactory, PhaseFactory, PlenarySessionFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def cop_content():
    """A calendar with a running phase and a next plenary."""
    today = timezone.localdate()
    edition = EditionFactory(year=today.year)
    for order, (kind, start, end) in enumerate(
        [
            (Phase.Kind.DIAGNOSTIC, -60, -31),
            (Phase.Kind.WORKING_GROUPS, -30, 30),
            (Phase.Kind.CONSOLIDATION, 31, 90),
        ]
    ):
        PhaseFactory(
            edition=edition,
            kind=kind,
            order=order,
            starts_on=today + dt.timedelta(days=start),
            ends_on=today + dt.timedelta(days=end),
        )
    PlenarySessionFactory(edition=edition, title="Séance plénière d’étape")


@pytest.fixture
def geography():
    """The Centre-Val de Loire geography, from the files shipped with the project."""
    importers = pytest.importorskip("territories.importers")
    importers.import_territories(region_code="24")


PUBLIC_PAGES = [
    "/",
    "/calendrier/",
    "/territoires/",
    "/territoires/departements/45/",
    "/comptes/login/",
    "/comptes/signup/",
    "/accessibilite/",
    "/mentions-legales/",
    "/donnees-personnelles/",
]


def test_public_pages_have_no_serious_or_critical_accessibility_violation(
    page, axe_source, cop_content, geography
):
    # One test for all pages: the data is loaded once (a browser test's database
    # is emptied after each test, which is the slow part).
    reports = []
    for url in PUBLIC_PAGES:
        response = page.goto(url)
        assert response.status == 200, url
        found = [v for v in violations(page, axe_source) if v["impact"] in BLOCKING]
        if found:
            reports.append(report(url, found))

    assert reports == [], "\n".join(reports)


def test_a_form_with_errors_has_no_serious_or_critical_violation(page, axe_source):
    page.goto("/comptes/login/")
    page.get_by_label("Courriel").fill("personne@exemple.test")
    page.get_by_label("Mot de passe", exact=True).fill("pas-le-bon")
    page.locator("main").get_by_role("button", name="Se connecter").click()
    page.wait_for_selector(".fr-alert--error")

    found = [v for v in violations(page, axe_source) if v["impact"] in BLOCKING]

    assert found == [], report("/comptes/login/ (erreur)", found)
