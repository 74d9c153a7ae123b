"""The territories page before the geography is imported."""

from django.urls import reverse


def test_the_page_says_the_geography_is_missing_instead_of_failing(empty_geography, client):
    response = client.get(reverse("territories:index"), {"q": "orleans"})

    assert response.status_code == 200
    assert "La géographie de la région n’a pas encore été importée" in response.content.decode()
