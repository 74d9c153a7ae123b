"""A meeting's page: when, where, agenda, seats, the calendar file, the minutes."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from tests.html_safety import dangerous_markup
from tests.workshops.factories import MeetingFactory, RegistrationFactory, cvl_departement
from workshops.models import MeetingKind

PARIS = ZoneInfo("Europe/Paris")


def test_the_page_says_when_where_and_what(visitor, group):
    meeting = MeetingFactory(
        group=group,
        title="Atelier logistique urbaine",
        starts_at=dt.datetime(2030, 3, 14, 14, 0, tzinfo=PARIS),
        ends_at=dt.datetime(2030, 3, 14, 17, 0, tzinfo=PARIS),
        place="Préfecture d’Indre-et-Loire, Tours",
        online_url="https://webconf.exemple.test/atelier",
        agenda="1. Accueil\n2. **Ateliers** en sous-groupes",
        capacity=30,
    )
    RegistrationFactory(meeting=meeting)

    response = visitor.get(f"/reunions/{meeting.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Atelier logistique urbaine</h1>" in html
    assert "jeudi 14 mars 2030" in html
    assert "de 14h00 à 17h00" in html
    assert "Préfecture d’Indre-et-Loire, Tours" in html
    assert 'href="https://webconf.exemple.test/atelier"' in html
    assert "<strong>Ateliers</strong>" in html
    assert "1 sur 30 prises" in html
    assert f'href="/reunions/{meeting.pk}/reunion.ics"' in html
    assert 'href="/groupes/mobilite/"' in html


def test_a_departmental_meeting_names_its_departement(visitor, db):
    meeting = MeetingFactory(
        kind=MeetingKind.DEPARTMENTAL, group=None, departement=cvl_departement("36")
    )

    html = visitor.get(f"/reunions/{meeting.pk}/").content.decode()

    assert "rencontre départementale" in html.lower()
    assert "Indre (36)" in html


def test_a_past_meeting_without_minutes_says_they_will_come(visitor, group):
    meeting = MeetingFactory(group=group, starts_at=timezone.now() - dt.timedelta(days=3))

    html = visitor.get(f"/reunions/{meeting.pk}/").content.decode()

    assert "Le compte rendu de cette réunion n’est pas encore publié." in html
    assert "les inscriptions sont closes" in html


def test_unpublished_minutes_text_stays_hidden(visitor, group):
    meeting = MeetingFactory(
        group=group,
        starts_at=timezone.now() - dt.timedelta(days=3),
        minutes="Brouillon confidentiel",
    )

    assert "Brouillon confidentiel" not in visitor.get(f"/reunions/{meeting.pk}/").content.decode()


def test_markdown_of_agenda_and_minutes_comes_out_inert(visitor, group):
    meeting = MeetingFactory(
        group=group,
        starts_at=timezone.now() - dt.timedelta(days=3),
        agenda='<script>alert(1)</script>[a](javascript:alert(1)) <img src=x onerror="alert(1)">',
        minutes="<iframe src='https://exemple.test'></iframe>[x](javascript:alert(2))",
        minutes_published_at=timezone.now(),
    )

    html = visitor.get(f"/reunions/{meeting.pk}/").content.decode()
    main = html.split('<main id="content"')[1].split("</main>")[0]

    assert dangerous_markup(main) == []


def test_an_unknown_meeting_is_a_404(visitor, db):
    assert visitor.get("/reunions/123456/").status_code == 404
