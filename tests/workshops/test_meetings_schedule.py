"""Facilitators schedule their group's sessions; agents also departmental meetings."""

import pytest

from cop.models import AuditEvent
from tests.workshops.factories import MeetingFactory, RegistrationFactory, cvl_departement
from workshops.models import Meeting, MeetingKind, Registration
from workshops.services.meetings import registration_register


def form(**fields):
    return {
        "kind": "group",
        "title": "Atelier n° 3 : vélo et intermodalité",
        "group": "",
        "departement": "",
        "starts_at": "2030-03-14T14:00",
        "ends_at": "2030-03-14T17:00",
        "place": "Hôtel de Région, Orléans",
        "online_url": "",
        "agenda": "1. Accueil",
        "capacity": "30",
    } | fields


def test_a_facilitator_schedules_a_session_of_their_group(client_of, group_facilitator, group):
    response = client_of(group_facilitator).post("/reunions/nouvelle/", form(group=group.pk))

    meeting = Meeting.objects.get()
    assert response["Location"] == f"/reunions/{meeting.pk}/"
    assert meeting.group == group
    assert meeting.created_by == group_facilitator
    assert meeting.starts_at.hour == 13  # 14:00 in Paris, stored in UTC
    assert AuditEvent.objects.filter(action="meeting.create").exists()


def test_a_facilitator_cannot_schedule_for_another_group(
    client_of, group_facilitator, other_group
):
    response = client_of(group_facilitator).post("/reunions/nouvelle/", form(group=other_group.pk))

    assert response.status_code == 400
    assert not Meeting.objects.exists()


def test_a_facilitator_cannot_schedule_a_departmental_meeting(client_of, group_facilitator):
    departement = cvl_departement("41")

    response = client_of(group_facilitator).post(
        "/reunions/nouvelle/", form(kind="departmental", departement=departement.code)
    )

    assert response.status_code == 400
    assert not Meeting.objects.exists()


def test_an_agent_schedules_a_departmental_meeting(client_of, staff):
    departement = cvl_departement("41")

    client_of(staff).post(
        "/reunions/nouvelle/",
        form(kind="departmental", departement=departement.code, title="Rencontre du Loir-et-Cher"),
    )

    meeting = Meeting.objects.get()
    assert meeting.kind == MeetingKind.DEPARTMENTAL
    assert meeting.departement == departement


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": ""}, "Donnez un titre à la réunion."),
        ({"ends_at": "2030-03-14T12:00"}, "La fin doit suivre le début de la réunion."),
        ({"place": "", "online_url": ""}, "Indiquez un lieu ou un lien de visioconférence."),
        ({"starts_at": "demain"}, "Indiquez une date et une heure valides"),
        ({"group": ""}, "Choisissez le groupe de travail de la séance."),
    ],
)
def test_bad_input_is_explained_in_french_and_nothing_is_saved(
    client_of, group_facilitator, group, fields, message
):
    data = form(group=group.pk) | fields

    response = client_of(group_facilitator).post("/reunions/nouvelle/", data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


# (The ``facilitator`` persona co-pilots a group of its own: it may schedule for it.)
@pytest.mark.parametrize("persona", ["citizen", "stakeholder"])
def test_others_may_not_schedule(request, client_of, persona):
    response = client_of(request.getfixturevalue(persona)).get("/reunions/nouvelle/")

    assert response.status_code == 403
    assert "programmées par l’animation des groupes" in response.content.decode()


def test_lowering_capacity_below_the_seats_taken_is_refused(client_of, group_facilitator, group):
    meeting = MeetingFactory(group=group, capacity=5)
    for _ in range(3):
        RegistrationFactory(meeting=meeting)

    response = client_of(group_facilitator).post(
        f"/reunions/{meeting.pk}/modifier/", form(group=group.pk, capacity="2")
    )

    assert response.status_code == 400
    assert "ne peut pas descendre en dessous" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.capacity == 5


def test_more_seats_move_the_waiting_list_up(client_of, group_facilitator, group, stakeholder):
    meeting = MeetingFactory(group=group, capacity=1)
    RegistrationFactory(meeting=meeting)
    waiting = registration_register(meeting=meeting, user=stakeholder)
    assert waiting.status == Registration.Status.WAITING

    client_of(group_facilitator).post(
        f"/reunions/{meeting.pk}/modifier/", form(group=group.pk, capacity="2")
    )

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED


def test_a_member_may_not_edit(client_of, member, group):
    meeting = MeetingFactory(group=group)

    assert client_of(member).get(f"/reunions/{meeting.pk}/modifier/").status_code == 403
