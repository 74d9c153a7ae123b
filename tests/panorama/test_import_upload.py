"""Staff upload an SGPE file, see what will change, then apply it."""

import json

import pandas as pd
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from panorama.importers import DEFAULT_LEVERS_FILE
from panorama.models import RegionalEffort
from tests.panorama.helpers import text_of

UPLOAD = reverse("panorama:import_upload")
PREVIEW = reverse("panorama:import_preview")


def spreadsheet(tmp_path, change=None, name="leviers.xlsx") -> SimpleUploadedFile:
    frame = pd.DataFrame(json.loads(DEFAULT_LEVERS_FILE.read_text(encoding="utf-8"))).astype(
        {"objCO2": object}
    )
    if change:
        change(frame)
    path = tmp_path / name
    if name.endswith(".xlsx"):
        frame.to_excel(path, index=False)
    else:
        frame.to_csv(path, index=False)
    return SimpleUploadedFile(name, path.read_bytes())


def more_cars(frame):
    frame.loc[
        (frame.regionName == "Centre-Val de Loire") & (frame.id == "augm_voitelec"), "objCO2"
    ] = 500.0


def test_staff_see_the_changes_before_they_apply(staff_client, sgpe, tmp_path):
    response = staff_client.post(UPLOAD, {"file": spreadsheet(tmp_path, more_cars)})
    assert response["Location"] == PREVIEW

    page = text_of(staff_client.get(PREVIEW))

    summary = "Efforts créés : 0 ; modifiés : 1 ; supprimés : 0 ; inchangés : 443 (régions : 18)."
    assert summary in page
    assert "Véhicules électriques" in page
    assert "objCO2" in page
    assert (
        RegionalEffort.objects.get(region_code="24", lever__slug="augm_voitelec").effort_kt
        != 500.0
    )


def test_confirming_applies_the_import(staff_client, sgpe, tmp_path):
    staff_client.post(UPLOAD, {"file": spreadsheet(tmp_path, more_cars)})

    response = staff_client.post(PREVIEW, {"action": "apply"}, follow=True)

    assert (
        RegionalEffort.objects.get(region_code="24", lever__slug="augm_voitelec").effort_kt
        == 500.0
    )
    assert "appliqué" in text_of(response)
    assert "9 522 ktCO₂e" in text_of(response)  # the panorama shows the new total


def test_cancelling_changes_nothing(staff_client, sgpe, tmp_path):
    staff_client.post(UPLOAD, {"file": spreadsheet(tmp_path, more_cars)})

    response = staff_client.post(PREVIEW, {"action": "cancel"}, follow=True)

    assert "Import annulé : rien n’a été modifié." in text_of(response)
    assert (
        RegionalEffort.objects.get(region_code="24", lever__slug="augm_voitelec").effort_kt
        != 500.0
    )
    assert staff_client.get(PREVIEW)["Location"] == UPLOAD  # nothing pending any more


def test_a_malformed_spreadsheet_is_refused_with_a_clear_message(staff_client, sgpe, tmp_path):
    def bad(frame):
        more_cars(frame)
        frame.loc[12, "objCO2"] = "douze"

    response = staff_client.post(UPLOAD, {"file": spreadsheet(tmp_path, bad)})

    assert response.status_code == 200
    page = text_of(response)
    assert "Fichier refusé : rien n’a été modifié" in page
    assert "Ligne 14, colonne « objCO2 » : « douze » n’est pas un nombre." in page
    assert (
        RegionalEffort.objects.get(region_code="24", lever__slug="augm_voitelec").effort_kt
        != 500.0
    )


def test_a_file_of_another_kind_is_refused(staff_client, sgpe):
    upload = SimpleUploadedFile("leviers.pdf", b"%PDF-1.4")

    page = text_of(staff_client.post(UPLOAD, {"file": upload}))

    assert "Choisissez un fichier JSON, CSV ou XLSX." in page


def test_only_staff_may_import(client_of, personas, client, sgpe, tmp_path):
    for persona in ("citizen", "stakeholder", "facilitator"):
        user_client = client_of(personas[persona])
        assert user_client.get(UPLOAD).status_code == 403
        assert (
            user_client.post(UPLOAD, {"file": spreadsheet(tmp_path, more_cars)}).status_code == 403
        )
        assert user_client.post(PREVIEW, {"action": "apply"}).status_code == 403
    assert client.get(UPLOAD)["Location"].startswith("/comptes/login/")
    assert (
        RegionalEffort.objects.get(region_code="24", lever__slug="augm_voitelec").effort_kt
        != 500.0
    )


def test_the_preview_is_drawn_with_a_fixed_number_of_queries(
    staff_client, sgpe, tmp_path, django_assert_num_queries
):
    staff_client.post(UPLOAD, {"file": spreadsheet(tmp_path, more_cars)})

    # 1. session  2. user  3. sectors  4. workstreams  5. levers  6. efforts with their lever
    with django_assert_num_queries(6):
        response = staff_client.get(PREVIEW)

    assert response.status_code == 200
