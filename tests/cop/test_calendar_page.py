"""The public calendar: phases in order, the current one highlighted, plenaries."""

import datetime as dt

from django.urls import reverse

from tests.cop.conftest import PARIS
from tests.factories import EditionFactory, PhaseFactory
from tests.html_safety import dangerous_markup

URL = reverse("cop:calendar")


def test_the_calendar_lists_the_phases_in_order_with_french_dates(client, edition_2024, today_is):
    today_is(dt.datetime(2024, 3, 10, 12, tzinfo=PARIS))
    html = client.get(URL).content.decode()

    titles = ["Diagnostic partagé", "Groupes de travail thématiques",
              "Proposition de feuille de route", "Adoption en plénière",
              "Concertation citoyenne et déclinaison territoriale", "Consolidation"]  # fmt: skip
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "Du 4 décembre 2023 au 15 février 2024" in html


def test_the_current_phase_is_marked_by_a_badge_and_aria_current_not_only_by_colour(
    client, edition_2024, today_is
):
    today_is(dt.datetime(2024, 3, 10, 12, tzinfo=PARIS))
    html = client.get(URL).content.decode()

    assert html.count('aria-current="step"') == 1
    current = html[html.index('aria-current="step"') :]
    assert "Phase en cours" in current[:400]
    assert "Groupes de travail thématiques" in current[:800]
    assert html.count("Terminée") == 1  # the diagnostic
    assert html.count("À venir") == 4


def test_the_next_plenary_shows_its_date_place_agenda_and_documents(
    client, launch_plenary, today_is
):
    today_is(dt.datetime(2023, 11, 20, 9, tzinfo=PARIS))
    html = client.get(URL).content.decode()

    assert "Prochaine séance plénière" in html
    assert "lundi 4 décembre 2023 à 14h00" in html
    assert "Hôtel de Région, Orléans" in html
    assert "<strong>Les objectifs 2030</strong>" in html  # Markdown rendered
    assert 'href="https://exemple.test/diaporama-lancement.pdf"' in html
    assert 'href="https://video.exemple.test/lancement"' in html


def test_past_plenaries_of_the_edition_stay_listed_with_their_documents(
    client, launch_plenary, adoption_plenary, today_is
):
    today_is(dt.datetime(2024, 10, 1, 9, tzinfo=PARIS))
    html = client.get(URL).content.decode()

    assert "La date de la prochaine séance plénière n’est pas encore fixée" in html
    assert "Séances plénières passées de l’édition 2024" in html
    assert html.index("Séance plénière d’adoption") < html.index("Séance plénière de lancement")
    assert "Diaporama de lancement" in html


def test_another_edition_is_shown_with_the_edition_parameter(client, edition_2024, today_is):
    other = EditionFactory(year=2025, title="COP Centre-Val de Loire 2025")
    PhaseFactory(edition=other, title="Diagnostic 2025", starts_on=dt.date(2024, 12, 2))
    today_is(dt.datetime(2024, 3, 10, 12, tzinfo=PARIS))

    default = client.get(URL).content.decode()
    chosen = client.get(URL, {"edition": "2025"}).content.decode()

    assert "COP Centre-Val de Loire 2024" in default
    assert "Diagnostic 2025" not in default
    assert "Diagnostic 2025" in chosen
    assert '<option value="2025" selected>2025</option>' in chosen  # no "2 025"


def test_an_unknown_edition_gets_a_french_message_and_a_404(client, edition_2024):
    for bad in ["1999", "abc", "<script>alert(1)</script>", "9" * 40]:
        response = client.get(URL, {"edition": bad})
        assert response.status_code == 404
        html = response.content.decode()
        assert "Aucune édition de la COP ne correspond" in html
        assert not dangerous_markup(html.split("<main", 1)[1].split("</main>", 1)[0])


def test_the_edition_switch_answers_htmx_with_the_edition_partial_only(client, edition_2024):
    response = client.get(URL, {"edition": "2024"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="edition"')
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_a_fresh_database_gets_a_calendar_that_says_it_is_not_published_yet(db, client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Le calendrier de la COP n’est pas encore publié" in response.content.decode()


def test_the_calendar_costs_a_fixed_number_of_queries(
    client, launch_plenary, adoption_plenary, today_is, django_assert_num_queries
):
    today_is(dt.datetime(2024, 3, 10, 12, tzinfo=PARIS))
    with django_assert_num_queries(7):
        # 1 edition years, 2 running phase (current edition), 3 phases,
        # 4 plenaries of the edition, 5 their documents,
        # 6 next plenary, 7 its documents
        response = client.get(URL)
    assert response.status_code == 200
