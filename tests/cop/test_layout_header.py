"""The DSFR header: both co-pilots, quick access by visitor kind, skip links, lang."""

import re

import pytest

pytestmark = pytest.mark.django_db


def header_of(page: str) -> str:
    return re.search(r'<header role="banner" class="fr-header">.*?</header>', page, re.S).group(0)


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_header_names_both_co_pilots_and_the_service(client):
    header = text_of(header_of(client.get("/").content.decode()))

    assert "Préfecture de la région Centre-Val de Loire" in header
    assert "Région Centre-Val de Loire" in header
    assert "COP Planification Action" in header


def test_pages_are_in_french_with_skip_links_to_existing_targets(client):
    page = client.get("/").content.decode()

    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="fr"' in page
    skip_links = re.search(r'<div class="fr-skiplinks">.*?</div>', page, re.S).group(0)
    targets = re.findall(r'href="#([^"]+)"', skip_links)
    assert targets == ["content", "header-navigation", "footer"]
    for target in targets:
        assert f'id="{target}"' in page


def test_visitors_are_offered_to_log_in_or_create_an_account(client):
    header = header_of(client.get("/").content.decode())

    assert '<a class="fr-btn fr-icon-lock-line" href="/comptes/login/">Se connecter</a>' in header
    assert 'href="/comptes/signup/">Créer un compte</a>' in header
    assert "Se déconnecter" not in header
    assert "Mon profil" not in header


def test_signed_in_users_see_their_profile_and_logout_but_no_login(citizen_client):
    header = header_of(citizen_client.get("/").content.decode())

    assert 'href="/profil/">Mon profil</a>' in header
    assert "Se déconnecter</button>" in header
    assert "Se connecter" not in header
    assert "Administration" not in header


def test_staff_also_see_the_administration_link(staff_client):
    header = header_of(staff_client.get("/").content.decode())

    assert 'href="/admin/">Administration</a>' in header


def test_the_mobile_menu_is_a_dsfr_modal_opened_by_the_burger_button(client):
    header = header_of(client.get("/").content.decode())

    assert 'aria-controls="header-menu"' in header
    assert 'class="fr-header__menu fr-modal" id="header-menu"' in header
    assert 'class="fr-btn--close fr-btn" aria-controls="header-menu"' in header


def test_the_htmx_config_keeps_htmx_from_injecting_styles(client):
    page = client.get("/").content.decode()

    assert """<meta name="htmx-config" content='{"includeIndicatorStyles": false}'>""" in page


def test_the_favicon_address_leads_to_the_marianne_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"] == "/static/dsfr/dist/favicon/favicon.ico"
