"""A report tells those who moderate the reported content; the header leads them to the queue."""

import pytest
from django.urls import reverse

from cop.models import Notification, Side
from tests.factories import VerifiedUserFactory
from tests.workshops.factories import (
    CommentFactory,
    ContributionFactory,
    GroupFacilitatorFactory,
)
from workshops import notification_kinds as kinds

QUEUE = reverse("workshops:moderation")


@pytest.fixture
def contribution(group):
    return ContributionFactory(group=group, title="Méthanisation collective")


@pytest.fixture
def co_pilot(group):
    user = VerifiedUserFactory(email="copilote@exemple.test")
    GroupFacilitatorFactory(group=group, user=user, side=Side.REGION)
    return user


def report(client, url):
    return client.post(url, {"reason": "Propos injurieux envers un élu."}, follow=True)


def test_a_reported_contribution_notifies_each_facilitator_of_its_group_once(
    citizen_client,
    contribution,
    group_facilitator,
    co_pilot,
    staff,
    other_group,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    # A facilitator of another group, and staff, are not told about this group's reports.
    outsider = VerifiedUserFactory(email="ailleurs@exemple.test")
    GroupFacilitatorFactory(group=other_group, user=outsider, side=Side.STATE)

    with django_capture_on_commit_callbacks(execute=True):
        report(citizen_client, reverse("workshops:contribution_report", args=[contribution.pk]))

    notified = Notification.objects.filter(kind=kinds.REPORT_RECEIVED)
    assert sorted(n.user.email for n in notified) == sorted(
        [group_facilitator.email, co_pilot.email]
    )
    first = notified.first()
    assert first.subject == "Contribution signalée : « Méthanisation collective »"
    assert "Propos injurieux envers un élu." in first.body
    assert first.url == QUEUE
    assert first.target_id == contribution.pk
    assert sorted(m.to[0] for m in mailoutbox) == sorted([group_facilitator.email, co_pilot.email])


def test_a_reported_comment_points_at_the_comment(citizen_client, contribution, group_facilitator):
    comment = CommentFactory(contribution=contribution)

    report(citizen_client, reverse("workshops:comment_report", args=[comment.pk]))

    notification = Notification.objects.get(kind=kinds.REPORT_RECEIVED)
    assert notification.user == group_facilitator
    assert notification.target_id == comment.pk
    assert notification.target_type.model == "comment"
    assert "Commentaire signalé" in notification.subject


def test_a_report_without_group_notifies_staff(citizen_client, staff, region_staff):
    contribution = ContributionFactory(group=None, title="Hors groupe")

    report(citizen_client, reverse("workshops:contribution_report", args=[contribution.pk]))

    notified = {n.user for n in Notification.objects.filter(kind=kinds.REPORT_RECEIVED)}
    assert notified == {staff, region_staff}


def test_a_refused_second_report_notifies_nobody_again(
    citizen_client, contribution, group_facilitator
):
    url = reverse("workshops:contribution_report", args=[contribution.pk])
    report(citizen_client, url)
    report(citizen_client, url)

    assert Notification.objects.filter(kind=kinds.REPORT_RECEIVED).count() == 1


def test_a_facilitator_who_reports_is_not_told_of_their_own_report(
    client_of, contribution, group_facilitator, co_pilot
):
    report(
        client_of(group_facilitator),
        reverse("workshops:contribution_report", args=[contribution.pk]),
    )

    notified = [n.user for n in Notification.objects.filter(kind=kinds.REPORT_RECEIVED)]
    assert notified == [co_pilot]


# --- The header link ------------------------------------------------------------------------

LINK = f'href="{QUEUE}">Modération</a>'


@pytest.mark.parametrize(
    ("persona", "sees_link"),
    [
        ("citizen", False),
        ("stakeholder", False),
        ("facilitator", True),  # the persona facilitates a group of its own
        ("staff", True),
        ("region_staff", True),
        ("publisher", True),
    ],
)
def test_the_header_links_to_the_moderation_queue_for_those_who_moderate(
    persona, sees_link, personas, client_of
):
    client = client_of(personas[persona])
    html = client.get("/").content.decode()

    assert (LINK in html) is sees_link
    if sees_link:
        assert client.get(QUEUE).status_code == 200


def test_a_group_facilitator_sees_the_moderation_link(client_of, group_facilitator):
    client = client_of(group_facilitator)

    assert LINK in client.get("/").content.decode()
    assert client.get(QUEUE).status_code == 200


def test_a_visitor_sees_no_moderation_link(visitor, db):
    assert LINK not in visitor.get("/").content.decode()
