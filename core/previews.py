"""The one store of upload previews: what a validated file would import, until staff confirm.

An upload is read and validated, then shown as a preview; the validated rows
wait here between the two requests. They are written as JSON in a private
directory (``UPLOAD_PREVIEWS_DIR``, by default ``var/previews``, never under
``MEDIA_ROOT``), one file per preview, named by a random token that only the
uploader's session holds; a file is bound to the user who made it and
expires after a day (older ones are removed on the next upload). The session
keeps only the token and the file name, so that a 600 kB SGPE file never
bloats it.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest

MAX_AGE_SECONDS = 24 * 3600
_SESSION_PREFIX = "upload_preview:"


@dataclass(frozen=True)
class Preview:
    filename: str
    payload: Any  # what ``save_preview`` was given (JSON types)


def _directory() -> Path:
    return Path(settings.UPLOAD_PREVIEWS_DIR)


def _path(token: str) -> Path:
    return _directory() / f"{uuid.UUID(token).hex}.json"


def _user_id(request: HttpRequest) -> int | None:
    user = getattr(request, "user", None)
    return user.pk if user is not None and user.is_authenticated else None


def _purge_stale(directory: Path) -> None:
    stale = time.time() - MAX_AGE_SECONDS
    for old in directory.glob("*.json"):
        try:
            if old.stat().st_mtime < stale:
                old.unlink(missing_ok=True)
        except OSError:
            continue


def save_preview(request: HttpRequest, *, kind: str, filename: str, payload: Any) -> None:
    """Keep ``payload`` (JSON types) as the pending ``kind`` import of this session."""
    discard_preview(request, kind=kind)
    directory = _directory()
    directory.mkdir(parents=True, exist_ok=True)
    _purge_stale(directory)
    token = uuid.uuid4().hex
    content = {"user": _user_id(request), "filename": filename, "payload": payload}
    _path(token).write_text(json.dumps(content), encoding="utf-8")
    request.session[_SESSION_PREFIX + kind] = token


def load_preview(request: HttpRequest, *, kind: str) -> Preview | None:
    """The pending ``kind`` import of this session, or None (none, expired, someone else’s)."""
    token = request.session.get(_SESSION_PREFIX + kind)
    if not isinstance(token, str):
        return None
    try:
        path = _path(token)
        if path.stat().st_mtime < time.time() - MAX_AGE_SECONDS:
            return None
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(content, dict) or content.get("user") != _user_id(request):
        return None
    return Preview(filename=str(content.get("filename", "")), payload=content.get("payload"))


def discard_preview(request: HttpRequest, *, kind: str) -> None:
    """Forget the pending ``kind`` import of this session (cancelled or applied)."""
    token = request.session.pop(_SESSION_PREFIX + kind, None)
    if isinstance(token, str):
        with contextlib.suppress(ValueError):  # not a token this store made
            _path(token).unlink(missing_ok=True)
