"""Documents of plenary sessions are downloaded through the checked view, like every file."""

import pytest
from django.core.files.base import ContentFile

from tests.factories import DocumentFactory, PlenarySessionFactory

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


@pytest.fixture(autouse=True)
def _production_mode(settings):
    settings.DEBUG = False


def document_of(plenary, name="diaporama.pdf"):
    document = DocumentFactory.build(plenary=plenary, edition=plenary.edition, url="")
    document.file.save(name, ContentFile(PDF), save=True)
    return document


def test_a_document_of_a_public_plenary_is_downloaded_from_the_calendar(visitor, db):
    document = document_of(PlenarySessionFactory(is_public=True))

    page = visitor.get("/calendrier/").content.decode()
    response = visitor.get(document.file.url)

    assert f'href="{document.file.url}"' in page
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment; ")


def test_a_document_of_a_private_plenary_is_for_staff_only(visitor, citizen_client, staff_client):
    document = document_of(PlenarySessionFactory(is_public=False))

    assert visitor.get(document.file.url).status_code == 404
    assert citizen_client.get(document.file.url).status_code == 404
    assert staff_client.get(document.file.url).status_code == 200
