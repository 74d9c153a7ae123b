"""/panorama/simulateur/: targets per lever, totals against the SGPE effort, with or without JS."""

import re
from urllib.parse import urlencode

from django.urls import reverse

from tests.panorama.helpers import text_of

URL = reverse("panorama:simulator")


def test_600_kt_of_electric_cars_show_9622_kt_and_284_8_thousand_cars(client, sgpe):
    page = text_of(client.get(URL + "?t-augm_voitelec=600"))

    assert '<span class="panorama-summary__total" id="scenario-total">9 622 ktCO₂e</span>' in page
    cars = re.search(r'id="result-augm_voitelec">(.*?)</p>', page).group(1)
    assert "<strong>600 ktCO₂e</strong>" in cars
    assert "4,2 → <strong>284,8</strong> milliers de véhicules électriques" in cars


def test_the_default_page_shows_the_sgpe_effort_and_its_translations(client, sgpe):
    page = text_of(client.get(URL))

    assert 'id="scenario-total">9 504 ktCO₂e' in page
    assert "100,0 % de l’effort SGPE — effort atteint" in page
    assert "131,5 → <strong>32,1</strong> milliers de résidences p. chauffées au fioul" in page
    assert "Chiffres indicatifs de travail, qui n’engagent pas l’État." in page


def test_the_gauge_is_a_meter_with_its_value_in_text(client, sgpe):
    page = text_of(client.get(URL + "?t-augm_voitelec=600"))

    assert re.search(r'<label class="fr-label fr-mt-2w" for="scenario-gauge">', page)
    assert re.search(r'<meter id="scenario-gauge"[^>]*value="101\.2\d*">101,2 %</meter>', page)
    assert "101,2 % de l’effort SGPE — effort dépassé de 118 ktCO₂e" in page


def test_totals_are_given_per_sector(client, sgpe):
    page = text_of(client.get(URL + "?t-augm_voitelec=600"))

    assert re.search(
        r'<th scope="row" class="fr-cell--multiline">Transport de voyageurs</th>\s*'
        r'<td class="fr-cell--right">1 309</td>\s*<td class="fr-cell--right">1 191</td>',
        page,
    )


def test_a_submitted_form_redirects_to_the_scenario_s_own_address(client, sgpe):
    response = client.get(
        URL + "?" + urlencode({"prev": "", "t-augm_voitelec": "600", "t-reduc_rfioul": "387.8102"})
    )

    assert response.status_code == 302
    assert response["Location"] == URL + "?t-augm_voitelec=600"


def test_a_physical_target_typed_without_javascript_becomes_a_kt_target(client, sgpe):
    response = client.get(URL + "?" + urlencode({"prev": "", "p-augm_voitelec": "300"}))

    assert response["Location"] == URL + "?t-augm_voitelec=632.4653"
    page = text_of(client.get(response["Location"]))
    assert "4,2 → <strong>300,0</strong> milliers de véhicules électriques" in page


def test_htmx_gets_the_results_partial_and_the_address_to_show(client, sgpe):
    response = client.get(
        URL + "?" + urlencode({"prev": "", "t-augm_voitelec": "600"}), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert response["HX-Replace-Url"] == URL + "?t-augm_voitelec=600"
    assert "HX-Request" in response["Vary"]
    page = text_of(response)
    assert page.lstrip().startswith('<div id="simulation"')
    assert "<h1>" not in page
    assert 'id="scenario-total">9 622 ktCO₂e' in page


def test_a_bad_value_is_explained_and_changes_nothing(client, sgpe):
    response = client.get(
        URL + "?" + urlencode({"prev": "t-augm_voitelec=600", "t-augm_voitelec": "six cents"})
    )

    assert response.status_code == 200
    page = text_of(response)
    assert "Certaines valeurs n’ont pas été prises en compte" in page
    assert "« six cents » n’est pas un nombre." in page
    assert 'id="scenario-total">9 622 ktCO₂e' in page


def test_a_shared_link_with_an_unknown_lever_says_so(client, sgpe):
    page = text_of(client.get(URL + "?t-levier_inconnu=5"))

    assert "Paramètres ignorés (leviers inconnus dans cette région) : t-levier_inconnu" in page


def test_levers_the_region_cannot_retarget_have_no_input(client, sgpe):
    page = text_of(client.get(URL))

    assert 'name="t-co2_foret"' not in page
    assert "Objectif non modifiable" in page
    assert 'name="t-augm_voitelec"' in page
    assert 'name="p-augm_voitelec"' in page
    assert 'name="p-co2_isdnd"' not in page  # no physical translation


def test_every_input_has_a_label(client, sgpe):
    page = text_of(client.get(URL))

    ids = re.findall(r'<input class="fr-input"[^>]* id="([^"]+)"', page)
    assert len(ids) > 60
    for input_id in ids:
        assert f'for="{input_id}"' in page


def test_visitors_are_invited_to_log_in_to_save(client, sgpe):
    page = text_of(client.get(URL + "?t-augm_voitelec=600"))

    assert "/comptes/login/?next=/panorama/simulateur/%3Ft-augm_voitelec%3D600" in page
    assert 'action="/panorama/scenarios/enregistrer/"' not in page


def test_the_page_is_drawn_with_one_query(client, sgpe, django_assert_num_queries):
    # 1. the region's efforts with lever, sector and workstream
    with django_assert_num_queries(1):
        response = client.get(URL + "?t-augm_voitelec=600")

    assert response.status_code == 200


def test_the_htmx_partial_is_drawn_with_one_query(client, sgpe, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(URL + "?prev=&t-augm_voitelec=600", HTTP_HX_REQUEST="true")

    assert response.status_code == 200
