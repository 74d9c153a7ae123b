"""Everyone reads the split; only State and Region agents change its keys."""

import pytest
from django.urls import reverse

from territories.models import DistributionKey
from tests.territories.test_split_support import (  # noqa: F401 -- fixtures
    fret_key,
    keys_csv,
    panorama,
    sgpe,
    sgpe_rows,
    text_of,
)

pytestmark = pytest.mark.usefixtures("panorama")

PUBLIC = [
    reverse("split:index"),
    reverse("split:departement", args=["45"]),
    reverse("split:export", args=["csv"]),
]
STAFF_ONLY = [
    reverse("split:keys"),
    reverse("split:key_reset", args=["augm_fret"]),
]
REASON = "Seuls les agents de l’État et de la Région peuvent modifier les clés de répartition"


def test_visitors_and_every_persona_read_the_split(client, client_of, personas):
    for user_client in [client, *(client_of(user) for user in personas.values())]:
        for url in PUBLIC:
            assert user_client.get(url).status_code == 200


@pytest.mark.parametrize("persona", [None, "citizen", "stakeholder", "facilitator"])
def test_others_than_staff_get_a_403_with_a_reason(client, client_of, personas, persona):
    user_client = client if persona is None else client_of(personas[persona])

    for url in STAFF_ONLY:
        response = user_client.get(url)
        assert response.status_code == 403
        assert REASON in text_of(response)
    upload = user_client.post(reverse("split:keys"), {"file": keys_csv(fret_key())})
    assert upload.status_code == 403
    assert user_client.post(reverse("split:keys_preview"), {"action": "apply"}).status_code == 403
    assert not DistributionKey.objects.exists()


def test_the_link_to_the_keys_shows_for_staff_only(client, client_of, personas):
    link = reverse("split:keys")

    assert link not in client.get(reverse("split:index")).content.decode()
    assert (
        link not in client_of(personas["facilitator"]).get(reverse("split:index")).content.decode()
    )
    assert link in client_of(personas["staff"]).get(reverse("split:index")).content.decode()


@pytest.mark.parametrize("persona", ["staff", "region_staff", "publisher"])
def test_state_and_region_agents_import_keys(client_of, personas, persona):
    user_client = client_of(personas[persona])

    user_client.post(reverse("split:keys"), {"file": keys_csv(fret_key())})
    user_client.post(reverse("split:keys_preview"), {"action": "apply"})

    assert DistributionKey.objects.filter(lever__slug="augm_fret").count() == 6


def test_a_django_staff_flag_alone_does_not_make_an_agent(client_of, django_user_model):
    """Staff here means a State or Region role (cop), not Django's ``is_staff`` flag."""
    user = django_user_model.objects.create_user(email="flag@exemple.test", is_staff=True)

    assert client_of(user).get(reverse("split:keys")).status_code == 403
