"""The author edits a contribution; once moderated, every edit is audited."""

import pytest
from django.urls import reverse

from cop.models import AuditEvent
from territories.reference import reference_of
from tests.territories.factories import DepartementFactory, RegionFactory
from tests.workshops.factories import ContributionFactory, LeverFactory, make_member
from workshops.models import Contribution


@pytest.fixture
def author(group):
    return make_member(group, "autrice@exemple.test")


@pytest.fixture
def contribution(group, author, settings):
    settings.COP_REGION_CODE = "24"
    loiret = DepartementFactory(
        code="45", name="Loiret", region=RegionFactory(code="24", name="Centre-Val de Loire")
    )
    made = ContributionFactory(
        group=group,
        author=author,
        title="Titre d’origine",
        body="Texte d’origine",
        territory=reference_of(loiret),
    )
    made.levers.add(LeverFactory(slug="augm_covoit", name="Covoiturage"))
    return made


def edit_url(contribution):
    return reverse("workshops:contribution_edit", args=[contribution.pk])


def test_the_form_comes_filled_with_the_contribution(client_of, author, contribution):
    page = client_of(author).get(edit_url(contribution)).content.decode()

    assert 'value="Titre d’origine"' in page
    assert "Texte d’origine</textarea>" in page
    assert 'value="Loiret — département (45)"' in page
    assert "checked" in page.split("Covoiturage")[0].rsplit("<input", 1)[1]


def test_an_edit_before_any_moderation_is_not_audited(client_of, author, contribution):
    response = client_of(author).post(
        edit_url(contribution),
        {"kind": "obstacle", "title": "Nouveau titre", "body": "Nouveau texte", "territory": ""},
    )

    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.title == "Nouveau titre"
    assert contribution.kind == "obstacle"
    assert contribution.territory is None
    assert list(contribution.levers.all()) == []
    assert not AuditEvent.objects.exists()


def test_an_edit_after_moderation_is_audited_with_the_previous_text(
    client_of, author, contribution, group_facilitator
):
    client_of(group_facilitator).post(
        reverse("workshops:contribution_moderate", args=[contribution.pk]),
        {"reason": "Injurieux."},
    )

    client_of(author).post(
        edit_url(contribution),
        {"kind": "proposal", "title": "Titre corrigé", "body": "Texte corrigé"},
    )

    event = AuditEvent.objects.get(action="contribution.edit")
    assert event.actor == author
    assert event.details["previous_title"] == "Titre d’origine"
    assert event.details["previous_body"] == "Texte d’origine"
    assert event.details["status"] == "hidden"
    contribution.refresh_from_db()
    assert contribution.status == "hidden"  # the moderation decides whether to restore it


def test_a_merged_contribution_can_no_longer_be_edited(client_of, author, contribution, group):
    target = ContributionFactory(group=group)
    Contribution.objects.filter(pk=contribution.pk).update(status="merged", merged_into=target)

    response = client_of(author).get(edit_url(contribution))

    assert response.status_code == 403


def test_an_invalid_edit_changes_nothing(client_of, author, contribution):
    response = client_of(author).post(
        edit_url(contribution), {"kind": "proposal", "title": "", "body": "Texte"}
    )

    assert "Donnez un titre à votre contribution." in response.content.decode()
    contribution.refresh_from_db()
    assert contribution.title == "Titre d’origine"
