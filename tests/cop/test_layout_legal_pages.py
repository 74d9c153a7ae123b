"""The accessibility statement, legal notice and personal data pages."""

import re

import pytest

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    main = re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0)
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_the_accessibility_statement_follows_the_rgaa_model_and_is_honest(client):
    response = client.get("/accessibilite/")
    text = text_of(response)

    assert response.status_code == 200
    assert "<title>Déclaration d’accessibilité — " in response.content.decode()
    assert "est non conforme avec le référentiel général d’amélioration de l’accessibilité" in text
    assert "Aucun audit de conformité n’a encore été réalisé" in text
    for section in [
        "État de conformité",
        "Contenus non accessibles",
        "Établissement de cette déclaration d’accessibilité",
        "Retour d’information et contact",
        "Voies de recours",
    ]:
        assert section in text
    assert "Défenseur des droits" in text
    assert "Libre réponse 71120, 75342 Paris CEDEX 07" in text


def test_the_legal_notice_names_both_publishers_and_the_host_to_complete(client, settings):
    # The co-pilots' head and addresses come from settings (README, "Variables").
    settings.COP_STATE_HEAD = "la préfète de la région {region}"
    settings.COP_STATE_ADDRESS = "181 rue de Bourgogne, 45042 Orléans Cedex"
    settings.COP_REGION_ADDRESS = "9 rue Saint-Pierre-Lentin, 45041 Orléans Cedex 1"
    text = text_of(client.get("/mentions-legales/"))

    assert (
        "Préfecture de la région Centre-Val de Loire 181 rue de Bourgogne 45042 Orléans Cedex"
        in text
    )
    assert "Région Centre-Val de Loire 9 rue Saint-Pierre-Lentin 45041 Orléans Cedex 1" in text
    assert (
        "la préfète de la région Centre-Val de Loire et le président du conseil régional" in text
    )
    assert "Information à compléter par l’exploitant de la plateforme" in text
    assert "Licence Ouverte etalab-2.0" in text


def test_the_personal_data_page_covers_the_gdpr_essentials(client):
    text = text_of(client.get("/donnees-personnelles/"))

    assert "responsables conjoints" in text
    assert "mission d’intérêt public" in text
    for purpose in ["gérer votre compte", "organiser la participation", "concertation citoyenne"]:
        assert purpose in text
    assert "Durées de conservation" in text
    assert "Destinataires" in text
    assert "droit d’accès, de rectification, d’effacement" in text
    assert "CNIL" in text


def test_the_personal_data_page_lists_exactly_the_cookies_the_platform_sets(client, settings):
    text = text_of(client.get("/donnees-personnelles/"))

    assert settings.SESSION_COOKIE_NAME in text
    assert settings.CSRF_COOKIE_NAME in text
    assert "messages" in text
    assert "aucun cookie de mesure d’audience" in text


def test_the_legal_pages_have_a_breadcrumb_and_one_h1(client):
    for url, current in [
        ("/accessibilite/", "Accessibilité"),
        ("/mentions-legales/", "Mentions légales"),
        ("/donnees-personnelles/", "Données personnelles"),
    ]:
        page = client.get(url).content.decode()
        assert f'<a class="fr-breadcrumb__link" aria-current="page">{current}</a>' in page
        assert len(re.findall(r"<h1[ >]", page)) == 1, url


def test_the_contact_address_appears_when_the_operator_sets_one(client, settings):
    settings.COP_CONTACT_EMAIL = "cop@exemple.gouv.fr"

    assert 'href="mailto:cop@exemple.gouv.fr"' in client.get("/accessibilite/").content.decode()
