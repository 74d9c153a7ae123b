"""Stored uploads: one allow-list checked by name and by content, admin included."""

import io
import zipfile

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.files import MAX_UPLOAD_SIZE, content_type_for, validate_upload
from tests.factories import UserFactory
from tests.workshops.factories import WorkingGroupFactory
from workshops.models import GroupDocument

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, format=fmt)
    return buffer.getvalue()


def xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Levier"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


def check(name: str, content: bytes) -> None:
    validate_upload(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("compte-rendu.pdf", PDF),
        ("photo.png", image("PNG")),
        ("photo.JPG", image("JPEG")),
        ("photo.webp", image("WEBP")),
        ("tableau.xlsx", xlsx()),
        ("note.docx", DOCX),
        ("note.odt", ODT),
        ("liste.csv", "département;émissions\nLoiret;12\n".encode("cp1252")),
        ("lisez-moi.txt", "Réunion du 4 décembre : 3 < 5.".encode()),
    ],
)
def test_files_of_the_accepted_types_are_accepted(name, content):
    check(name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.svg", SVG),
        ("page.html", HTML),
        ("page.htm", HTML),
        ("page.xhtml", HTML),
        ("donnees.xml", b"<?xml version='1.0'?><a/>"),
        ("script.js", b"alert(1)"),
        ("sans-extension", PDF),
        ("programme.exe", b"MZ\x90\x00"),
    ],
)
def test_active_content_and_unknown_types_are_refused_by_name(name, content):
    with pytest.raises(ValidationError, match="ce type de fichier n’est pas accepté"):
        check(name, content)


@pytest.mark.parametrize(
    ("name", "content", "label"),
    [
        ("logo.pdf", SVG, "PDF"),
        ("page.pdf", HTML, "PDF"),
        ("page.png", HTML, "PNG"),
        ("logo.jpg", SVG, "JPEG"),
        ("logo.webp", SVG, "WEBP"),
        ("page.csv", HTML, "CSV"),
        ("logo.txt", b"\xef\xbb\xbf  " + SVG, "TXT"),
        ("piege.csv", b"nom;lien\nx;<script>alert(1)</script>\n", "CSV"),
        ("faux.docx", PDF, "DOCX"),
        ("faux.docx", zipped({"index.html": HTML}), "DOCX"),
        ("faux.odt", zipped({"mimetype": b"text/html"}), "ODT"),
        ("tronque.xlsx", xlsx()[:200], "XLSX"),
        ("utf16.txt", "<svg>".encode("utf-16"), "TXT"),
    ],
)
def test_a_file_whose_content_is_not_its_type_is_refused(name, content, label):
    with pytest.raises(ValidationError, match=f"n’est pas un fichier {label} valide"):
        check(name, content)


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="est vide"):
        check("vide.pdf", b"")


def test_a_file_over_the_size_bound_is_refused():
    with pytest.raises(ValidationError, match="un fichier ne doit pas dépasser 10 Mo"):
        check("lourd.pdf", PDF + b"0" * MAX_UPLOAD_SIZE)


def test_only_types_of_the_allow_list_are_served_as_themselves():
    assert content_type_for("a/b/note.PDF") == "application/pdf"
    assert content_type_for("logo.svg") == "application/octet-stream"
    assert content_type_for("page.html") == "application/octet-stream"
    assert content_type_for("sans-extension") == "application/octet-stream"


@pytest.fixture
def admin_client(client_of):
    return client_of(UserFactory(email="admin@exemple.test", is_staff=True, is_superuser=True))


def add_group_document(admin_client, name: str, content: bytes):
    group = WorkingGroupFactory()
    return admin_client.post(
        "/admin/workshops/groupdocument/add/",
        {"group": group.pk, "title": "Logo", "url": "", "file": SimpleUploadedFile(name, content)},
    )


def test_the_admin_refuses_an_svg_upload_in_french(admin_client):
    response = add_group_document(admin_client, "logo.svg", SVG)

    assert response.status_code == 200
    assert "ce type de fichier n’est pas accepté" in response.content.decode()
    assert not GroupDocument.objects.exists()


def test_the_admin_refuses_html_disguised_as_a_pdf(admin_client):
    response = add_group_document(admin_client, "programme.pdf", HTML)

    assert "n’est pas un fichier PDF valide" in response.content.decode()
    assert not GroupDocument.objects.exists()


def test_the_admin_stores_a_real_pdf(admin_client):
    response = add_group_document(admin_client, "programme.pdf", PDF)

    assert response.status_code == 302
    assert GroupDocument.objects.get().file.read() == PDF
