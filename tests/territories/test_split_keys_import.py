"""Staff upload a CSV file of keys, see what changes, then apply it (audited)."""

import pytest
from django.urls import reverse

from cop.models import AuditEvent
from territories.models import DistributionKey
from territories.split.selectors import departement_split
from tests.territories.test_split_support import (  # noqa: F401 -- fixtures
    CENTRE_CODES,
    effort,
    fret_key,
    keys_csv,
    panorama,
    sgpe,
    sgpe_rows,
    text_of,
)

pytestmark = pytest.mark.usefixtures("panorama")

KEYS = reverse("split:keys")
PREVIEW = reverse("split:keys_preview")


def fret():
    return next(
        lever
        for lever in departement_split(region_code="24").levers
        if lever.effort.lever.slug == "augm_fret"
    )


def test_staff_see_a_new_key_before_it_applies(staff_client):
    response = staff_client.post(KEYS, {"file": keys_csv(fret_key())})
    assert response["Location"] == PREVIEW

    page = text_of(staff_client.get(PREVIEW))

    assert "1 nouvelle clé, 0 clé modifiée, 0 inchangée." in page
    assert "nouvelle clé (remplace la population)" in page
    assert "Loiret (45)" in page
    assert not DistributionKey.objects.exists()


def test_applying_an_uploaded_key_changes_the_split(staff_client, staff):
    staff_client.post(KEYS, {"file": keys_csv(fret_key((1, 0, 0, 0, 0, 3)))})

    response = staff_client.post(PREVIEW, {"action": "apply"}, follow=True)

    assert "Import de « cles.csv » appliqué : 1 nouvelle clé" in text_of(response)
    lever = fret()
    assert lever.key.imported
    assert lever.cell("18").kt == pytest.approx(effort("augm_fret") / 4)
    assert lever.cell("45").kt == pytest.approx(effort("augm_fret") * 3 / 4)
    assert lever.cell("37").kt == 0
    assert "clé importée le" in text_of(response)  # the page names the key of the lever
    event = AuditEvent.objects.get(action="split.keys_import")
    assert event.actor == staff
    assert event.target_repr == lever.effort.lever.name
    assert event.details["values"]["45"] == 3


def test_a_second_file_shows_the_values_that_change(staff_client):
    staff_client.post(KEYS, {"file": keys_csv(fret_key((1, 0, 0, 0, 0, 3)))})
    staff_client.post(PREVIEW, {"action": "apply"})

    staff_client.post(KEYS, {"file": keys_csv(fret_key((1, 0, 0, 0, 0, 1)))})
    page = text_of(staff_client.get(PREVIEW))

    assert "0 nouvelle clé, 1 clé modifiée, 0 inchangée." in page
    assert "valeurs modifiées" in page
    assert (
        '<td class="fr-cell--right">3</td> <td class="fr-cell--right"><strong>1</strong>' in page
    )


def test_english_columns_commas_and_decimal_commas_are_accepted(staff_client):
    upload = keys_csv(
        [
            ("augm_fret", code, f'"{value}"')
            for code, value in zip(CENTRE_CODES, "12345", strict=False)
        ]
        + [("augm_fret", "45", '"0,5"')],
        header="lever,departement,value",
        sep=",",
    )
    staff_client.post(KEYS, {"file": upload})

    staff_client.post(PREVIEW, {"action": "apply"})

    assert DistributionKey.objects.get(lever__slug="augm_fret", departement="45").value == 0.5
    assert fret().cell("45").share == pytest.approx(0.5 / 15.5)


def test_semicolons_and_decimal_commas_are_accepted(staff_client):
    staff_client.post(KEYS, {"file": keys_csv(fret_key(("1,5", 2, 0, 0, 0, "1 000,25")))})

    staff_client.post(PREVIEW, {"action": "apply"})

    assert DistributionKey.objects.get(lever__slug="augm_fret", departement="45").value == 1000.25


def test_cancelling_changes_nothing(staff_client):
    staff_client.post(KEYS, {"file": keys_csv(fret_key())})

    response = staff_client.post(PREVIEW, {"action": "cancel"}, follow=True)

    assert "Import annulé : rien n’a été modifié." in text_of(response)
    assert not DistributionKey.objects.exists()
    assert staff_client.get(PREVIEW)["Location"] == KEYS  # nothing pending any more


def test_going_back_to_the_population_key_is_audited(staff_client, staff):
    staff_client.post(KEYS, {"file": keys_csv(fret_key())})
    staff_client.post(PREVIEW, {"action": "apply"})
    url = reverse("split:key_reset", args=["augm_fret"])

    assert "Revenir à la clé population" in text_of(staff_client.get(url))  # asks first
    response = staff_client.post(url, follow=True)

    assert "est de nouveau réparti selon la population" in text_of(response)
    assert not DistributionKey.objects.exists()
    assert not fret().key.imported
    event = AuditEvent.objects.get(action="split.keys_reset")
    assert event.actor == staff
    assert event.details["before"]["45"] == 3


def test_resetting_a_lever_already_split_by_population_changes_nothing(staff_client):
    response = staff_client.post(reverse("split:key_reset", args=["augm_fret"]), follow=True)

    assert "était déjà réparti selon la population" in text_of(response)
    assert not AuditEvent.objects.filter(action="split.keys_reset").exists()


def test_resetting_an_unknown_lever_is_not_found(staff_client):
    assert staff_client.post(reverse("split:key_reset", args=["inconnu"])).status_code == 404


def test_the_preview_takes_six_queries(staff_client, django_assert_num_queries):
    staff_client.post(KEYS, {"file": keys_csv(fret_key() + fret_key(slug="augm_logi"))})

    # 1. session  2. user  3. the staff role  4. the region's levers  5. départements  6. keys
    with django_assert_num_queries(6):
        response = staff_client.get(PREVIEW)

    assert response.status_code == 200
