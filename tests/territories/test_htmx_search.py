"""Live search: htmx requests get the results partial only."""

from django.urls import reverse


def test_an_htmx_request_gets_only_the_results(geography, client):
    response = client.get(reverse("territories:index"), {"q": "orleans"}, HTTP_HX_REQUEST="true")

    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert "<h1" not in page
    assert 'href="/territoires/communes/45234/"' in page


def test_search_responses_vary_on_the_htmx_header(geography, client):
    full = client.get(reverse("territories:index"), {"q": "orleans"})
    partial = client.get(reverse("territories:index"), {"q": "orleans"}, HTTP_HX_REQUEST="true")

    assert "HX-Request" in full["Vary"]
    assert "HX-Request" in partial["Vary"]


def test_restoring_history_gets_the_whole_page(geography, client):
    response = client.get(
        reverse("territories:index"),
        {"q": "orleans"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
    )

    assert "<html" in response.content.decode()


def test_the_search_form_asks_htmx_to_fill_the_results_and_keep_the_url(geography, client):
    page = client.get(reverse("territories:index")).content.decode()

    assert 'method="get"' in page
    assert 'data-hx-get="/territoires/"' in page
    assert 'data-hx-target="#territory-results"' in page
    assert 'data-hx-push-url="true"' in page
    assert "delay:300ms" in page


def test_pagination_links_of_the_partial_also_swap_the_results(geography, client):
    response = client.get(reverse("territories:index"), {"q": "saint"}, HTTP_HX_REQUEST="true")

    page = response.content.decode()
    assert 'href="?q=saint&amp;page=2"' in page
    assert 'data-hx-get="?q=saint&amp;page=2"' in page
