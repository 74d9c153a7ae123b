"""What a stored upload may be: one allow-list of types, one size bound, one validator.

Every ``FileField`` of the platform (admin included) takes
``validators=[validate_upload]``, and every service that stores an upload calls
it: the extension must be on the allow-list AND the first bytes must match it,
so an SVG or an HTML page renamed ``.pdf`` is refused, and so is any active
content (HTML, XHTML, SVG, XML, JavaScript) whatever its name. The same table
gives the ``Content-Type`` the file is served with (``core.media``).
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_SIZE = 10 * 1024 * 1024  # for every stored upload
MAX_UPLOAD_LABEL = f"{MAX_UPLOAD_SIZE // (1024 * 1024)} Mo"


@dataclass(frozen=True)
class FileType:
    label: str  # what people call it, in messages
    content_type: str  # what it is served as
    # How its content is recognised: "text", "zip" (OOXML), "odf", or the first bytes.
    signatures: tuple[bytes, ...] = ()
    odf_mimetype: str = ""


_OOXML = "application/vnd.openxmlformats-officedocument."
_ODF = "application/vnd.oasis.opendocument."

ALLOWED_TYPES: dict[str, FileType] = {
    ".pdf": FileType("PDF", "application/pdf", (b"%PDF-",)),
    ".png": FileType("PNG", "image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": FileType("JPEG", "image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": FileType("JPEG", "image/jpeg", (b"\xff\xd8\xff",)),
    ".webp": FileType("WEBP", "image/webp"),  # RIFF....WEBP, checked below
    ".odt": FileType("ODT", _ODF + "text", odf_mimetype=_ODF + "text"),
    ".ods": FileType("ODS", _ODF + "spreadsheet", odf_mimetype=_ODF + "spreadsheet"),
    ".odp": FileType("ODP", _ODF + "presentation", odf_mimetype=_ODF + "presentation"),
    ".docx": FileType("DOCX", _OOXML + "wordprocessingml.document"),
    ".xlsx": FileType("XLSX", _OOXML + "spreadsheetml.sheet"),
    ".pptx": FileType("PPTX", _OOXML + "presentationml.presentation"),
    ".csv": FileType("CSV", "text/csv; charset=utf-8"),
    ".txt": FileType("TXT", "text/plain; charset=utf-8"),
}
ACCEPTED_FORMATS = "PDF, PNG, JPEG, WEBP, ODT, ODS, ODP, DOCX, XLSX, PPTX, CSV, TXT"
# For the ``accept`` attribute of file inputs.
ACCEPT_ATTRIBUTE = ",".join(ALLOWED_TYPES)
_TEXT = {".csv", ".txt"}
_ZIP = {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"}

# Markup a browser would render or run, refused anywhere in a text file (a
# binary type is refused by its first bytes already): HTML, SVG, XML, XHTML.
_ACTIVE_MARKERS = (
    b"<!doctype",
    b"<?xml",
    b"<html",
    b"<head",
    b"<body",
    b"<script",
    b"<svg",
    b"<iframe",
    b"<object",
    b"<embed",
    b"<img",
    b"<a ",
    b"<meta",
    b"<style",
    b"<link",
    b"<xsl",
    b"javascript:",
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def content_type_for(name: str) -> str:
    """The type a stored file is served as: from the allow-list, else opaque bytes."""
    kind = ALLOWED_TYPES.get(PurePath(name).suffix.lower())
    return kind.content_type if kind else "application/octet-stream"


def _refuse(message, **params) -> ValidationError:
    return ValidationError(message % params, code="invalid_upload")


def _not_valid(name: str, kind: FileType) -> ValidationError:
    return _refuse(
        _("« %(name)s » n’est pas un fichier %(format)s valide."), name=name, format=kind.label
    )


def _looks_active(data: bytes) -> bool:
    lowered = data.lower()
    stripped = lowered
    for bom in _BOMS:
        stripped = stripped.removeprefix(bom)
    return stripped.lstrip().startswith(b"<") or any(m in lowered for m in _ACTIVE_MARKERS)


def _zip_matches(file: IO[bytes], suffix: str, kind: FileType) -> bool:
    """An office document is a zip whose table of contents says which kind it is."""
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if suffix in {".odt", ".ods", ".odp"}:
                if "mimetype" not in names or archive.getinfo("mimetype").file_size > 100:
                    return False
                return archive.read("mimetype").strip() == kind.odf_mimetype.encode()
            part = {".docx": "word/", ".xlsx": "xl/", ".pptx": "ppt/"}[suffix]
            return "[Content_Types].xml" in names and any(n.startswith(part) for n in names)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError, ValueError):
        return False


def _content_matches(file: IO[bytes], suffix: str, kind: FileType) -> bool:
    file.seek(0)
    head = file.read(4096)
    if not head:
        return False
    if suffix in _TEXT:
        # Text: no NUL byte (a binary or UTF-16 file) and no markup anywhere.
        file.seek(0)
        data = file.read(MAX_UPLOAD_SIZE + 1)
        return b"\x00" not in data and not _looks_active(data)
    if suffix == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if suffix in _ZIP:
        return head.startswith(b"PK\x03\x04") and _zip_matches(file, suffix, kind)
    return head.startswith(kind.signatures)


def validate_upload(value: Any) -> None:
    """Refuse a file not of an allowed type (by name and by content) or over 10 Mo.

    Takes an ``UploadedFile`` or a model's ``FieldFile``; a file already stored
    (a form saved again without a new upload) is not read again.
    """
    if getattr(value, "_committed", False):
        return
    name = PurePath(getattr(value, "name", "") or "").name
    suffix = PurePath(name).suffix.lower()
    kind = ALLOWED_TYPES.get(suffix)
    if kind is None:
        raise _refuse(
            _(
                "« %(name)s » : ce type de fichier n’est pas accepté "
                "(formats acceptés : %(formats)s)."
            ),
            name=name,
            formats=ACCEPTED_FORMATS,
        )
    size = getattr(value, "size", None) or 0
    if size > MAX_UPLOAD_SIZE:
        raise _refuse(
            _("« %(name)s » pèse %(size)s : un fichier ne doit pas dépasser %(limit)s."),
            name=name,
            size=filesizeformat(size),
            limit=MAX_UPLOAD_LABEL,
        )
    file = getattr(value, "file", value)
    try:
        matches = _content_matches(file, suffix, kind)
    finally:
        file.seek(0)
    if not matches:
        if size == 0:
            raise _refuse(_("« %(name)s » est vide."), name=name)
        raise _not_valid(name, kind)
