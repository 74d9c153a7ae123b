"""The synthesis of a group: counts by kind, lever and département, charts, tables, CSV."""

import csv
import io

import pytest
from django.urls import reverse

from territories.reference import reference_of
from tests.territories.factories import CommuneFactory, DepartementFactory, RegionFactory
from tests.workshops.factories import ContributionFactory, LeverFactory


@pytest.fixture
def contributions(db, group, other_group, settings):
    settings.COP_REGION_CODE = "24"
    region = RegionFactory(code="24", name="Centre-Val de Loire")
    cher = DepartementFactory(code="18", name="Cher", region=region)
    DepartementFactory(code="45", name="Loiret", region=region)
    bourges = CommuneFactory(code="18033", name="Bourges", departement=cher)
    covoit = LeverFactory(slug="augm_covoit", name="Covoiturage")
    first = ContributionFactory(group=group, kind="initiative", title="Lignes du Perche")
    first.levers.add(covoit)
    ContributionFactory(
        group=group, kind="obstacle", title="Horaires des cars", territory=reference_of(bourges)
    )
    ContributionFactory(
        group=group, kind="obstacle", title='=HYPERLINK("http://x")', territory=reference_of(cher)
    )
    ContributionFactory(
        group=group, kind="proposal", title="Masquée", status="hidden", moderation_reason="X"
    )
    ContributionFactory(group=other_group, kind="proposal", title="Autre groupe")


def row(label: str, count: int) -> str:
    return f'<th scope="row">{label}</th><td class="fr-cell--right">{count}</td>'


def test_the_synthesis_counts_the_groups_published_contributions(
    client_of, group_facilitator, contributions, group
):
    page = (
        client_of(group_facilitator)
        .get(reverse("workshops:group_synthesis", args=[group.slug]))
        .content.decode()
    )

    assert "3 contributions publiées" in page
    assert "<caption>Contributions publiées par type</caption>" in page
    assert row("frein à l’accélération", 2) in page
    assert row("Covoiturage (Transport de voyageurs)", 1) in page
    assert row("Cher (18)", 2) in page
    assert row("Loiret (45)", 0) in page
    assert "1 contribution ne concerne pas de territoire précis" in page


def test_the_charts_are_accessible_svg_drawn_on_the_server(client_of, staff, contributions, group):
    page = (
        client_of(staff)
        .get(reverse("workshops:group_synthesis", args=[group.slug]))
        .content.decode()
    )

    assert page.count('<svg xmlns="http://www.w3.org/2000/svg"') == 3
    assert 'role="img"' in page
    assert '<title id="chart-kind-title">Contributions par type</title>' in page


def test_the_csv_lists_the_contributions_and_defuses_formulas(
    client_of, group_facilitator, contributions, group
):
    response = client_of(group_facilitator).get(
        reverse("workshops:group_synthesis_csv", args=[group.slug])
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="contributions-mobilite-' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Numéro", "Type", "Titre"]
    titles = [row[2] for row in rows[1:]]
    assert titles == ["Lignes du Perche", "Horaires des cars", '\'=HYPERLINK("http://x")']
    assert rows[1][4] == "Covoiturage"
    assert rows[2][5] == "Bourges"


def test_a_group_without_contributions_says_so(client_of, staff, group):
    page = (
        client_of(staff)
        .get(reverse("workshops:group_synthesis", args=[group.slug]))
        .content.decode()
    )

    assert "Le groupe n’a pas encore de contribution publiée." in page
    assert "<svg" not in page


def test_the_synthesis_costs_the_same_queries_however_many_contributions(
    client_of, staff, contributions, group, django_assert_num_queries
):
    client = client_of(staff)
    url = reverse("workshops:group_synthesis", args=[group.slug])
    # session, user, the group, facilitator of it? staff?, the départements, the counts,
    # the levers counted.
    with django_assert_num_queries(8):
        client.get(url)
    for n in range(10):
        ContributionFactory(group=group, title=f"Encore {n}")
    with django_assert_num_queries(8):
        client.get(url)


def test_the_csv_costs_the_same_queries_however_many_contributions(
    client_of, staff, contributions, group, django_assert_num_queries
):
    client = client_of(staff)
    url = reverse("workshops:group_synthesis_csv", args=[group.slug])
    # session, user, the group, facilitator of it? staff?, the contributions, their levers.
    with django_assert_num_queries(7):
        client.get(url).getvalue()  # the rows are read as the file streams
    for n in range(10):
        ContributionFactory(group=group, title=f"Encore {n}")
    with django_assert_num_queries(7):
        client.get(url).getvalue()
