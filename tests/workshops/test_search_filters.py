"""The lists filter by kind, lever, group, département and status, live and without JS."""

import pytest
from django.urls import reverse

from territories.reference import reference_of
from tests.territories.factories import (
    CommuneFactory,
    DepartementFactory,
    EpciFactory,
    RegionFactory,
)
from tests.workshops.factories import ContributionFactory, LeverFactory, MeetingFactory

URL = reverse("workshops:contributions")


@pytest.fixture
def geography(db, settings):
    settings.COP_REGION_CODE = "24"
    region = RegionFactory(code="24", name="Centre-Val de Loire")
    cher = DepartementFactory(code="18", name="Cher", region=region)
    loiret = DepartementFactory(code="45", name="Loiret", region=region)
    epci = EpciFactory(name="CC Berry Loire Puisaye")
    bourges = CommuneFactory(code="18033", name="Bourges", departement=cher, epci=epci)
    CommuneFactory(code="45155", name="Gien", departement=loiret, epci=epci)
    return {"cher": cher, "loiret": loiret, "epci": epci, "bourges": bourges}


@pytest.fixture
def contributions(group, other_group, geography):
    haies = LeverFactory(slug="augm_haies", name="Gestion des haies")
    made = {
        "initiative": ContributionFactory(group=group, kind="initiative", title="Initiative A"),
        "obstacle": ContributionFactory(group=group, kind="obstacle", title="Frein B"),
        "bourges": ContributionFactory(
            group=other_group, title="À Bourges", territory=reference_of(geography["bourges"])
        ),
        "epci": ContributionFactory(
            group=group, title="Sur l’EPCI", territory=reference_of(geography["epci"])
        ),
        "meeting": ContributionFactory(
            group=group,
            title="Issue d’une rencontre à Orléans",
            meeting=MeetingFactory(
                kind="departmental", group=None, departement=geography["loiret"]
            ),
        ),
    }
    made["initiative"].levers.add(haies)
    return made


def listed(client, **params) -> str:
    return client.get(URL, params).content.decode()


def test_the_kind_filter(client, contributions):
    page = listed(client, type="obstacle")
    assert "Frein B" in page
    assert "Initiative A" not in page


def test_the_lever_filter(client, contributions):
    page = listed(client, levier="augm_haies")
    assert "Initiative A" in page
    assert "Frein B" not in page


def test_the_group_filter(client, contributions, other_group):
    page = listed(client, groupe=other_group.slug)
    assert "À Bourges" in page
    assert "Frein B" not in page


def test_the_departement_filter_follows_communes_epci_and_meetings(client, contributions):
    cher = listed(client, departement="18")
    loiret = listed(client, departement="45")

    assert "À Bourges" in cher
    assert "Sur l’EPCI" in cher
    assert "Issue d’une rencontre à Orléans" not in cher
    assert "Sur l’EPCI" in loiret
    assert "Issue d’une rencontre à Orléans" in loiret
    assert "À Bourges" not in loiret


def test_the_group_page_lists_only_its_group(client, contributions, group):
    page = client.get(reverse("workshops:group_contributions", args=[group.slug]))
    html = page.content.decode()
    assert "Frein B" in html
    assert "À Bourges" not in html
    assert 'name="groupe"' not in html


def test_an_unknown_filter_value_is_reported_and_ignored(client, contributions):
    page = listed(client, type="nimporte", departement="99")

    assert "Un filtre n’a pas été compris et n’a pas été appliqué" in page
    assert "Frein B" in page
    assert "Initiative A" in page


def test_htmx_gets_the_results_only(client, contributions):
    response = client.get(URL, {"type": "obstacle"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert "Frein B" in html
    assert "<html" not in html
    assert "Filtrer et rechercher" not in html
    assert "HX-Request" in response["Vary"]


def test_the_form_pushes_its_url_for_htmx_and_submits_without_js(client, contributions):
    html = listed(client)
    assert 'data-hx-push-url="true"' in html
    assert 'data-hx-target="#results"' in html
    assert f'method="get" action="{URL}"' in html


def test_results_are_paginated_by_twenty(client, group):
    for n in range(25):
        ContributionFactory(group=group, title=f"Contribution numéro {n:02d}")

    first = listed(client)
    second = listed(client, page="2")

    assert "25 contributions" in first
    assert "Contribution numéro 24" in first
    assert "Contribution numéro 04" not in first
    assert "Contribution numéro 04" in second
    assert "(page 2 sur 2)" in second
