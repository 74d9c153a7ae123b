"""Every list costs the same number of queries whatever the number of rows."""

import pytest
from django.urls import reverse

from tests.workshops.factories import (
    CommentFactory,
    ContributionFactory,
    LeverFactory,
    OrganisationFactory,
    VerifiedUserFactory,
)


@pytest.fixture
def fill(group):
    levers = [LeverFactory(), LeverFactory()]

    def make(count):
        for _n in range(count):
            contribution = ContributionFactory(
                group=group,
                author=VerifiedUserFactory(),
                organisation=OrganisationFactory(),
            )
            contribution.levers.set(levers)

    return make


@pytest.mark.parametrize(
    "url",
    [
        reverse("workshops:contributions"),
        reverse("workshops:contributions") + "?type=proposal&groupe=mobilite&departement=",
        reverse("workshops:group_contributions", args=["mobilite"]),
    ],
)
def test_a_list_costs_the_same_queries_for_three_or_twenty_rows(
    client, fill, url, django_assert_num_queries
):
    fill(3)
    # the count, the page of contributions (author, organisation, group, meeting and
    # territory joined), their levers; the filters' groups, levers (with sectors),
    # départements; the group page looks its group up first.
    expected = 7 if "groupes" in url else 6
    with django_assert_num_queries(expected):
        client.get(url)
    fill(17)
    with django_assert_num_queries(expected):
        client.get(url)


def test_the_htmx_results_cost_the_same_queries_too(client, fill, django_assert_num_queries):
    url = reverse("workshops:contributions")
    fill(3)
    with django_assert_num_queries(6):
        client.get(url, headers={"HX-Request": "true"})
    fill(17)
    with django_assert_num_queries(6):
        client.get(url, headers={"HX-Request": "true"})


def test_a_contribution_page_costs_the_same_queries_however_many_comments(
    client_of, stakeholder, group, django_assert_num_queries
):
    contribution = ContributionFactory(group=group)
    client = client_of(stakeholder)

    def discuss(count):
        for _n in range(count):
            parent = CommentFactory(contribution=contribution, author=VerifiedUserFactory())
            CommentFactory(contribution=contribution, parent=parent, author=VerifiedUserFactory())

    discuss(3)
    # the contribution (joined) and its levers; session, user; moderator? (facilitator of
    # the group, staff); the comments and their replies; supported?; stakeholder? (for
    # commenting, for supporting).
    with django_assert_num_queries(11):
        client.get(contribution.get_absolute_url())
    discuss(10)
    with django_assert_num_queries(11):
        client.get(contribution.get_absolute_url())
