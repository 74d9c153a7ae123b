"""``manage.py import_panorama``: both shipped files by default, idempotent."""

import io

import pytest
from django.core.management import CommandError, call_command

from panorama.models import BiodiversityLever, RegionalEffort


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_panorama", *args, stdout=out)
    return out.getvalue()


def test_it_imports_the_levers_and_the_barometre(db):
    output = run()

    assert "Efforts créés : 444 ;" in output
    assert "134 leviers (134 créés" in output
    assert RegionalEffort.objects.count() == 444
    assert BiodiversityLever.objects.count() == 134


def test_running_it_twice_changes_nothing(db):
    run()

    output = run()

    assert "Efforts créés : 0 ; modifiés : 0 ; supprimés : 0 ; inchangés : 444" in output
    assert "(0 créés, 0 modifiés, 0 supprimés)" in output


def test_the_simulation_option_writes_nothing(db):
    output = run("--simulation", "--sans-barometre")

    assert "Efforts créés : 444 ;" in output
    assert not RegionalEffort.objects.exists()


def test_a_missing_file_is_a_clear_error(db):
    with pytest.raises(CommandError, match="Fichier introuvable"):
        run("/nulle/part.json")
