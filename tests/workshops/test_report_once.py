"""Anyone signed in reports a contribution or a comment, once, with a reason."""

import pytest
from django.urls import reverse

from tests.workshops.factories import CommentFactory, ContributionFactory
from workshops.models import Report


@pytest.fixture
def contribution(group):
    return ContributionFactory(group=group, title="Méthanisation collective")


def test_a_citizen_reports_a_contribution_with_a_reason(citizen_client, citizen, contribution):
    response = citizen_client.post(
        reverse("workshops:contribution_report", args=[contribution.pk]),
        {"reason": "Informations fausses sur le digestat."},
        follow=True,
    )

    assert "votre signalement est transmis" in response.content.decode()
    report = Report.objects.get()
    assert report.reporter == citizen
    assert report.contribution == contribution
    assert report.comment is None
    assert report.resolved_at is None


def test_a_second_report_by_the_same_person_is_refused_kindly(citizen_client, contribution):
    url = reverse("workshops:contribution_report", args=[contribution.pk])
    citizen_client.post(url, {"reason": "Hors sujet."})

    response = citizen_client.post(url, {"reason": "Vraiment hors sujet."})

    assert response.status_code == 200
    assert "Vous avez déjà signalé ce contenu" in response.content.decode()
    assert Report.objects.count() == 1


def test_a_report_needs_a_reason(citizen_client, contribution):
    response = citizen_client.post(
        reverse("workshops:contribution_report", args=[contribution.pk]), {"reason": " "}
    )

    assert "Indiquez le motif du signalement." in response.content.decode()
    assert not Report.objects.exists()


def test_a_comment_is_reported_on_its_own(citizen_client, contribution):
    comment = CommentFactory(contribution=contribution, body="Propos agressifs.")

    response = citizen_client.post(
        reverse("workshops:comment_report", args=[comment.pk]),
        {"reason": "Agressif."},
    )

    assert response.status_code == 302
    assert response.url.endswith(f"#commentaire-{comment.pk}")
    report = Report.objects.get()
    assert report.comment == comment
    assert report.contribution is None


def test_the_report_form_works_as_a_page(citizen_client, contribution):
    page = citizen_client.get(
        reverse("workshops:contribution_report", args=[contribution.pk])
    ).content.decode()

    assert "<h1>Signaler une contribution</h1>" in page
    assert 'name="reason"' in page


def test_a_visitor_is_asked_to_sign_in(client, contribution):
    response = client.post(
        reverse("workshops:contribution_report", args=[contribution.pk]), {"reason": "X"}
    )
    assert response.status_code == 302
    assert response.url.startswith("/comptes/login/")
    assert not Report.objects.exists()
