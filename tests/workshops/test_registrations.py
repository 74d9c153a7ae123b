"""Registration for a meeting: seats, the waiting list, cancelling, who may register."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cop.models import Notification
from tests.workshops.factories import MeetingFactory, RegistrationFactory, make_stakeholder
from workshops import notification_kinds as kinds
from workshops.models import Registration
from workshops.services.meetings import registration_cancel, registration_register

CONFIRMED, WAITING, CANCELLED = "confirmed", "waiting", "cancelled"


@pytest.fixture
def meeting(group):
    return MeetingFactory(group=group, capacity=2, title="Atelier logistique urbaine")


def people(count):
    return [make_stakeholder(f"acteur{index}@exemple.test") for index in range(count)]


def test_a_stakeholder_registers_and_holds_a_seat(client_of, stakeholder, meeting):
    response = client_of(stakeholder).post(f"/reunions/{meeting.pk}/inscription/", follow=True)

    registration = Registration.objects.get(meeting=meeting, user=stakeholder)
    assert registration.status == CONFIRMED
    html = response.content.decode()
    assert "Vous êtes inscrit à « Atelier logistique urbaine »." in html
    assert "Me désinscrire" in html


def test_when_seats_are_taken_the_next_person_waits_in_order(meeting):
    first, second, third, fourth = people(4)

    statuses = [
        registration_register(meeting=meeting, user=user).status
        for user in (first, second, third, fourth)
    ]

    assert statuses == [CONFIRMED, CONFIRMED, WAITING, WAITING]


def test_the_page_tells_a_waiting_person_their_position(client_of, meeting):
    first, second, third, fourth = people(4)
    for user in (first, second, third):
        registration_register(meeting=meeting, user=user)

    response = client_of(fourth).post(f"/reunions/{meeting.pk}/inscription/", follow=True)

    html = response.content.decode()
    assert "vous êtes sur la liste d’attente" in html
    assert "Vous êtes en position 2 sur la liste d’attente." in html
    assert "Quitter la liste d’attente" in html


def test_cancelling_a_seat_moves_the_earliest_waiting_person_up_and_tells_them(meeting):
    first, second, third, fourth = people(4)
    seat = registration_register(meeting=meeting, user=first)
    registration_register(meeting=meeting, user=second)
    registration_register(meeting=meeting, user=third)
    registration_register(meeting=meeting, user=fourth)

    promoted = registration_cancel(registration=seat)

    assert promoted.user == third
    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses == {
        first.email: CANCELLED,
        second.email: CONFIRMED,
        third.email: CONFIRMED,
        fourth.email: WAITING,
    }
    notification = Notification.objects.get(user=third)
    assert notification.kind == kinds.MEETING_SEAT
    assert "Une place s’est libérée" in notification.subject
    assert notification.url == f"/reunions/{meeting.pk}/"
    assert not Notification.objects.filter(user=fourth).exists()


def test_leaving_the_waiting_list_moves_nobody(meeting):
    first, second, third = people(3)
    registration_register(meeting=meeting, user=first)
    registration_register(meeting=meeting, user=second)
    waiting = registration_register(meeting=meeting, user=third)

    assert registration_cancel(registration=waiting) is None
    assert Registration.objects.filter(status=CONFIRMED).count() == 2
    assert not Notification.objects.exists()


def test_registering_again_after_cancelling_reuses_the_row_at_the_back_of_the_queue(meeting):
    first, second, third = people(3)
    seat = registration_register(meeting=meeting, user=first)
    registration_register(meeting=meeting, user=second)
    registration_cancel(registration=seat)
    registration_register(meeting=meeting, user=third)

    again = registration_register(meeting=meeting, user=first)

    assert again.pk == seat.pk
    assert again.status == WAITING
    assert Registration.objects.filter(user=first).count() == 1


def test_registering_twice_is_refused_and_changes_nothing(client_of, stakeholder, meeting):
    client = client_of(stakeholder)
    client.post(f"/reunions/{meeting.pk}/inscription/")

    response = client.post(f"/reunions/{meeting.pk}/inscription/", follow=True)

    assert "Vous êtes déjà inscrit à cette réunion." in response.content.decode()
    assert Registration.objects.filter(user=stakeholder).count() == 1


def test_a_past_meeting_takes_no_registration(stakeholder, group):
    past = MeetingFactory(group=group, starts_at=timezone.now() - dt.timedelta(days=2))

    with pytest.raises(ValidationError, match="terminée"):
        registration_register(meeting=past, user=stakeholder)


def test_a_meeting_without_capacity_never_fills(group):
    open_meeting = MeetingFactory(group=group, capacity=None)

    statuses = {registration_register(meeting=open_meeting, user=u).status for u in people(5)}

    assert statuses == {CONFIRMED}


def test_seats_freed_by_a_larger_capacity_go_to_those_waiting_before_a_newcomer(meeting):
    first, second, third, newcomer = people(4)
    for user in (first, second, third):
        registration_register(meeting=meeting, user=user)
    meeting.capacity = 3
    meeting.save()

    late = registration_register(meeting=meeting, user=newcomer)

    assert Registration.objects.get(user=third).status == CONFIRMED
    assert late.status == WAITING


def test_a_citizen_is_told_to_attach_their_account_first(client_of, citizen, meeting):
    page = client_of(citizen).get(f"/reunions/{meeting.pk}/").content.decode()
    assert "rattachez d’abord votre compte à une organisation" in page
    assert "M’inscrire" not in page

    response = client_of(citizen).post(f"/reunions/{meeting.pk}/inscription/")

    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_a_visitor_is_invited_to_log_in(visitor, meeting):
    page = visitor.get(f"/reunions/{meeting.pk}/").content.decode()
    assert "Connectez-vous pour vous inscrire" in page

    response = visitor.post(f"/reunions/{meeting.pk}/inscription/")
    assert response["Location"].startswith("/comptes/login/")


def test_cancelling_through_the_page(client_of, stakeholder, meeting):
    client = client_of(stakeholder)
    client.post(f"/reunions/{meeting.pk}/inscription/")

    response = client.post(f"/reunions/{meeting.pk}/desinscription/", follow=True)

    assert Registration.objects.get(user=stakeholder).status == CANCELLED
    assert "Votre inscription à « Atelier logistique urbaine » est annulée." in (
        response.content.decode()
    )


def test_cancelling_without_a_registration_says_so(client_of, stakeholder, meeting):
    response = client_of(stakeholder).post(f"/reunions/{meeting.pk}/desinscription/", follow=True)

    assert "Vous n’êtes pas inscrit à cette réunion." in response.content.decode()


def test_through_htmx_the_registration_box_comes_back(client_of, stakeholder, meeting):
    response = client_of(stakeholder).post(
        f"/reunions/{meeting.pk}/inscription/", headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert html.strip().startswith('<section id="meeting-registration"')
    assert "Vous êtes inscrit" in html
    assert "HX-Request" in response["Vary"]


def test_the_meeting_page_shows_the_seats_left(client_of, stakeholder, meeting):
    RegistrationFactory(meeting=meeting)

    html = client_of(stakeholder).get(f"/reunions/{meeting.pk}/").content.decode()

    assert "Il reste 1 place." in html
