"""/reunions/: upcoming and past meetings, filtered by département and by group."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.workshops.factories import MeetingFactory, RegistrationFactory, cvl_departement
from workshops.models import MeetingKind

LAST_MONTH = dt.timedelta(days=-30)


def departmental(code, title, *, delta=dt.timedelta(days=10), **fields):
    return MeetingFactory(
        kind=MeetingKind.DEPARTMENTAL,
        group=None,
        departement=cvl_departement(code),
        title=title,
        starts_at=timezone.now() + delta,
        **fields,
    )


@pytest.fixture
def meetings(group, other_group):
    tours = cvl_departement("37")
    return {
        "loiret": departmental("45", "Rencontre départementale du Loiret"),
        "cher": departmental("18", "Rencontre départementale du Cher", delta=LAST_MONTH),
        "session": MeetingFactory(group=group, title="Atelier mobilité", departement=tours),
        "bati": MeetingFactory(group=other_group, title="Atelier bâtiment"),
    }


def test_it_lists_upcoming_meetings_in_date_order_then_past_ones(visitor, meetings):
    meetings["bati"].starts_at = timezone.now() + dt.timedelta(days=2)
    meetings["bati"].ends_at = meetings["bati"].starts_at + dt.timedelta(hours=2)
    meetings["bati"].save()

    html = visitor.get("/reunions/").content.decode()

    upcoming, past = html.split("Réunions passées")
    assert upcoming.index("Atelier bâtiment") < upcoming.index(
        "Rencontre départementale du Loiret"
    )
    assert "Rencontre départementale du Cher" in past
    assert "Compte rendu publié" not in past


def test_it_filters_by_departement(visitor, meetings):
    html = visitor.get("/reunions/?departement=45").content.decode()

    assert "Rencontre départementale du Loiret" in html
    assert "Atelier mobilité" not in html
    assert "Rencontre départementale du Cher" not in html


def test_it_filters_by_group(visitor, meetings):
    html = visitor.get("/reunions/?groupe=mobilite").content.decode()

    assert "Atelier mobilité" in html
    assert "Atelier bâtiment" not in html
    assert "Rencontre départementale" not in html.split('id="meeting-results"')[1]


def test_both_filters_combine(visitor, meetings):
    html = visitor.get("/reunions/?groupe=mobilite&departement=37").content.decode()
    assert "Atelier mobilité" in html

    html = visitor.get("/reunions/?groupe=mobilite&departement=45").content.decode()
    assert "Atelier mobilité" not in html


def test_an_unknown_filter_value_is_explained_and_everything_is_shown(visitor, meetings):
    response = visitor.get("/reunions/?departement=75")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Choisissez un département de la région." in html
    assert "Atelier bâtiment" in html


def test_through_htmx_only_the_results_come_back(visitor, meetings):
    response = visitor.get("/reunions/?groupe=mobilite", headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.strip().startswith('<div id="meeting-results"')
    assert "<h1>" not in html
    assert "Atelier mobilité" in html
    assert "HX-Request" in response["Vary"]


def test_the_feed_link_follows_the_group_filter(visitor, meetings):
    html = visitor.get("/reunions/?groupe=mobilite").content.decode()

    assert 'href="/reunions/calendrier.ics?groupe=mobilite"' in html


def test_seats_and_the_waiting_list_are_shown(visitor, group):
    full = MeetingFactory(group=group, capacity=1, title="Atelier complet")
    RegistrationFactory(meeting=full)
    RegistrationFactory(meeting=full, status="waiting")
    MeetingFactory(group=group, capacity=None, title="Webinaire")

    html = visitor.get("/reunions/").content.decode()

    assert "Complet" in html
    assert "1 personne en liste d’attente" in html
    assert "Places non limitées" in html


def test_past_meetings_are_paginated(visitor, group):
    for day in range(25):
        MeetingFactory(
            group=group,
            title=f"Séance ancienne {day}",
            starts_at=timezone.now() - dt.timedelta(days=day + 2),
        )

    first = visitor.get("/reunions/").content.decode()
    second = visitor.get("/reunions/?page=2").content.decode()

    assert "Séance ancienne 0<" in first
    assert "Séance ancienne 24<" not in first
    assert "Séance ancienne 24<" in second
    assert visitor.get("/reunions/?page=abc").status_code == 200


def test_the_list_costs_the_same_queries_with_more_meetings(
    client, group, django_assert_num_queries
):
    def add():
        meeting = MeetingFactory(group=group, departement=cvl_departement("45"))
        RegistrationFactory(meeting=meeting)
        MeetingFactory(group=group, starts_at=timezone.now() + LAST_MONTH)

    for _ in range(3):
        add()
    # départements and groups of the filter, upcoming, past count, past page
    with django_assert_num_queries(5):
        assert client.get("/reunions/").status_code == 200
    for _ in range(3):
        add()
    with django_assert_num_queries(5):
        client.get("/reunions/?departement=45")
