"""In Chromium: axe-core finds no serious violation on the contribution pages, and the
support button and the comment form work through htmx without reloading the page."""

import pytest
from playwright.sync_api import expect

from cop.models import Side
from tests.e2e.helpers import BLOCKING, log_in, report, scan, violations
from tests.workshops.factories import (
    CommentFactory,
    ContributionFactory,
    GroupFacilitatorFactory,
    LeverFactory,
    ReportFactory,
    WorkingGroupFactory,
    make_member,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def world(facilitator):
    """A group co-piloted by the facilitator persona, with contributions to moderate."""
    group = WorkingGroupFactory(slug="mobilite", name="Mieux se déplacer")
    GroupFacilitatorFactory(group=group, user=facilitator, side=Side.STATE)
    lever = LeverFactory(slug="augm_covoit", name="Covoiturage")
    group.levers.add(lever)
    author = make_member(group, "autrice@exemple.test")
    main = ContributionFactory(
        group=group,
        author=author,
        kind="initiative",
        title="Lignes de covoiturage du Perche",
        body="Des arrêts **balisés** relient les bourgs.\n\n- aux heures de pointe\n- le soir",
    )
    main.levers.add(lever)
    comment = CommentFactory(contribution=main, author=author, body="Un premier avis.")
    CommentFactory(contribution=main, parent=comment, body="Une réponse.")
    ReportFactory(contribution=main, reason="Doublon possible.")
    ContributionFactory(group=group, title="Horaires des cars", kind="obstacle")
    ContributionFactory(group=group, title="Navettes vers les gares")
    return group, main, comment


def test_the_contribution_pages_have_no_serious_accessibility_violation(
    page, axe_source, world, facilitator
):
    group, main, comment = world
    public = [
        "/contributions/",
        "/contributions/?q=covoiturage&type=initiative",
        f"/groupes/{group.slug}/contributions/",
        main.get_absolute_url(),
    ]
    reports = scan(page, axe_source, public)
    log_in(page, facilitator.email)
    reports += scan(
        page,
        axe_source,
        [
            main.get_absolute_url(),
            f"/contributions/nouvelle/?groupe={group.slug}",
            f"/contributions/{main.pk}/signaler/",
            f"/contributions/{main.pk}/moderer/",
            f"/contributions/{main.pk}/fusionner/",
            f"/commentaires/{comment.pk}/moderer/",
            "/moderation/",
            f"/groupes/{group.slug}/synthese/",
        ],
    )

    # A form sent back with its errors.
    page.goto(f"/contributions/nouvelle/?groupe={group.slug}")
    page.get_by_role("button", name="Publier la contribution").click()
    page.wait_for_selector(".fr-error-text")
    found = [v for v in violations(page, axe_source) if v["impact"] in BLOCKING]
    if found:
        reports.append(report("formulaire de contribution (erreurs)", found))

    assert reports == [], "\n".join(reports)


def test_supporting_and_commenting_go_through_htmx_without_a_reload(page, world, facilitator):
    _group, main, _comment = world
    log_in(page, facilitator.email)
    page.goto(main.get_absolute_url())
    page.evaluate("window.notReloaded = true")

    page.get_by_role("button", name="Soutenir cette contribution").click()
    expect(page.locator("#support")).to_contain_text("1 soutien")
    expect(page.get_by_role("button", name="Retirer mon soutien")).to_be_visible()

    page.get_by_label("Votre commentaire").fill("Un avis posté sans recharger la page.")
    page.get_by_role("button", name="Publier le commentaire").click()
    expect(page.locator("#comments")).to_contain_text("Un avis posté sans recharger la page.")
    expect(page.locator("#comments")).to_contain_text("Votre commentaire est publié.")

    assert page.evaluate("window.notReloaded") is True
    main.refresh_from_db()
    assert main.support_count == 1
    assert main.comment_count == 1


def test_the_filters_update_the_results_live_and_the_address(page, world):
    page.goto("/contributions/")
    page.evaluate("window.notReloaded = true")

    page.get_by_label("Type").select_option("obstacle")

    expect(page.locator("#results")).to_contain_text("1 contribution")
    expect(page.locator("#results")).to_contain_text("Horaires des cars")
    expect(page.locator("#results")).not_to_contain_text("Navettes vers les gares")
    assert "type=obstacle" in page.url
    assert page.evaluate("window.notReloaded") is True
