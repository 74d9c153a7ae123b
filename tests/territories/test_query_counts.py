"""List pages and partials run a fixed number of queries, whatever the number of rows."""

from django.urls import reverse


def test_the_index_page(geography, client, django_assert_num_queries):
    # 1 region with its chef-lieu, 2 départements with their sums, 3 EPCI count,
    # 4 groupings with their commune counts.
    with django_assert_num_queries(4):
        response = client.get(reverse("territories:index"))
    assert response.status_code == 200


def test_the_index_page_with_search_results(geography, client, django_assert_num_queries):
    # 1 commune count, 2 page of communes with département and EPCI, 3 EPCI, 4 départements,
    # then the four queries of the page itself.
    with django_assert_num_queries(8):
        response = client.get(reverse("territories:index"), {"q": "saint"})
    assert response.context["page_obj"].paginator.count > 20


def test_the_results_partial(geography, client, django_assert_num_queries):
    # 1 commune count, 2 page of communes with département and EPCI, 3 EPCI, 4 départements.
    with django_assert_num_queries(4):
        response = client.get(reverse("territories:index"), {"q": "saint"}, HTTP_HX_REQUEST="true")
    assert len(response.context["page_obj"]) == 20


def test_the_departement_page(geography, client, django_assert_num_queries):
    # 1 département with region, chef-lieu and sums, 2 its EPCI, 3 commune count, 4 page of 50.
    with django_assert_num_queries(4):
        response = client.get(reverse("territories:departement", kwargs={"code": "45"}))
    assert len(response.context["page_obj"]) == 50


def test_the_epci_page(geography, client, django_assert_num_queries):
    # 1 EPCI, 2 its départements, 3 its communes with their département.
    with django_assert_num_queries(3):
        response = client.get(reverse("territories:epci", kwargs={"siren": "244500468"}))
    assert len(response.context["communes"]) == 22


def test_the_commune_page(geography, client, django_assert_num_queries):
    # 1 commune with its département, region and EPCI.
    with django_assert_num_queries(1):
        client.get(reverse("territories:commune", kwargs={"code": "45234"}))
