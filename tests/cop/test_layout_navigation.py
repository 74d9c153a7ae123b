"""The main navigation: the sections that exist, the current one marked."""

import re

import pytest

from cop import context_processors
from cop.context_processors import NavItem, navigation

pytestmark = pytest.mark.django_db


def nav_links(page: str) -> list[tuple[str, str, bool]]:
    nav = re.search(r'<nav class="fr-nav" id="header-navigation".*?</nav>', page, re.S).group(0)
    return [
        (href, label, bool(current))
        for href, current, label in re.findall(
            r'<a class="fr-nav__link" href="([^"]+)"( aria-current="page")?>([^<]+)</a>', nav
        )
    ]


def test_the_navigation_leads_to_home_calendar_and_territories(client):
    links = nav_links(client.get("/").content.decode())

    assert ("/", "Accueil", True) in links
    assert ("/calendrier/", "Calendrier", False) in links
    assert ("/territoires/", "Territoires", False) in links


def test_the_current_section_is_marked_on_its_pages_only(client):
    links = nav_links(client.get("/territoires/").content.decode())

    assert [label for _, label, current in links if current] == ["Territoires"]


def test_a_sub_page_marks_its_section(client):
    current = [item.label for item in navigation("/territoires/departements/45/") if item.current]

    assert current == ["Territoires"]


def test_sections_whose_address_does_not_exist_yet_are_left_out(monkeypatch):
    monkeypatch.setattr(
        context_processors,
        "NAVIGATION",
        [("cop:home", "Accueil"), ("nulle_part:index", "Section à venir")],
    )

    assert navigation("/") == [NavItem(url="/", label="Accueil", current=True)]


def test_the_layout_adds_no_database_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/mentions-legales/")

    assert response.status_code == 200
