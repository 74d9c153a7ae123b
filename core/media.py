"""Uploaded files, served by one view that asks the file's owner who may see it.

``MEDIA_URL`` is routed to :func:`serve_file` in DEBUG and in production alike,
so every ``FieldFile.url`` (templates, the admin's "currently" links) goes
through it. Each app registers its file fields with the permission that
decides who may download them (:func:`register_file_field`, called from the
app's ``permissions.py``): a file that no registered field owns, or that the
person may not see, is a 404, so unpublished or private files cannot be
told apart from missing ones.

The response is always a download (``Content-Disposition: attachment``) with a
type from the allow-list of ``core.files`` (anything else is opaque bytes),
``nosniff`` and a sandboxing CSP, so a file can never run as a page of the
site. With ``MEDIA_ACCEL_REDIRECT`` set (``DJANGO_MEDIA_ACCEL_REDIRECT``), the
bytes are left to the reverse proxy (nginx ``X-Accel-Redirect`` to an
``internal`` location aliasing ``MEDIA_ROOT``).
"""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.db import models
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.views.decorators.http import require_safe

from .files import content_type_for

# A downloaded file is a document, never a page: no script, no form, no plugin,
# no frame, even if a browser were to render it.
FILE_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'"


@dataclass(frozen=True)
class FileOwner:
    model: type[models.Model]
    field: str
    perm: str  # a ``rules`` permission checked against the owning object
    select_related: tuple[str, ...] = ()

    @property
    def prefix(self) -> str:
        """The fixed start of the stored names (``upload_to`` up to its first ``%``)."""
        field = self.model._meta.get_field(self.field)
        upload_to = field.upload_to if isinstance(field, models.FileField) else ""
        return upload_to.split("%", 1)[0] if isinstance(upload_to, str) else ""


_OWNERS: list[FileOwner] = []


def register_file_field(
    model: type[models.Model], field: str, *, perm: str, select_related: tuple[str, ...] = ()
) -> None:
    """Make the files of ``model.field`` downloadable by those holding ``perm`` on the row."""
    owner = FileOwner(model, field, perm, select_related)
    if owner not in _OWNERS:
        _OWNERS.append(owner)


def registered_file_fields() -> list[FileOwner]:
    return list(_OWNERS)


def find_owner(name: str) -> tuple[FileOwner, models.Model] | None:
    """The registered field and the row that hold the stored file ``name``."""
    for owner in _OWNERS:
        if not name.startswith(owner.prefix):
            continue
        row = (
            owner.model._default_manager.select_related(*owner.select_related)
            .filter(**{owner.field: name})
            .order_by("pk")
            .first()
        )
        if row is not None:
            return owner, row
    return None


def attachment_disposition(filename: str) -> str:
    """``attachment`` with an ASCII fallback and the exact name in RFC 5987 form."""
    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode()
    fallback = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_name).lstrip(".") or "fichier"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


@require_safe
def serve_file(request: HttpRequest, name: str) -> HttpResponseBase:
    """Download a stored file if its owner lets this person see it; 404 otherwise."""
    if "\x00" in name or name.startswith("/") or ".." in PurePosixPath(name).parts:
        raise Http404
    found = find_owner(name)
    if found is None:
        raise Http404
    owner, row = found
    if not request.user.has_perm(owner.perm, row):
        raise Http404
    storage = getattr(row, owner.field).storage
    try:
        exists = storage.exists(name)
    except SuspiciousFileOperation:
        exists = False
    if not exists:
        raise Http404

    content_type = content_type_for(name)
    accel = settings.MEDIA_ACCEL_REDIRECT
    response: HttpResponseBase
    if accel:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + quote(name)
    else:
        response = FileResponse(storage.open(name, "rb"), content_type=content_type)
    response["Content-Type"] = content_type
    response["Content-Disposition"] = attachment_disposition(PurePosixPath(name).name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    # Who may see a file can change (minutes unpublished, a session made
    # private): no shared cache keeps a copy.
    response["Cache-Control"] = "private, no-cache"
    return response
