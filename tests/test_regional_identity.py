"""Nothing regional is written in code or templates: three regions, three names.

The platform runs the COP of the region ``COP_REGION_CODE`` names; its pages
take the region's name, its département count and its co-pilots' titles from
the imported geography and from settings (``territories.region``).
"""

import icalendar
import pytest
from django.test import Client, RequestFactory

from config.urls import server_error
from territories.importers import import_territories

CENTRE = "Centre-Val de Loire"
REGIONS = {"24": (CENTRE, 6), "52": ("Pays de la Loire", 5), "53": ("Bretagne", 4)}
MAIN_PAGES = [
    "/",
    "/calendrier/",
    "/panorama/",
    "/territoires/",
    "/groupes/",
    "/reunions/",
    "/contributions/",
    "/comptes/login/",
    "/page-qui-n-existe-pas/",
]


@pytest.fixture(params=sorted(REGIONS))
def region(request, db, settings):
    """The COP of one region, its geography imported in the test's transaction."""
    code = request.param
    settings.COP_REGION_CODE = code
    import_territories(region_code=code)
    return REGIONS[code]


def test_every_main_page_is_named_for_the_configured_region(region):
    name, _count = region
    client = Client()
    for url in MAIN_PAGES:
        response = client.get(url)

        assert response.status_code == (404 if "n-existe-pas" in url else 200), url
        html = response.content.decode()
        assert f"COP Planification Action {name}</title>" in html, url
        assert f"Préfecture de la région {name}" in html, url
        assert f"Région {name}" in html, url
        if name != CENTRE:
            assert CENTRE not in html, url
            assert "Orléans" not in html, url


def test_the_home_page_counts_the_regions_departements_and_names_its_contracts(region):
    _name, count = region
    html = Client().get("/").content.decode()

    assert f"dans chacun des {count} départements de la région" in html
    assert "CRTE de l’État, CRST de la Région" in html


def test_the_territory_search_suggests_the_regions_chef_lieu(db, settings):
    settings.COP_REGION_CODE = "52"
    import_territories(region_code="52")

    assert "« Nantes », « 44000 »" in Client().get("/territoires/").content.decode()


def test_the_region_and_its_contracts_can_be_renamed_by_settings(db, settings):
    settings.COP_REGION_CODE = "53"
    settings.COP_STATE_AUTHORITY = "Préfet de la région {region}"
    settings.COP_REGION_CONTRACT_NAME = "contrats de partenariat"
    settings.COP_REGION_WEBSITE = "https://www.bretagne.bzh"
    html = Client().get("/").content.decode()

    assert "Préfet<br>de la région<br>Bretagne" in html
    assert "CRTE de l’État, contrats de partenariat de la Région" in html
    assert 'href="https://www.bretagne.bzh">bretagne.bzh</a>' in html
    assert 'href="https://www.prefectures-regions.gouv.fr/bretagne"' in html


def test_the_meetings_feed_is_named_for_the_region_and_keeps_its_uids(region):
    name, _count = region
    feed = icalendar.Calendar.from_ical(Client().get("/reunions/calendrier.ics").content)

    assert feed["X-WR-CALNAME"] == f"COP {name} — réunions"
    assert name in str(feed["PRODID"])


def test_the_500_page_is_named_for_the_region_without_the_database(settings, db):
    settings.COP_REGION_CODE = "52"
    response = server_error(RequestFactory().get("/"))

    html = response.content.decode()
    assert response.status_code == 500
    assert "Préfecture<br>de la région<br>Pays de la Loire" in html
    assert CENTRE not in html


def test_the_admin_is_titled_for_the_region(db, settings, staff):
    settings.COP_REGION_CODE = "52"
    import_territories(region_code="52")
    client = Client()
    client.force_login(staff)

    assert "COP Planification Action Pays de la Loire" in client.get("/admin/").content.decode()


def test_the_layout_names_the_region_without_a_query(db, settings, django_assert_num_queries):
    settings.COP_REGION_CODE = "52"
    # The sign-in page of an anonymous visitor reads nothing else from the database.
    with django_assert_num_queries(0):
        html = Client().get("/comptes/login/").content.decode()

    assert "Préfecture<br>de la région<br>Pays de la Loire" in html


def test_the_legal_pages_name_the_regions_co_pilots_and_ask_for_their_addresses(db, settings):
    settings.COP_REGION_CODE = "52"
    client = Client()
    for url in ["/mentions-legales/", "/accessibilite/", "/donnees-personnelles/"]:
        html = client.get(url).content.decode()

        assert "Préfecture de la région Pays de la Loire" in html, url
        assert CENTRE not in html, url
        assert "Orléans" not in html, url
    notice = client.get("/mentions-legales/").content.decode()
    assert notice.count("Adresse à compléter par l’exploitant de la plateforme.") == 2
