"""The split pages cost a fixed number of queries, whatever the number of levers."""

import pytest
from django.urls import reverse

from panorama.models import RegionalEffort
from territories.split import services
from territories.split.keys_file import KeyRow
from tests.territories.test_split_support import (  # noqa: F401 -- fixtures
    fret_key,
    panorama,
    sgpe,
    sgpe_rows,
)

pytestmark = pytest.mark.usefixtures("panorama")

PAGES = [
    reverse("split:index"),
    reverse("split:departement", args=["45"]),
    reverse("split:export", args=["csv"]),
    reverse("split:export", args=["xlsx"]),
]


def import_keys(staff, *slugs):
    rows = [
        KeyRow(line=f"ligne {index}", slug=slug, departement=code, value=float(value))
        for slug in slugs
        for index, (slug, code, value) in enumerate(fret_key(slug=slug), start=2)
    ]
    services.distribution_keys_import(rows=rows, actor=staff, region_code="24")


@pytest.mark.parametrize("url", PAGES)
def test_a_page_takes_three_queries_with_30_levers_and_imported_keys(
    client, staff, url, django_assert_num_queries
):
    import_keys(staff, "augm_fret", "augm_logi", "augm_haies")

    # 1. the region's efforts with their lever, sector and workstream
    # 2. the départements with their population
    # 3. the imported keys of the region
    with django_assert_num_queries(3):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("url", PAGES)
def test_a_page_takes_as_many_queries_with_fewer_levers(client, url, django_assert_num_queries):
    RegionalEffort.objects.filter(region_code="24", lever__sector__name="Résidentiel").delete()

    with django_assert_num_queries(3):
        response = client.get(url)

    assert response.status_code == 200


def test_the_keys_page_of_staff_takes_six_queries(staff, client_of, django_assert_num_queries):
    staff_client = client_of(staff)
    import_keys(staff, "augm_fret", "augm_logi", "augm_haies")

    # 1. session  2. user  3. the staff role  4-6. efforts, départements, keys
    with django_assert_num_queries(6):
        response = staff_client.get(reverse("split:keys"))

    assert response.status_code == 200
    assert response.content.decode().count("Revenir à la population<span") == 3
