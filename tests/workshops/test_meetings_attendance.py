"""The attendance list: for the group's facilitators and agents, with a CSV export."""

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone

from cop.models import College
from tests.factories import MembershipFactory, OrganisationFactory, VerifiedUserFactory
from tests.workshops.factories import MeetingFactory, RegistrationFactory, cvl_departement
from workshops.models import MeetingKind, Registration


@pytest.fixture
def meeting(group):
    """A session that started an hour ago."""
    return MeetingFactory(group=group, starts_at=timezone.now() - dt.timedelta(hours=1))


def registrant(meeting, first, last, organisation=None, college=College.ASSOCIATIONS, **fields):
    user = VerifiedUserFactory(
        first_name=first, last_name=last, email=f"{first.lower()}@exemple.test"
    )
    if organisation:
        MembershipFactory(
            user=user,
            organisation=OrganisationFactory(name=organisation, college=college),
            approved=True,
        )
    return RegistrationFactory(meeting=meeting, user=user, **fields)


def test_the_facilitator_sees_who_registered_with_their_organisation(
    client_of, group_facilitator, meeting
):
    registrant(meeting, "Émilie", "Gauthier", "Graine Centre-Val de Loire")
    registrant(meeting, "Hugo", "Robin", status=Registration.Status.WAITING)

    response = client_of(group_facilitator).get(f"/reunions/{meeting.pk}/presences/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Émilie Gauthier" in html
    assert "Graine Centre-Val de Loire" in html
    assert "Associations et collectifs citoyens" in html
    assert "en liste d’attente" in html
    assert "1 personne inscrite" in html


@pytest.mark.parametrize("persona", ["citizen", "stakeholder", "member", "facilitator"])
def test_others_are_refused_with_the_reason(request, client_of, meeting, persona):
    user = request.getfixturevalue(persona)

    for url in (f"/reunions/{meeting.pk}/presences/", f"/reunions/{meeting.pk}/presences.csv"):
        response = client_of(user).get(url)
        assert response.status_code == 403
        assert "réservée à l’animation du groupe" in response.content.decode()


def test_for_a_departmental_meeting_only_agents_see_it(client_of, group_facilitator, staff):
    departmental = MeetingFactory(
        kind=MeetingKind.DEPARTMENTAL, group=None, departement=cvl_departement("41")
    )

    assert (
        client_of(group_facilitator).get(f"/reunions/{departmental.pk}/presences/").status_code
        == 403
    )
    assert client_of(staff).get(f"/reunions/{departmental.pk}/presences/").status_code == 200


def test_the_csv_opens_in_a_french_spreadsheet_with_accents(client_of, staff, meeting):
    registrant(meeting, "Émilie", "Gauthier", "Graine Centre-Val de Loire", attended=True)
    registrant(meeting, "Hugo", "Robin", status=Registration.Status.WAITING)

    response = client_of(staff).get(f"/reunions/{meeting.pk}/presences.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    raw = response.getvalue()
    assert raw.startswith("\ufeff".encode())  # the BOM Excel needs for UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["nom", "prénom", "courriel", "organisation", "collège", "statut", "présent"]
    assert rows[1] == [
        "Gauthier",
        "Émilie",
        "émilie@exemple.test",
        "Graine Centre-Val de Loire",
        "Associations et collectifs citoyens",
        "inscrit",
        "oui",
    ]
    assert rows[2][5:] == ["en liste d’attente", ""]


def test_a_facilitator_marks_people_present_or_absent(client_of, group_facilitator, meeting):
    emilie = registrant(meeting, "Émilie", "Gauthier")
    hugo = registrant(meeting, "Hugo", "Robin")
    client = client_of(group_facilitator)

    client.post(f"/reunions/{meeting.pk}/presences/{emilie.pk}/", {"attended": "yes"})
    client.post(f"/reunions/{meeting.pk}/presences/{hugo.pk}/", {"attended": "no"})

    emilie.refresh_from_db()
    hugo.refresh_from_db()
    assert emilie.attended is True
    assert hugo.attended is False


def test_through_htmx_the_row_comes_back_marked(client_of, group_facilitator, meeting):
    emilie = registrant(meeting, "Émilie", "Gauthier")

    response = client_of(group_facilitator).post(
        f"/reunions/{meeting.pk}/presences/{emilie.pk}/",
        {"attended": "yes"},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert html.strip().startswith(f'<tr id="registration-{emilie.pk}"')
    assert "Noté présent" in html


def test_attendance_waits_for_the_meeting_to_start(client_of, group_facilitator, group):
    upcoming = MeetingFactory(group=group)
    emilie = registrant(upcoming, "Émilie", "Gauthier")

    response = client_of(group_facilitator).post(
        f"/reunions/{upcoming.pk}/presences/{emilie.pk}/", {"attended": "yes"}, follow=True
    )

    assert "La présence se note à partir du début de la réunion." in response.content.decode()
    emilie.refresh_from_db()
    assert emilie.attended is None


def test_a_waiting_person_cannot_be_marked_present(client_of, group_facilitator, meeting):
    hugo = registrant(meeting, "Hugo", "Robin", status=Registration.Status.WAITING)

    response = client_of(group_facilitator).post(
        f"/reunions/{meeting.pk}/presences/{hugo.pk}/", {"attended": "yes"}, follow=True
    )

    assert "Seules les personnes inscrites" in response.content.decode()
    hugo.refresh_from_db()
    assert hugo.attended is None


def test_a_member_cannot_mark_attendance(client_of, member, meeting):
    emilie = registrant(meeting, "Émilie", "Gauthier")

    response = client_of(member).post(
        f"/reunions/{meeting.pk}/presences/{emilie.pk}/", {"attended": "yes"}
    )

    assert response.status_code == 403


def test_the_list_costs_the_same_queries_with_more_people(
    client_of, group_facilitator, meeting, django_assert_num_queries
):
    client = client_of(group_facilitator)
    for index in range(3):
        registrant(meeting, f"Personne{index}", "Martin", f"Organisation {index}")
    client.get(f"/reunions/{meeting.pk}/presences/")

    # session, user, meeting (+ attachments), permission (facilitator),
    # registrations with users, their organisations
    with django_assert_num_queries(7):
        client.get(f"/reunions/{meeting.pk}/presences/")
    for index in range(3, 6):
        registrant(meeting, f"Personne{index}", "Martin", f"Organisation {index}")
    with django_assert_num_queries(7):
        assert client.get(f"/reunions/{meeting.pk}/presences/").status_code == 200


def test_a_name_typed_as_a_formula_stays_text_in_the_csv(client_of, staff, meeting):
    registrant(meeting, '=HYPERLINK("https://exemple.test")', "Piège")

    raw = (
        client_of(staff)
        .get(f"/reunions/{meeting.pk}/presences.csv")
        .getvalue()
        .decode("utf-8-sig")
    )

    row = list(csv.reader(io.StringIO(raw), delimiter=";"))[1]
    assert row[1] == '\'=HYPERLINK("https://exemple.test")'


def test_row_ids_are_not_written_with_a_thousands_separator(client_of, staff, meeting):
    big = registrant(meeting, "Émilie", "Gauthier", pk=12345)

    html = client_of(staff).get(f"/reunions/{meeting.pk}/presences/").content.decode()

    assert f'id="registration-{big.pk}"' in html
    assert f'data-hx-target="#registration-{big.pk}"' in html
