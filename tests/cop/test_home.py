"""The home page: what the COP is, where it stands, what to do next."""

import datetime as dt

from django.urls import reverse

from tests.cop.conftest import PARIS


def test_home_page_is_french_and_names_the_cop(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()
    assert "COP Planification Action" in response.content.decode()


def test_the_home_page_says_who_copilots_the_cop_and_how_it_works(client, db):
    html = client.get("/").content.decode()
    assert "copilotée par la Préfecture de la région Centre-Val de Loire" in html
    assert "2030" in html
    assert "Six groupes de travail thématiques" in html
    assert "rencontres départementales" in html
    assert "concertation citoyenne" in html
    assert "adoptée en séance plénière" in html


def test_the_home_page_shows_the_current_phase_with_its_dates(client, edition_2024, today_is):
    today_is(dt.datetime(2024, 10, 2, 10, tzinfo=PARIS))
    html = client.get("/").content.decode()

    assert "Phase en cours" in html
    assert "Concertation citoyenne et déclinaison territoriale" in html
    assert "du 21 septembre 2024 au 30 novembre 2024" in html


def test_the_home_page_announces_the_next_plenary(client, adoption_plenary, today_is):
    today_is(dt.datetime(2024, 9, 1, 10, tzinfo=PARIS))
    html = client.get("/").content.decode()

    assert "Séance plénière d’adoption" in html
    assert "jeudi 19 septembre 2024 à 14h00" in html


def test_a_fresh_database_still_gives_a_sensible_home_page(client, db):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Le calendrier de la COP n’est pas encore publié" in html
    assert "La date de la prochaine séance plénière n’est pas encore fixée" in html


def test_a_visitor_is_invited_to_the_calendar_and_to_create_an_account(client, db):
    html = client.get("/").content.decode()
    assert f'href="{reverse("cop:calendar")}"' in html
    assert f'href="{reverse("account_signup")}"' in html
    assert f'href="{reverse("account_login")}"' in html


def test_a_logged_in_user_is_sent_to_their_profile_instead(citizen_client):
    html = citizen_client.get("/").content.decode()
    assert "Voir mon profil" in html
    assert "Créer un compte</a></h3>" not in html
