"""A malformed keys file is refused whole, with a message naming the line and the column."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cop.models import AuditEvent
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

KEYS = reverse("split:keys")


def with_line(index: int, line: tuple) -> list[tuple]:
    """A valid key for augm_fret then augm_logi, with line ``index`` (0-based) replaced."""
    lines = fret_key() + fret_key(slug="augm_logi")
    lines[index] = line
    return lines


CASES = [
    pytest.param(
        keys_csv(with_line(3, ("augm_inconnu", "36", 1))),
        "Ligne 5, colonne « levier » : levier inconnu « augm_inconnu »",
        id="unknown lever",
    ),
    pytest.param(
        keys_csv(with_line(2, ("augm_fret", "99", 1))),
        "Ligne 4, colonne « departement » : département inconnu « 99 ».",
        id="unknown departement",
    ),
    pytest.param(
        keys_csv(with_line(7, ("augm_logi", "28", "beaucoup"))),
        "Ligne 9, colonne « valeur » : « beaucoup » n’est pas un nombre.",
        id="non-numeric value",
    ),
    pytest.param(
        keys_csv(with_line(7, ("augm_logi", "28", "-3"))),
        "Ligne 9, colonne « valeur » : la valeur ne peut pas être négative.",
        id="negative value",
    ),
    pytest.param(
        keys_csv(with_line(1, ("augm_fret", "18", 2))),
        "Ligne 3, colonne « departement » : doublon : le levier « augm_fret » a déjà une valeur "
        "pour le département 18 en ligne 2.",
        id="duplicate lever and departement",
    ),
    pytest.param(
        keys_csv(with_line(1, ("augm_fret", "", 2))),
        "Ligne 3, colonne « departement » : valeur manquante.",
        id="empty cell",
    ),
    pytest.param(
        keys_csv([(slug, code) for slug, code, _value in fret_key()], header="levier;departement"),
        "En-tête, colonne « valeur » : colonne obligatoire absente du fichier.",
        id="missing column",
    ),
    pytest.param(
        keys_csv(fret_key()[:5]),
        "Ligne 2, colonne « departement » : le levier « augm_fret » n’a pas de valeur pour "
        "Loiret (45)",
        id="departement missing for a lever",
    ),
    pytest.param(
        keys_csv(fret_key((0, 0, 0, 0, 0, 0))),
        "Ligne 2, colonne « valeur » : les valeurs du levier « augm_fret » sont toutes nulles",
        id="key summing to zero",
    ),
    pytest.param(
        keys_csv([("augm_fret", "18", "1,5")], header="levier,departement,valeur", sep=","),
        "Ligne 2 : 4 valeurs au lieu de 3.",
        id="decimal comma in a comma-separated file",
    ),
    pytest.param(
        SimpleUploadedFile("cles.csv", b"\nlevier;departement;valeur\naugm_fret;18;1\n"),
        "Fichier : le fichier est vide ou sa première ligne ne donne pas les noms des colonnes.",
        id="no header on the first line",
    ),
    pytest.param(
        SimpleUploadedFile("cles.csv", b"\x81\x8d\x8f;\x90"),
        "Fichier : le fichier n’est pas un texte CSV lisible",
        id="unreadable encoding",
    ),
    pytest.param(
        keys_csv([]),
        "Fichier : le fichier ne contient aucune ligne.",
        id="header only",
    ),
]


@pytest.mark.parametrize(("upload", "message"), CASES)
def test_a_malformed_file_is_refused_whole_and_changes_nothing(staff_client, upload, message):
    response = staff_client.post(KEYS, {"file": upload})

    assert response.status_code == 200
    page = text_of(response)
    assert "Fichier refusé : rien n’a été modifié" in page
    assert message in page
    assert not DistributionKey.objects.exists()
    assert staff_client.get(reverse("split:keys_preview"))["Location"] == KEYS  # nothing pending
    assert not AuditEvent.objects.filter(action__startswith="split.").exists()


def test_a_departement_of_another_region_is_refused(staff_client, paris):
    upload = keys_csv(with_line(2, ("augm_fret", "75", 1)))

    page = text_of(staff_client.post(KEYS, {"file": upload}))

    assert (
        "Ligne 4, colonne « departement » : le département Paris (75) n’est pas dans la région "
        "Centre-Val de Loire." in page
    )
    assert not DistributionKey.objects.exists()


def test_an_empty_file_is_refused(staff_client):
    page = text_of(staff_client.post(KEYS, {"file": SimpleUploadedFile("cles.csv", b"")}))

    assert "Le fichier soumis est vide." in page
    assert not DistributionKey.objects.exists()


def test_a_refused_file_leaves_the_keys_in_place(staff_client):
    staff_client.post(KEYS, {"file": keys_csv(fret_key((1, 1, 1, 1, 1, 1)))})
    staff_client.post(reverse("split:keys_preview"), {"action": "apply"})

    staff_client.post(KEYS, {"file": keys_csv(with_line(2, ("augm_fret", "36", "-1")))})

    assert sorted(DistributionKey.objects.values_list("value", flat=True)) == [1.0] * 6


def test_a_file_of_another_kind_is_refused(staff_client):
    upload = SimpleUploadedFile("cles.xlsx", b"PK\x03\x04")

    page = text_of(staff_client.post(KEYS, {"file": upload}))

    assert "Choisissez un fichier CSV (extension .csv)." in page


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1e308", "la valeur est trop grande"),
        ("1e13", "la valeur est trop grande"),
        ("inf", "« inf » n’est pas un nombre."),
        ("nan", "« nan » n’est pas un nombre."),
        ("-1", "la valeur ne peut pas être négative."),
        ("١٢", "« ١٢ » n’est pas un nombre."),
        ("²", "« ² » n’est pas un nombre."),
    ],
)
def test_a_key_value_that_would_break_the_shares_is_refused_naming_its_cell(
    staff_client, value, message
):
    upload = keys_csv(fret_key((1, 2, 3, value, 5, 6)))

    page = text_of(staff_client.post(KEYS, {"file": upload}))

    assert "Fichier refusé : rien n’a été modifié" in page
    assert f"Ligne 5, colonne « valeur » : {message}" in page
    assert not DistributionKey.objects.exists()
    assert staff_client.get(reverse("split:keys_preview"))["Location"] == KEYS
