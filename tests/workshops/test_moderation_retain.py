"""Facilitators retain contributions for the roadmap: a badge, a filter, an audit row."""

import pytest
from django.urls import reverse

from cop.models import AuditEvent
from tests.workshops.factories import ContributionFactory


@pytest.fixture
def contribution(group):
    return ContributionFactory(group=group, title="Légumeries départementales")


def retain_url(contribution):
    return reverse("workshops:contribution_retain", args=[contribution.pk])


def test_a_facilitator_retains_a_contribution_and_it_shows(
    client, client_of, group_facilitator, contribution
):
    client_of(group_facilitator).post(retain_url(contribution), {"retenir": "1"})

    contribution.refresh_from_db()
    assert contribution.retained_at is not None
    assert contribution.retained_by == group_facilitator
    assert AuditEvent.objects.filter(action="contribution.retain").count() == 1
    page = client.get(contribution.get_absolute_url()).content.decode()
    assert "Retenue pour la feuille de route" in page


def test_the_retained_filter_lists_only_retained_contributions(
    client, client_of, group_facilitator, contribution, group
):
    ContributionFactory(group=group, title="Pas encore retenue")
    client_of(group_facilitator).post(retain_url(contribution), {"retenir": "1"})

    page = client.get(reverse("workshops:contributions") + "?statut=retenues").content.decode()

    assert "Légumeries départementales" in page
    assert "Pas encore retenue" not in page


def test_the_mark_can_be_withdrawn(client_of, staff, contribution):
    client = client_of(staff)
    client.post(retain_url(contribution), {"retenir": "1"})

    client.post(retain_url(contribution), {"retenir": "0"})

    contribution.refresh_from_db()
    assert contribution.retained_at is None
    assert AuditEvent.objects.filter(action="contribution.unretain").count() == 1


def test_retaining_twice_says_so_and_audits_once(client_of, staff, contribution):
    client = client_of(staff)
    client.post(retain_url(contribution), {"retenir": "1"})

    response = client.post(retain_url(contribution), {"retenir": "1"}, follow=True)

    assert "pas encore retenue peut être retenue" in response.content.decode()
    assert AuditEvent.objects.filter(action="contribution.retain").count() == 1


def test_a_member_cannot_retain(client_of, member, contribution):
    response = client_of(member).post(retain_url(contribution), {"retenir": "1"})

    assert response.status_code == 403
    contribution.refresh_from_db()
    assert contribution.retained_at is None
