"""/profil/notifications/: each person chooses what they receive and sees what was sent."""

import pytest
from django.urls import reverse

from cop.models import NotificationPreference
from tests.factories import NotificationFactory, NotificationPreferenceFactory

URL = reverse("cop:notification_preferences")

ALL_DAILY = {
    "moderation": "daily",
    "reply": "daily",
    "meeting_reminder": "daily",
    "meeting_seat": "daily",
    "meeting_cancelled": "daily",
    "minutes_published": "daily",
    "group_contribution": "daily",
    "report_received": "daily",
    "membership": "daily",
}


def checked(html: str, kind: str, frequency: str) -> bool:
    """Whether the radio button of ``kind`` for ``frequency`` is checked."""
    start = html.index(f'name="{kind}" value="{frequency}"')
    tag = html[html.rindex("<input", 0, start) : html.index(">", start)]
    return " checked" in tag


def test_a_visitor_is_sent_to_the_login_page(visitor, db):
    response = visitor.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "persona", ["citizen", "stakeholder", "facilitator", "staff", "region_staff", "publisher"]
)
def test_every_signed_in_persona_chooses_their_notifications(persona, personas, client_of):
    html = client_of(personas[persona]).get(URL).content.decode()

    assert "<h1>Mes notifications</h1>" in html
    for legend in [
        "Modération de mes contenus",
        "Réponses à mes contributions",
        "Rappels de réunion la veille",
        "Comptes rendus publiés",
        "Nouvelles contributions dans mes groupes",
        "Places obtenues depuis la liste d’attente",
        "Réunions annulées",
        "Signalements à modérer",
        "Décisions sur mes demandes de rattachement",
    ]:
        assert legend in html
    for kind in ALL_DAILY:
        assert f'<fieldset class="fr-fieldset" id="id_{kind}-fieldset"' in html
    assert html.count('class="fr-radio-group"') == 3 * len(ALL_DAILY)
    assert "Quand quelqu’un commente une de vos contributions" in html
    assert "Dans un résumé quotidien, le matin" in html


def test_the_defaults_are_checked_before_any_choice(citizen_client):
    html = citizen_client.get(URL).content.decode()

    assert checked(html, "moderation", "immediately")
    assert checked(html, "group_contribution", "daily")
    assert not checked(html, "group_contribution", "immediately")


def test_a_person_saves_their_choices_and_is_told_so(citizen, citizen_client):
    response = citizen_client.post(URL, {**ALL_DAILY, "reply": "never"})

    assert response.status_code == 302
    assert response.url == URL
    html = citizen_client.get(URL).content.decode()
    assert "Vos préférences de notification sont enregistrées." in html
    assert checked(html, "reply", "never")
    assert checked(html, "moderation", "daily")
    assert NotificationPreference.objects.get(user=citizen, kind="reply").frequency == "never"


def test_an_unknown_choice_is_refused_in_french_and_changes_nothing(citizen, citizen_client):
    NotificationPreferenceFactory(user=citizen, kind="reply", frequency="never")

    response = citizen_client.post(URL, {**ALL_DAILY, "reply": "weekly"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Choisissez « Immédiatement », « Dans un résumé quotidien » ou « Jamais »." in html
    assert "fr-fieldset--error" in html
    assert NotificationPreference.objects.get(user=citizen, kind="reply").frequency == "never"
    assert NotificationPreference.objects.filter(user=citizen).count() == 1


def test_a_missing_choice_is_refused_in_french(citizen_client):
    incomplete = {kind: value for kind, value in ALL_DAILY.items() if kind != "membership"}

    response = citizen_client.post(URL, incomplete)

    assert response.status_code == 200
    assert "Choisissez à quel rythme vous voulez être prévenu." in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_the_recent_notifications_show_whether_they_were_sent(citizen, citizen_client):
    NotificationFactory(user=citizen, subject="Compte rendu publié", sent=True)
    NotificationFactory(user=citizen, subject="Contribution en attente", frequency="daily")
    NotificationFactory(
        user=citizen, kind="reply", subject="Réponse en cours d’envoi", frequency="immediately"
    )

    html = citizen_client.get(URL).content.decode()
    recent = html.split("Mes notifications récentes", 1)[1]

    assert "<caption>" in recent
    assert recent.index("Réponse en cours d’envoi") < recent.index("Compte rendu publié")
    assert "Envoyée" in recent
    assert "dans le prochain résumé quotidien" in recent
    assert "envoi en cours" in recent
    assert 'href="/groupes/mobilite/"' in recent


def test_only_the_last_twenty_of_my_own_notifications_are_listed(
    citizen, stakeholder, citizen_client, django_assert_num_queries
):
    for number in range(25):
        NotificationFactory(user=citizen, subject=f"Notification numéro {number:02d}")
    NotificationFactory(user=stakeholder, subject="Pour quelqu’un d’autre")

    # session, user, the user's choices, the 20 latest notifications
    with django_assert_num_queries(4):
        html = citizen_client.get(URL).content.decode()

    assert html.count("Notification numéro") == 20
    assert "Notification numéro 24" in html
    assert "Notification numéro 04" not in html
    assert "Pour quelqu’un d’autre" not in html


def test_a_person_without_notifications_is_told_so(citizen_client):
    html = citizen_client.get(URL).content.decode()
    assert "Aucune notification ne vous a encore été adressée." in html


def test_subjects_are_escaped(citizen, citizen_client):
    NotificationFactory(user=citizen, subject="<script>alert(1)</script>")
    html = citizen_client.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_profile_page_leads_to_the_notifications(citizen_client):
    html = citizen_client.get(reverse("cop:profile")).content.decode()
    assert f'href="{URL}"' in html


def test_the_page_has_a_breadcrumb_back_to_the_profile(citizen_client):
    html = citizen_client.get(URL).content.decode()
    assert f'href="{reverse("cop:profile")}"' in html
    assert "<title>Mes notifications" in html


def test_only_get_and_post_are_accepted(citizen_client):
    assert citizen_client.delete(URL).status_code == 405
