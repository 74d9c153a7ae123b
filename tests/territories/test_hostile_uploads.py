"""Every hostile file, sent to every upload of the platform, is refused in French.

The uploads: the staff SGPE import page, the distribution keys page, and the
import commands (``import_panorama FILE``, ``import_territories --data-dir``).
Each file of ``tests.fixtures.hostile`` must give a French message, no 500,
nothing pending and nothing changed in the database. A new upload adds a test
here.
"""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from cop.models import AuditEvent
from panorama.models import Lever, RegionalEffort
from territories.models import Commune, DistributionKey, Epci
from tests.fixtures.hostile import hostile_files
from tests.territories.test_split_support import (  # noqa: F401 -- fixtures
    panorama,
    sgpe,
    sgpe_rows,
    text_of,
)
from tests.territories.tiny_dataset import write_dataset

FILES = list(hostile_files())
IDS = [name for name, _content in FILES]
# What a parser says when its error reaches the user untranslated.
ENGLISH = re.compile(
    r"\b(Error|error|Expected|expected|line \d|not well-formed|Traceback|invalid|field|"
    r"Unnamed|codec|decode)\b"
)


def snapshot() -> dict:
    return {
        "levers": list(Lever.objects.order_by("pk").values_list("slug", "name")),
        "efforts": list(
            RegionalEffort.objects.order_by("pk").values_list(
                "lever_id", "region_code", "effort_kt"
            )
        ),
        "keys": list(DistributionKey.objects.values_list("lever_id", "departement_id", "value")),
        "communes": Commune.objects.count(),
        "epcis": Epci.objects.count(),
        "audit": AuditEvent.objects.count(),
    }


def refusal_of(response) -> list[str]:
    """The French refusal shown on an upload page (the alert's items or the field's error)."""
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    alert = re.search(r'id="import-errors">(.*?)</div>', html, re.DOTALL)
    if alert:
        messages = re.findall(r"<li>(.*?)</li>", alert.group(1), re.DOTALL)
    else:
        messages = re.findall(r'class="fr-error-text"[^>]*>(.*?)</p>', html, re.DOTALL)
    assert messages, html[:3000]
    return messages


def assert_french(messages: list[str]) -> None:
    for message in messages:
        assert message.strip()
        assert not ENGLISH.search(message), message


@pytest.mark.parametrize(("name", "content"), FILES, ids=IDS)
def test_every_upload_refuses_the_hostile_file_in_french_and_changes_nothing(
    staff_client,
    panorama,  # noqa: F811
    tmp_path,
    name,
    content,
):
    before = snapshot()

    # The staff SGPE import page.
    response = staff_client.post(
        reverse("panorama:import_upload"), {"file": SimpleUploadedFile(name, content)}
    )
    assert_french(refusal_of(response))
    preview = staff_client.get(reverse("panorama:import_preview"))
    assert preview["Location"] == reverse("panorama:import_upload")  # nothing pending

    # The distribution keys page.
    response = staff_client.post(
        reverse("split:keys"), {"file": SimpleUploadedFile(name, content)}
    )
    assert_french(refusal_of(response))
    assert staff_client.get(reverse("split:keys_preview"))["Location"] == reverse("split:keys")

    # import_panorama FILE.
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError) as refused:
        call_command("import_panorama", str(path), "--sans-barometre")
    message = str(refused.value)
    assert "refusé, rien n’a été modifié" in message
    assert_french([message.split("modifié :", 1)[1]])

    # import_territories, the file given as the communes of the COG.
    data_dir = write_dataset(tmp_path / "cog")
    (data_dir / "communes.csv").write_bytes(content)
    with pytest.raises(CommandError) as refused:
        call_command("import_territories", "--data-dir", str(data_dir))
    message = str(refused.value)
    assert "communes.csv" in message
    assert_french([message.split("communes.csv", 1)[1]])

    assert snapshot() == before
