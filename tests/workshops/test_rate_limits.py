"""Per-person limits on what people post: a French message, what was typed kept, nothing written.

The platform's limits are generous (10 contributions an hour...); the tests lower
them to two so that they stay short.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from config import settings as config_settings
from tests.workshops.factories import (
    ContributionFactory,
    MeetingFactory,
    make_member,
    make_stakeholder,
)
from workshops.models import Comment, Contribution, GroupFollow, Registration, Report, Support

ROOT = Path(__file__).resolve().parents[2]
LIMITED = "Trop d’envois en peu de temps"
HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def _low_limits(settings):
    settings.COP_RATE_LIMITS = {
        **settings.COP_RATE_LIMITS,
        "contribution": "2/h",
        "comment": "2/10m",
        "support": "2/10m",
        "report": "2/h",
        "group": "2/h",
        "registration": "2/h",
    }


@pytest.fixture
def contributions(group):
    author = make_stakeholder("autrice@exemple.test")
    return [ContributionFactory(group=group, author=author, title=f"Idée {n}") for n in range(3)]


def post_contribution(client, title):
    return client.post(
        reverse("workshops:contribution_create") + "?groupe=mobilite",
        {"kind": "initiative", "title": title, "body": "Des arrêts balisés."},
    )


def test_the_platform_limits_each_kind_of_post_generously():
    limits = config_settings.COP_RATE_LIMITS  # as read at start-up, before the fixture

    assert limits["contribution"] == "10/h"
    assert limits["comment"] == "30/10m"
    assert limits["support"] == "60/10m"
    assert limits["report"] == "20/h"


def test_past_the_limit_a_contribution_comes_back_with_what_was_typed_and_why(
    client_of, member, group
):
    client = client_of(member)
    post_contribution(client, "Première")
    post_contribution(client, "Deuxième")

    response = post_contribution(client, "Lignes de covoiturage du Perche")

    assert response.status_code == 429
    page = response.content.decode()
    assert LIMITED in page
    assert "limitée à 2 en 1 heure" in page
    assert 'value="Lignes de covoiturage du Perche"' in page
    assert Contribution.objects.count() == 2


def test_the_limit_is_per_person_not_for_everyone(client_of, member, group):
    client = client_of(member)
    for title in ("Une", "Deux", "Trois"):
        post_contribution(client, title)

    colleague = make_member(group, "collegue@exemple.test")
    response = post_contribution(client_of(colleague), "La mienne")

    assert response.status_code == 302
    assert Contribution.objects.filter(author=colleague).count() == 1


def test_a_refused_form_does_not_use_up_the_allowance(client_of, member, group):
    client = client_of(member)
    for _ in range(3):
        post_contribution(client, "")  # no title: refused by the form itself

    post_contribution(client, "Une")
    response = post_contribution(client, "Deux")

    assert response.status_code == 302
    assert Contribution.objects.count() == 2


def test_past_the_limit_a_comment_through_htmx_shows_the_message_and_keeps_the_text(
    client_of, stakeholder, contributions
):
    client = client_of(stakeholder)
    contribution = contributions[0]
    url = reverse("workshops:comment_create", args=[contribution.pk])
    client.post(url, {"body": "Un."}, headers=HTMX)
    client.post(url, {"body": "Deux."}, headers=HTMX)
    mail.outbox.clear()

    response = client.post(url, {"body": "Je partage ce constat."}, headers=HTMX)

    # htmx swaps only 2xx answers: the partial carries the refusal.
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert LIMITED in html
    assert "Je partage ce constat.</textarea>" in html
    assert Comment.objects.count() == 2
    assert mail.outbox == []  # the author is not mailed for a refused comment


def test_past_the_limit_a_comment_without_javascript_answers_429_with_the_text(
    client_of, stakeholder, contributions
):
    client = client_of(stakeholder)
    for contribution in contributions[:2]:
        client.post(reverse("workshops:comment_create", args=[contribution.pk]), {"body": "Oui."})

    url = reverse("workshops:comment_create", args=[contributions[2].pk])
    response = client.post(url, {"body": "Je partage ce constat."})

    assert response.status_code == 429
    html = response.content.decode()
    assert LIMITED in html
    assert "Je partage ce constat.</textarea>" in html
    assert Comment.objects.count() == 2


def test_past_the_limit_supports_are_refused_in_the_button_and_on_a_429_page(
    client_of, stakeholder, contributions
):
    client = client_of(stakeholder)
    for contribution in contributions[:2]:
        client.post(reverse("workshops:support", args=[contribution.pk]), headers=HTMX)
    url = reverse("workshops:support", args=[contributions[2].pk])

    partial = client.post(url, headers=HTMX)
    page = client.post(url)

    assert partial.status_code == 200
    assert LIMITED in partial.content.decode()
    assert page.status_code == 429
    assert int(page["Retry-After"]) > 0
    html = page.content.decode()
    assert LIMITED in html
    assert "<h1>Trop de tentatives</h1>" in html
    assert "Mot de passe oublié" not in html  # not the sign-in page
    assert Support.objects.count() == 2


def test_past_the_limit_a_report_comes_back_with_its_reason(citizen_client, contributions):
    for contribution in contributions[:2]:
        citizen_client.post(
            reverse("workshops:contribution_report", args=[contribution.pk]),
            {"reason": "Hors sujet."},
        )

    response = citizen_client.post(
        reverse("workshops:contribution_report", args=[contributions[2].pk]),
        {"reason": "Informations fausses sur le digestat."},
    )

    assert response.status_code == 429
    html = response.content.decode()
    assert LIMITED in html
    assert "Informations fausses sur le digestat." in html
    assert Report.objects.count() == 2


def test_past_the_limit_registrations_are_refused_in_the_partial_and_on_a_429_page(
    client_of, stakeholder, group
):
    client = client_of(stakeholder)
    meetings = [MeetingFactory(group=group, title=f"Atelier {n}") for n in range(3)]
    for meeting in meetings[:2]:
        client.post(f"/reunions/{meeting.pk}/inscription/", headers=HTMX)

    partial = client.post(f"/reunions/{meetings[2].pk}/inscription/", headers=HTMX)
    page = client.post(f"/reunions/{meetings[2].pk}/inscription/")

    assert partial.status_code == 200
    assert LIMITED in partial.content.decode()
    assert page.status_code == 429
    assert LIMITED in page.content.decode()
    assert Registration.objects.count() == 2


def test_past_the_limit_following_is_refused_in_the_button(client_of, citizen, group):
    client = client_of(citizen)
    client.post("/groupes/mobilite/suivre/", {"action": "follow"})
    client.post("/groupes/mobilite/suivre/", {"action": "unfollow"})

    response = client.post("/groupes/mobilite/suivre/", {"action": "follow"}, headers=HTMX)

    html = response.content.decode()
    assert html.strip().startswith('<div id="group-follow"')
    assert LIMITED in html
    assert "Suivre le groupe" in html
    assert not GroupFollow.objects.exists()


@pytest.mark.slow
def test_the_limits_are_overridden_from_the_environment():
    # Settings are read once at start-up: a fresh process reads the variable.
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["DJANGO_RATE_LIMITS"] = "comment=60/10m, support="
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, json; django.setup(); from django.conf import settings; "
            "print(json.dumps(settings.COP_RATE_LIMITS))",
        ],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )

    limits = json.loads(result.stdout.strip().splitlines()[-1])
    assert limits["comment"] == "60/10m"
    assert limits["support"] == ""  # lifted
    assert limits["contribution"] == "10/h"  # untouched
