"""Staff upload of an SGPE file: validation, a preview of the changes, then the import."""

import json
import time
import uuid
from dataclasses import asdict
from pathlib import Path

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import services
from ..forms import ImportUploadForm
from ..importers import ImportRejected, LeverRow, detect_format, plan_levers_import, read_levers
from .common import breadcrumb

SESSION_KEY = "panorama_import"


def _pending_dir() -> Path:
    # Parsed rows wait in a file, not in the session: the SGPE file is ~600 kB.
    return Path(settings.MEDIA_ROOT) / "panorama_imports"


def _pending_path(token: str) -> Path:
    return _pending_dir() / f"{uuid.UUID(token).hex}.json"


def _store(rows: list[LeverRow]) -> str:
    token = uuid.uuid4().hex
    _pending_dir().mkdir(parents=True, exist_ok=True)
    # Previews nobody confirmed or cancelled go after a day.
    stale = time.time() - 24 * 3600
    for old in _pending_dir().glob("*.json"):
        if old.stat().st_mtime < stale:
            old.unlink(missing_ok=True)
    _pending_path(token).write_text(json.dumps([asdict(row) for row in rows]), encoding="utf-8")
    return token


def _load(token: str) -> list[LeverRow] | None:
    try:
        data = json.loads(_pending_path(token).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return [LeverRow(**row) for row in data]


def _check_staff(user) -> None:
    if not rules.has_perm("panorama.import_levers", user):
        raise PermissionDenied


@login_required
def import_upload(request):
    _check_staff(request.user)
    errors: list[str] = []
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = read_levers(upload, detect_format(upload.name))
        except ImportRejected as rejected:
            errors = rejected.messages
        else:
            request.session[SESSION_KEY] = {"token": _store(rows), "filename": upload.name}
            return redirect("panorama:import_preview")
    title = _("Importer les leviers SGPE")
    return render(
        request,
        "panorama/import_upload.html",
        {"title": title, "breadcrumb_data": breadcrumb(title), "form": form, "errors": errors},
    )


@login_required
def import_preview(request):
    _check_staff(request.user)
    pending = request.session.get(SESSION_KEY) or {}
    rows = _load(pending["token"]) if pending.get("token") else None
    if rows is None:
        messages.error(request, _("Aucun import en attente : déposez d’abord un fichier."))
        return redirect("panorama:import_upload")

    if request.method == "POST":
        _pending_path(pending["token"]).unlink(missing_ok=True)
        del request.session[SESSION_KEY]
        if request.POST.get("action") != "apply":
            messages.info(request, _("Import annulé : rien n’a été modifié."))
            return redirect("panorama:import_upload")
        plan = services.levers_import(rows=rows)
        messages.success(
            request,
            _("Import de « %(name)s » appliqué : %(summary)s")
            % {"name": pending["filename"], "summary": plan.summary()},
        )
        return redirect("panorama:index")

    title = _("Aperçu de l’import")
    return render(
        request,
        "panorama/import_preview.html",
        {
            "title": title,
            "breadcrumb_data": breadcrumb(
                title, (reverse("panorama:import_upload"), _("Importer les leviers SGPE"))
            ),
            "plan": plan_levers_import(rows),
            "filename": pending["filename"],
        },
    )
