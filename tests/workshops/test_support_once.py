"""A support counts once per person, however often the button is pressed."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.workshops.factories import ContributionFactory, SupportFactory
from workshops.models import Support
from workshops.services.contributions import support_add, support_remove


@pytest.fixture
def contribution(group):
    return ContributionFactory(group=group, title="Bois-énergie en Sologne")


def support_url(contribution):
    return reverse("workshops:support", args=[contribution.pk])


def test_supporting_twice_counts_once(client_of, stakeholder, contribution):
    client = client_of(stakeholder)

    client.post(support_url(contribution))
    client.post(support_url(contribution))

    contribution.refresh_from_db()
    assert contribution.support_count == 1
    assert Support.objects.count() == 1


def test_the_service_says_whether_it_added_the_support(stakeholder, contribution):
    assert support_add(contribution=contribution, user=stakeholder) is True
    assert support_add(contribution=contribution, user=stakeholder) is False
    contribution.refresh_from_db()
    assert contribution.support_count == 1


def test_the_database_refuses_a_second_support_row(stakeholder, contribution):
    SupportFactory(contribution=contribution, user=stakeholder)
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(contribution=contribution, user=stakeholder)


def test_withdrawing_a_support_counts_down_once(client_of, stakeholder, contribution):
    client = client_of(stakeholder)
    client.post(support_url(contribution))

    client.post(support_url(contribution), {"action": "remove"})
    client.post(support_url(contribution), {"action": "remove"})

    contribution.refresh_from_db()
    assert contribution.support_count == 0
    assert not Support.objects.exists()
    assert support_remove(contribution=contribution, user=stakeholder) is False


def test_the_button_answers_htmx_with_its_partial(client_of, stakeholder, contribution):
    response = client_of(stakeholder).post(
        support_url(contribution), headers={"HX-Request": "true"}
    )

    page = response.content.decode()
    assert page.lstrip().startswith('<div id="support"')
    assert "1 soutien" in page
    assert "Retirer mon soutien" in page
    assert "HX-Request" in response["Vary"]


def test_without_javascript_the_button_comes_back_to_the_page(
    client_of, stakeholder, contribution
):
    response = client_of(stakeholder).post(support_url(contribution), follow=True)

    assert response.redirect_chain[-1][0] == contribution.get_absolute_url() + "#soutien"
    page = response.content.decode()
    assert "Vous soutenez cette contribution." in page
    assert "1 soutien" in page


def test_a_hidden_contribution_cannot_be_supported(client_of, stakeholder, contribution):
    contribution.status = "hidden"
    contribution.moderation_reason = "Publicité."
    contribution.save()

    response = client_of(stakeholder).post(support_url(contribution))

    assert response.status_code == 404  # as if it did not exist: nothing to enumerate
    contribution.refresh_from_db()
    assert contribution.support_count == 0
