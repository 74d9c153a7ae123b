"""A member posts a contribution: published at once, with levers, territory, organisation."""

import pytest
from django.urls import reverse

from territories.reference import reference_of
from tests.territories.factories import CommuneFactory, DepartementFactory, RegionFactory
from tests.workshops.factories import LeverFactory, MeetingFactory
from workshops.models import Contribution

URL = reverse("workshops:contribution_create") + "?groupe=mobilite"


@pytest.fixture
def loiret(db, settings):
    settings.COP_REGION_CODE = "24"
    region = RegionFactory(code="24", name="Centre-Val de Loire")
    departement = DepartementFactory(code="45", name="Loiret", region=region)
    CommuneFactory(code="45234", name="Orléans", departement=departement, postcodes="45000")
    return departement


@pytest.fixture
def covoiturage(group):
    lever = LeverFactory(slug="augm_covoit", name="Covoiturage")
    group.levers.add(lever)
    return lever


def test_a_member_posts_a_contribution_that_is_published_at_once(
    client_of, member, group, covoiturage, loiret
):
    response = client_of(member).post(
        URL,
        {
            "kind": "initiative",
            "title": "  Lignes de covoiturage du Perche  ",
            "body": "Des arrêts **balisés** relient les bourgs.",
            "levers": [covoiturage.pk],
            "territory": "Orléans — commune (45234)",
        },
        follow=True,
    )

    contribution = Contribution.objects.get()
    assert response.redirect_chain[-1][0] == contribution.get_absolute_url()
    page = response.content.decode()
    assert "Votre contribution est publiée." in page
    assert "<strong>balisés</strong>" in page
    assert contribution.title == "Lignes de covoiturage du Perche"
    assert contribution.status == "published"
    assert contribution.group == group
    assert contribution.organisation.name == "CCI Centre-Val de Loire"
    assert (contribution.territory.kind, contribution.territory.code) == ("commune", "45234")
    assert list(contribution.levers.all()) == [covoiturage]


def test_a_territory_typed_by_name_alone_is_found(client_of, member, loiret):
    client_of(member).post(
        URL, {"kind": "obstacle", "title": "Frein", "body": "Texte.", "territory": "loiret"}
    )
    assert Contribution.objects.get().territory == reference_of(loiret)


def test_a_form_with_errors_keeps_what_was_typed_and_says_why(client_of, member, loiret):
    response = client_of(member).post(
        URL,
        {
            "kind": "",
            "title": "Mon titre soigneusement écrit",
            "body": "   ",
            "territory": "Atlantide",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert not Contribution.objects.exists()
    assert 'value="Mon titre soigneusement écrit"' in page
    assert "Choisissez le type de contribution." in page
    assert "Décrivez votre contribution." in page
    assert "Aucune commune, intercommunalité ou département de la région ne s’appelle" in page
    assert 'value="Atlantide"' in page


def test_an_unknown_group_is_a_404_and_no_group_asks_to_choose_one(client_of, member, group):
    client = client_of(member)
    assert (
        client.get(reverse("workshops:contribution_create") + "?groupe=nulle-part").status_code
        == 404
    )
    page = client.get(reverse("workshops:contribution_create")).content.decode()
    assert "choisissez le groupe" in page
    assert "?groupe=mobilite" in page


def test_the_territory_suggestions_answer_htmx_with_options_and_work_as_a_page(client, loiret):
    url = reverse("workshops:territory_options") + "?territory=orl"

    partial = client.get(url, headers={"HX-Request": "true"})
    page = client.get(url)

    assert '<option value="Orléans — commune (45234)">' in partial.content.decode()
    assert "<html" not in partial.content.decode()
    assert "Orléans — commune (45234)" in page.content.decode()
    assert "<h1>" in page.content.decode()
    assert partial["Vary"].count("HX-Request") == 1


def test_a_facilitator_records_a_contribution_from_a_meeting(client_of, group_facilitator, group):
    meeting = MeetingFactory(group=group, title="Séance de mars")
    url = reverse("workshops:contribution_create") + f"?reunion={meeting.pk}"

    page = client_of(group_facilitator).get(url).content.decode()
    client_of(group_facilitator).post(
        url, {"kind": "obstacle", "title": "Frein relevé en séance", "body": "Compte rendu."}
    )

    assert "Consignez une contribution issue de la réunion « Séance de mars »" in page
    contribution = Contribution.objects.get()
    assert contribution.meeting == meeting
    assert contribution.group == group


def test_a_member_cannot_record_for_a_meeting(client_of, member, group):
    meeting = MeetingFactory(group=group)
    response = client_of(member).get(
        reverse("workshops:contribution_create") + f"?reunion={meeting.pk}"
    )
    assert response.status_code == 403
