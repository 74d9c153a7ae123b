"""The DSFR footer: co-pilots, legal pages, accessibility status, licence."""

import re

import pytest

pytestmark = pytest.mark.django_db


def footer_of(page: str) -> str:
    return re.search(r'<footer class="fr-footer".*?</footer>', page, re.S).group(0)


def test_the_footer_links_to_the_three_legal_pages(client):
    footer = footer_of(client.get("/").content.decode())

    assert 'href="/accessibilite/">Accessibilité : non conforme</a>' in footer
    assert 'href="/mentions-legales/">Mentions légales</a>' in footer
    assert 'href="/donnees-personnelles/">Données personnelles</a>' in footer


def test_the_footer_names_both_co_pilots_and_the_etalab_licence(client, settings):
    settings.COP_STATE_HEAD = "la préfète de la région {region}"  # README, "Variables"
    footer = footer_of(client.get("/").content.decode())
    text = " ".join(re.sub(r"<[^>]+>", " ", footer).split())

    assert "copilotée par la préfète de la région Centre-Val de Loire et par la Région" in text
    assert "licence etalab-2.0" in text
    assert 'href="https://github.com/etalab/licence-ouverte/blob/master/LO.md"' in footer


def test_external_footer_links_say_they_open_a_new_window(client):
    footer = footer_of(client.get("/").content.decode())

    for tag in re.findall(r'<a [^>]*target="_blank"[^>]*>', footer):
        assert 'rel="noopener"' in tag
        assert re.search(r'title="[^"]+ — nouvelle fenêtre"', tag), tag
