"""The geography in the admin: readable, not editable; ties editable."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory


@pytest.fixture
def admin_client_(client, geography):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_staff_can_search_communes_in_the_admin(admin_client_):
    response = admin_client_.get(reverse("admin:territories_commune_changelist"), {"q": "45000"})

    assert response.status_code == 200
    assert "Orléans" in response.content.decode()


def test_communes_cannot_be_added_or_changed_by_hand(admin_client_):
    assert admin_client_.get(reverse("admin:territories_commune_add")).status_code == 403
    response = admin_client_.post(
        reverse("admin:territories_commune_change", args=["45234"]), {"name": "Orléans-la-Source"}
    )
    assert response.status_code == 403


def test_staff_can_open_the_form_tying_an_organisation(admin_client_):
    response = admin_client_.get(reverse("admin:territories_organisationterritory_add"))

    assert response.status_code == 200
