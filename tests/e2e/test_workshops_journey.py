"""Working groups in the browser: a stakeholder joins a group, registers to a meeting,
posts a contribution that a facilitator hides with a reason; the author sees why.
And axe-core finds no serious or critical violation on the group and meeting pages."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cop.models import Side
from tests.e2e.helpers import BLOCKING, log_in, report, violations
from tests.factories import VerifiedUserFactory
from tests.workshops.factories import (
    ContributionFactory,
    GroupFacilitatorFactory,
    MeetingFactory,
    RegistrationFactory,
    WorkingGroupFactory,
    make_member,
    make_stakeholder,
)

pytestmark = pytest.mark.e2e

REASON = "Propos hors sujet : merci de reformuler en restant sur la mobilité."


@pytest.fixture
def mobility():
    group = WorkingGroupFactory(
        slug="mobilite",
        name="Mobilité",
        summary="Se déplacer autrement au quotidien.",
        description="Les transports sont le **premier poste** d’émissions de la région.",
    )
    facilitator = VerifiedUserFactory(
        email="animatrice@exemple.test", first_name="Inès", last_name="Moreau"
    )
    GroupFacilitatorFactory(group=group, user=facilitator, side=Side.STATE)
    meeting = MeetingFactory(
        group=group,
        title="Atelier logistique urbaine",
        capacity=10,
        starts_at=timezone.now() + dt.timedelta(days=8),
    )
    return group, facilitator, meeting


@pytest.fixture
def second_page(browser, live_server, page):
    """Another browser (the facilitator's), next to ``page``."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="fr-FR", base_url=live_server.url
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_a_stakeholder_joins_registers_contributes_and_learns_why_it_was_hidden(
    page, second_page, mobility, mailoutbox
):
    _group, facilitator, meeting = mobility
    author = make_stakeholder("paul.mercier@exemple.test", "Chambre de métiers et de l’artisanat")

    # The stakeholder asks to join the group.
    log_in(page, author.email)
    page.goto("/groupes/mobilite/")
    page.get_by_label("Votre message à l’animation du groupe").fill(
        "Nous accompagnons des artisans vers les véhicules utilitaires électriques."
    )
    page.get_by_role("button", name="Demander à rejoindre le groupe").click()
    expect(page.get_by_text("Demande en attente")).to_be_visible()

    # The facilitator accepts, with a message.
    facilitator_page = second_page
    log_in(facilitator_page, facilitator.email)
    facilitator_page.goto("/groupes/mobilite/")
    facilitator_page.get_by_role("link", name=re.compile("Membres et demandes")).click()
    facilitator_page.get_by_label("Message à la personne (facultatif)").fill("Bienvenue !")
    facilitator_page.get_by_role("button", name=f"Accepter la demande de {author.email}").click()
    expect(facilitator_page.get_by_text("Acceptée", exact=True)).to_be_visible()
    welcome = [m for m in mailoutbox if m.to == [author.email]]
    assert "membre du groupe de travail « Mobilité »" in welcome[0].subject
    assert "Bienvenue !" in welcome[0].body

    # Now a member, the stakeholder registers to the next session.
    page.goto("/groupes/mobilite/")
    expect(page.get_by_text("Membre du groupe", exact=True)).to_be_visible()
    page.get_by_role("link", name="Atelier logistique urbaine").click()
    page.get_by_role("button", name="M’inscrire").click()
    expect(page.get_by_text("Vous êtes inscrit", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Me désinscrire")).to_be_visible()
    assert meeting.registrations.get().user == author

    # The member posts a contribution from the group page.
    page.goto("/groupes/mobilite/")
    page.get_by_role("link", name="Proposer une contribution").click()
    page.locator("label", has_text="proposition d’action").click()  # DSFR styles the radio
    page.get_by_label("Titre").fill("Des bornes de recharge pour les artisans")
    page.get_by_label("Description", exact=False).first.fill(
        "Installer des bornes dans les zones artisanales de la métropole."
    )
    page.get_by_role("button", name="Publier la contribution").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Des bornes de recharge pour les artisans"
    )
    contribution_url = page.url

    # The facilitator hides it, with a reason.
    facilitator_page.goto(contribution_url)
    facilitator_page.get_by_role("link", name="Masquer avec un motif").click()
    facilitator_page.get_by_label("Motif (envoyé à l’auteur ou l’autrice)").fill(REASON)
    facilitator_page.get_by_role("button", name="Masquer", exact=True).click()
    expect(facilitator_page.get_by_text("Cette contribution a été masquée")).to_be_visible()

    # The author sees why, on the page and by email.
    page.goto(contribution_url)
    expect(page.get_by_text("Cette contribution a été masquée par la modération")).to_be_visible()
    expect(page.get_by_text(REASON)).to_be_visible()
    moderation = [m for m in mailoutbox if m.to == [author.email] and REASON in m.body]
    assert len(moderation) == 1


# --- Accessibility -----------------------------------------------------------------------------


@pytest.fixture
def workshop_content(mobility):
    group, facilitator, upcoming = mobility
    WorkingGroupFactory(slug="batiment", name="Bâtiment", summary="Rénover les logements.")
    member = make_member(group, "membre@exemple.test")
    RegistrationFactory(meeting=upcoming, user=member)
    past = MeetingFactory(
        group=group,
        title="Atelier covoiturage",
        starts_at=timezone.now() - dt.timedelta(days=10),
        minutes="## Ce qui a été dit\nLe covoiturage progresse.",
        minutes_published_at=timezone.now(),
    )
    RegistrationFactory(meeting=past, user=member, attended=True)
    ContributionFactory(group=group, meeting=past, title="Lignes de covoiturage")
    make_stakeholder("demande@exemple.test")
    return group, facilitator, upcoming, past


def scan(page, axe_source, urls) -> list[str]:
    reports = []
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        found = [v for v in violations(page, axe_source) if v["impact"] in BLOCKING]
        if found:
            reports.append(report(url, found))
    return reports


def test_group_and_meeting_pages_have_no_serious_or_critical_violation(
    page, axe_source, workshop_content
):
    _group, facilitator, upcoming, past = workshop_content
    public = [
        "/groupes/",
        "/groupes/mobilite/",
        "/reunions/",
        "/reunions/?groupe=mobilite",
        f"/reunions/{upcoming.pk}/",
        f"/reunions/{past.pk}/",
    ]
    reports = scan(page, axe_source, public)

    log_in(page, facilitator.email)
    reports += scan(
        page,
        axe_source,
        [
            "/groupes/mobilite/",
            "/groupes/mobilite/membres/",
            f"/reunions/{upcoming.pk}/",
            f"/reunions/{past.pk}/presences/",
            "/reunions/nouvelle/",
        ],
    )

    assert reports == [], "\n".join(reports)


def test_the_minutes_form_with_errors_has_no_serious_or_critical_violation(
    page, axe_source, workshop_content
):
    _group, facilitator, _upcoming, _past = workshop_content
    started = MeetingFactory(
        group=_group, title="Atelier d’hier", starts_at=timezone.now() - dt.timedelta(days=1)
    )
    log_in(page, facilitator.email)
    page.goto(f"/reunions/{started.pk}/compte-rendu/")
    page.get_by_role("button", name="Publier le compte rendu").click()
    expect(page.locator(".fr-error-text").first).to_be_visible()

    found = [v for v in violations(page, axe_source) if v["impact"] in BLOCKING]

    assert found == [], report("compte rendu (erreur)", found)
