"""Minutes: published once after the meeting, with attachments and structured outputs."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cop.models import AuditEvent, Notification
from tests.workshops.factories import MeetingFactory, RegistrationFactory, cvl_departement
from workshops import notification_kinds as kinds
from workshops.models import Contribution, MeetingKind, Registration

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def meeting(group):
    return MeetingFactory(
        group=group,
        title="Atelier covoiturage",
        starts_at=timezone.now() - dt.timedelta(days=2),
        departement=cvl_departement("45"),
    )


def publish(client, meeting, **data):
    payload = {
        "minutes": "## Ce qui a été dit\nLe covoiturage progresse.",
        "initiatives": "",
        "obstacles": "",
        "proposals": "",
    } | data
    return client.post(f"/reunions/{meeting.pk}/compte-rendu/", payload)


def test_a_facilitator_publishes_the_minutes_which_become_public(
    client_of, group_facilitator, meeting, visitor
):
    response = publish(client_of(group_facilitator), meeting)

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_published_at is not None
    html = visitor.get(f"/reunions/{meeting.pk}/").content.decode()
    assert "Le covoiturage progresse." in html
    assert "<h2>Ce qui a été dit</h2>" in html or "Ce qui a été dit</h" in html


def test_each_line_of_outputs_becomes_a_contribution_linked_to_the_meeting(
    client_of, group_facilitator, meeting, group, visitor
):
    publish(
        client_of(group_facilitator),
        meeting,
        initiatives="- Lignes de covoiturage de Chartres : trois lignes balisées\n\n",
        obstacles="Manque d’ingénierie\nStationnement vélo insuffisant",
        proposals="Fonds d’amorçage des lignes",
    )

    contributions = Contribution.objects.order_by("pk")
    assert [(c.kind, c.title) for c in contributions] == [
        ("initiative", "Lignes de covoiturage de Chartres"),
        ("obstacle", "Manque d’ingénierie"),
        ("obstacle", "Stationnement vélo insuffisant"),
        ("proposal", "Fonds d’amorçage des lignes"),
    ]
    first = contributions[0]
    assert first.meeting == meeting
    assert first.group == group
    assert first.author == group_facilitator
    assert (first.territory.kind, first.territory.code) == ("departement", "45")
    assert first.body.startswith("trois lignes balisées")
    assert "Atelier covoiturage" in first.body
    html = visitor.get(f"/reunions/{meeting.pk}/").content.decode()
    assert "Ce qui est ressorti de la réunion" in html
    assert "Stationnement vélo insuffisant" in html


def test_registrants_are_told_the_minutes_are_out(client_of, group_facilitator, meeting):
    seat = RegistrationFactory(meeting=meeting)
    waiting = RegistrationFactory(meeting=meeting, status=Registration.Status.WAITING)

    publish(client_of(group_facilitator), meeting)

    notified = Notification.objects.filter(kind=kinds.MINUTES_PUBLISHED)
    assert [n.user for n in notified] == [seat.user]
    assert "Atelier covoiturage" in notified[0].subject
    assert notified[0].url == f"/reunions/{meeting.pk}/"
    assert not Notification.objects.filter(user=waiting.user).exists()


def test_publishing_is_audited(client_of, group_facilitator, meeting):
    publish(client_of(group_facilitator), meeting, proposals="Une proposition")

    event = AuditEvent.objects.get(action="meeting.minutes_publish")
    assert event.actor == group_facilitator
    assert event.details["contributions"] == 1


def test_attachments_of_accepted_formats_are_kept(client_of, group_facilitator, meeting, visitor):
    publish(
        client_of(group_facilitator),
        meeting,
        attachments=[
            SimpleUploadedFile("diaporama.pdf", PDF, content_type="application/pdf"),
            SimpleUploadedFile("photo-atelier.png", PNG, content_type="image/png"),
        ],
    )

    titles = sorted(meeting.attachments.values_list("title", flat=True))
    assert titles == ["diaporama", "photo-atelier"]
    assert "diaporama" in visitor.get(f"/reunions/{meeting.pk}/").content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ\x90\x00", "ce type de fichier n’est pas accepté"),
        ("page.html", b"<script>alert(1)</script>", "ce type de fichier n’est pas accepté"),
        ("faux.pdf", b"<html>pas un pdf</html>", "n’est pas un fichier PDF valide"),
        ("faux.docx", b"%PDF-1.4", "n’est pas un fichier DOCX valide"),
        ("vide.csv", b"", "vide"),
    ],
)
def test_a_refused_attachment_is_explained_and_nothing_is_published(
    client_of, group_facilitator, meeting, name, content, message
):
    response = publish(
        client_of(group_facilitator),
        meeting,
        proposals="Une proposition",
        attachments=[SimpleUploadedFile(name, content)],
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_published_at is None
    assert not Contribution.objects.exists()
    assert not meeting.attachments.exists()


def test_an_attachment_over_10_mo_is_refused(client_of, group_facilitator, meeting):
    big = SimpleUploadedFile("lourd.pdf", PDF + b"0" * (10 * 1024 * 1024))

    response = publish(client_of(group_facilitator), meeting, attachments=[big])

    assert response.status_code == 400
    assert "un fichier ne doit pas dépasser 10 Mo" in response.content.decode()


def test_empty_minutes_are_refused_in_french(client_of, group_facilitator, meeting):
    response = publish(client_of(group_facilitator), meeting, minutes="   ")

    assert response.status_code == 400
    assert "Rédigez le compte rendu avant de le publier." in response.content.decode()


def test_minutes_are_published_once(client_of, group_facilitator, meeting):
    client = client_of(group_facilitator)
    publish(client, meeting, proposals="Une proposition")

    response = publish(client, meeting, minutes="Autre texte", proposals="Encore une")

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert "Le covoiturage progresse." in meeting.minutes
    assert Contribution.objects.count() == 1


def test_minutes_wait_for_the_meeting(client_of, group_facilitator, group):
    upcoming = MeetingFactory(group=group)

    response = publish(client_of(group_facilitator), upcoming)

    assert response.status_code == 400
    assert "une fois la réunion commencée" in response.content.decode()
    upcoming.refresh_from_db()
    assert upcoming.minutes_published_at is None


@pytest.mark.parametrize("persona", ["stakeholder", "member", "facilitator", "citizen"])
def test_others_may_not_publish(request, client_of, meeting, persona):
    response = publish(client_of(request.getfixturevalue(persona)), meeting)

    assert response.status_code == 403
    assert "Le compte rendu est publié par l’animation du groupe" in response.content.decode()


def test_an_agent_publishes_a_departmental_meetings_minutes(client_of, staff):
    departmental = MeetingFactory(
        kind=MeetingKind.DEPARTMENTAL,
        group=None,
        departement=cvl_departement("18"),
        starts_at=timezone.now() - dt.timedelta(days=1),
    )

    publish(client_of(staff), departmental, obstacles="Peu d’ingénierie locale")

    contribution = Contribution.objects.get()
    assert contribution.meeting == departmental
    assert contribution.group is None
    assert contribution.territory.code == "18"


def test_the_meeting_page_offers_the_form_to_facilitators_only(
    client_of, group_facilitator, member, meeting
):
    url = f"/reunions/{meeting.pk}/"
    assert "Publier le compte rendu" in client_of(group_facilitator).get(url).content.decode()
    assert "Publier le compte rendu" not in client_of(member).get(url).content.decode()
    assert client_of(group_facilitator).get(f"{url}compte-rendu/").status_code == 200
