"""Staff upload of an SGPE file: validation, a preview of the changes, then the import."""

from dataclasses import asdict

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.previews import discard_preview, load_preview, save_preview

from .. import services
from ..forms import ImportUploadForm
from ..importers import ImportRejected, LeverRow, detect_format, plan_levers_import, read_levers
from .common import breadcrumb

PREVIEW_KIND = "panorama_levers"


def _pending_rows(request) -> tuple[list[LeverRow], str] | None:
    preview = load_preview(request, kind=PREVIEW_KIND)
    if preview is None:
        return None
    try:
        return [LeverRow(**row) for row in preview.payload], preview.filename
    except TypeError:
        return None


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
            save_preview(
                request,
                kind=PREVIEW_KIND,
                filename=upload.name,
                payload=[asdict(row) for row in rows],
            )
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
    pending = _pending_rows(request)
    if pending is None:
        messages.error(request, _("Aucun import en attente : déposez d’abord un fichier."))
        return redirect("panorama:import_upload")
    rows, filename = pending

    if request.method == "POST":
        discard_preview(request, kind=PREVIEW_KIND)
        if request.POST.get("action") != "apply":
            messages.info(request, _("Import annulé : rien n’a été modifié."))
            return redirect("panorama:import_upload")
        plan = services.levers_import(rows=rows)
        messages.success(
            request,
            _("Import de « %(name)s » appliqué : %(summary)s")
            % {"name": filename, "summary": plan.summary()},
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
            "filename": filename,
        },
    )
