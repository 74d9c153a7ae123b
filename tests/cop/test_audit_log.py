"""The audit log: one service records, staff read the page."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from cop import audit
from cop.models import AuditEvent, Organisation
from tests.factories import AuditEventFactory, NotificationFactory, OrganisationFactory

URL = reverse("cop:audit_log")


def test_record_keeps_who_did_what_to_which_object(staff, db):
    organisation = OrganisationFactory(name="CCI Centre-Val de Loire")

    event = audit.record(
        actor=staff, action="organisation.rename", target=organisation, before="CCI Centre"
    )

    event.refresh_from_db()
    assert event.actor == staff
    assert event.action == "organisation.rename"
    assert event.target_type == ContentType.objects.get_for_model(Organisation)
    assert event.target_id == str(organisation.pk)
    assert event.target_repr == "CCI Centre-Val de Loire"
    assert event.details == {"before": "CCI Centre"}


def test_the_log_still_reads_after_the_target_is_deleted(staff, db):
    organisation = OrganisationFactory(name="Organisation disparue")
    audit.record(actor=staff, action="organisation.delete", target=organisation)
    organisation.delete()

    assert AuditEvent.objects.get().target_repr == "Organisation disparue"


def test_an_anonymous_or_system_actor_is_recorded_as_nobody(db):
    event = audit.record(actor=AnonymousUser(), action="system.cleanup", target=None)
    assert event.actor is None
    assert event.target_type is None


def test_staff_see_the_events_newest_first(staff_client, db):
    AuditEventFactory(action="membership.approve", target_repr="Ancienne décision")
    AuditEventFactory(action="roadmap.publish", target_repr="Nouvelle décision")

    html = staff_client.get(URL).content.decode()

    assert html.index("Nouvelle décision") < html.index("Ancienne décision")
    assert "<caption>2 événements" in html


@pytest.mark.parametrize(
    ("action", "shown", "hidden"),
    [
        ("membership.approve", "Décision A", "Publication B"),
        ("membership", "Décision A", "Publication B"),  # by prefix
        ("roadmap.publish", "Publication B", "Décision A"),
    ],
)
def test_staff_filter_the_log_by_action(staff_client, db, action, shown, hidden):
    AuditEventFactory(action="membership.approve", target_repr="Décision A")
    AuditEventFactory(action="roadmap.publish", target_repr="Publication B")

    html = staff_client.get(URL, {"action": action}).content.decode()

    assert shown in html
    assert hidden not in html


def test_the_log_is_paginated_by_fifty(staff_client, db):
    AuditEventFactory.create_batch(51)

    first = staff_client.get(URL).content.decode()
    second = staff_client.get(URL, {"page": 2}).content.decode()

    assert first.count("<tr>") == 51  # header + 50 rows
    assert second.count("<tr>") == 2
    assert 'class="fr-pagination"' in first


def test_a_bad_page_number_gives_a_page_not_a_crash(staff_client, db):
    AuditEventFactory()
    for page in ["abc", "-3", "999"]:
        assert staff_client.get(URL, {"page": page}).status_code == 200


def test_the_filter_answers_htmx_with_the_results_only(staff_client, db):
    AuditEventFactory(action="membership.approve")
    response = staff_client.get(
        URL, {"action": "membership.approve"}, headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="results"')
    assert "HX-Request" in response["Vary"]


def test_the_log_costs_the_same_queries_for_three_events_or_more(
    staff_client, db, django_assert_num_queries
):
    AuditEventFactory.create_batch(3)
    AuditEventFactory(target_type=ContentType.objects.get_for_model(Organisation))
    AuditEventFactory(actor=None)

    with django_assert_num_queries(8):
        # 1 session, 2 user, 3 permission (a staff-level role assignment exists),
        # 4 actions for the filter, 5 count for the paginator,
        # 6 and 7 the counts of the email and task outboxes,
        # 8 the page of events with actors and target types
        response = staff_client.get(URL)
    assert response.status_code == 200


def test_only_agents_see_the_log(citizen_client, stakeholder_client, facilitator_client):
    for client in (citizen_client, stakeholder_client, facilitator_client):
        response = client.get(URL)
        assert response.status_code == 403
        assert "Le journal des actions est réservé" in response.content.decode()


def test_staff_see_the_emails_waiting_and_given_up_above_the_log(staff_client, citizen):
    NotificationFactory(user=citizen, frequency="immediately")
    NotificationFactory(user=citizen, frequency="immediately", attempts=8)

    page = staff_client.get("/suivi/journal/").content.decode()

    assert "1 courriel à envoyer maintenant" in page
    assert "1 courriel abandonné après plusieurs échecs" in page
