"""Pages of the indicative split of the levers among the départements (/panorama/departements/).

Served by territories because the default key is the population of the
départements, which the geography owns; panorama (a lower floor) does not
import territories, territories reads panorama.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core.previews import discard_preview, load_preview, save_preview
from core.uploads import ImportRejected
from panorama.charts import Bar, BarGroup, grouped_bars
from panorama.models import Lever
from panorama.views.common import breadcrumb, check_format

from .forms import DistributionKeysUploadForm, SplitDepartementForm
from .split import services
from .split.compute import Split
from .split.exports import split_response
from .split.keys_file import KeyRow, plan_keys_import, read_keys
from .split.permissions import can_manage_keys
from .split.selectors import cop_region_code, departement_split

PREVIEW_KIND = "split_keys"


def _index_title() -> str:
    return _("Répartition par département")


def _index_link() -> tuple[str, str]:
    return reverse("split:index"), _index_title()


def _keys_link() -> tuple[str, str]:
    return reverse("split:keys"), _("Clés de répartition")


def _ready(split: Split) -> bool:
    """Both the SGPE levers and the geography (with its population) are imported."""
    return bool(split.levers and split.departements and split.population)


def _check_staff(user) -> None:
    if not can_manage_keys(user):
        raise PermissionDenied(
            _(
                "Seuls les agents de l’État et de la Région peuvent modifier les clés de "
                "répartition de l’effort entre les départements."
            )
        )


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    split = departement_split(region_code=cop_region_code())
    form = SplitDepartementForm(
        request.GET if "departement" in request.GET else None, departements=split.departements
    )
    if form.is_bound and form.is_valid():
        return redirect("split:departement", code=form.cleaned_data["departement"])
    title = _index_title()
    context = {
        "title": title,
        "breadcrumb_data": breadcrumb(title),
        "split": split,
        "ready": _ready(split),
        "form": form,
        "can_manage": can_manage_keys(request.user),
    }
    if context["ready"]:
        context["chart"] = grouped_bars(
            [
                BarGroup(
                    split.region_name,
                    [
                        Bar(f"{departement.name} ({departement.code})", total)
                        for departement, total in zip(
                            split.departements, split.totals, strict=True
                        )
                    ],
                )
            ],
            title=_("Effort 2030 par département en %(region)s (répartition indicative)")
            % {"region": split.region_name},
            description=_(
                "Barres horizontales : pour chacun des %(count)s départements, la somme des "
                "parts des leviers, en ktCO₂e. Les mêmes chiffres figurent dans le tableau "
                "qui suit."
            )
            % {"count": len(split.departements)},
            unit="ktCO₂e",
            chart_id="split-chart",
        )
    return render(request, "territories/split_index.html", context)


@require_safe
def departement(request: HttpRequest, code: str) -> HttpResponse:
    split = departement_split(region_code=cop_region_code())
    column = split.departement(code)
    if column is None or not _ready(split):
        raise Http404(_("Ce département n’est pas dans la région."))
    sectors = split.sectors_in(code)
    total = split.departement_total(code)
    title = _("%(departement)s : part indicative de l’effort régional") % {
        "departement": f"{column.name} ({column.code})"
    }
    chart = grouped_bars(
        [
            BarGroup(sector.name, [Bar(lever.effort.name, cell.kt) for lever, cell in sector.rows])
            for sector in sectors
        ],
        title=_("Part indicative de l’effort 2030 de chaque levier en %(departement)s")
        % {"departement": column.name},
        description=_(
            "Barres horizontales : pour chacun des %(count)s leviers, regroupés par secteur, la "
            "part du département en ktCO₂e. Les mêmes chiffres figurent dans le tableau qui suit."
        )
        % {"count": len(split.levers)},
        unit="ktCO₂e",
        chart_id="split-departement-chart",
    )
    return render(
        request,
        "territories/split_departement.html",
        {
            "title": title,
            "breadcrumb_data": breadcrumb(f"{column.name} ({column.code})", _index_link()),
            "split": split,
            "column": column,
            "sectors": sectors,
            "total": total,
            "chart": chart,
            "others": [d for d in split.departements if d.code != code],
        },
    )


@require_safe
def export(request: HttpRequest, file_format: str) -> HttpResponse:
    check_format(file_format)
    split = departement_split(region_code=cop_region_code())
    if not _ready(split):
        raise Http404(_("Aucune donnée à exporter."))
    return split_response(split, file_format)


# --- Staff: keys --------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def keys(request: HttpRequest) -> HttpResponse:
    """The keys in place, and the upload of a CSV file of keys."""
    _check_staff(request.user)
    region_code = cop_region_code()
    errors: list[str] = []
    form = DistributionKeysUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = read_keys(upload, region_code=region_code)
        except ImportRejected as rejected:
            errors = rejected.messages
        else:
            save_preview(
                request,
                kind=PREVIEW_KIND,
                filename=upload.name,
                payload=[[row.line, row.slug, row.departement, row.value] for row in rows],
            )
            return redirect("split:keys_preview")
    split = departement_split(region_code=region_code)
    title = _("Clés de répartition")
    return render(
        request,
        "territories/split_keys.html",
        {
            "title": title,
            "breadcrumb_data": breadcrumb(title, _index_link()),
            "split": split,
            "imported": [lever for lever in split.levers if lever.key.imported],
            "form": form,
            "errors": errors,
        },
    )


def _pending_rows(request: HttpRequest) -> tuple[list[KeyRow], str] | None:
    preview = load_preview(request, kind=PREVIEW_KIND)
    if preview is None:
        return None
    try:
        rows = [
            KeyRow(line=line, slug=slug, departement=code, value=float(value))
            for line, slug, code, value in preview.payload
        ]
    except (TypeError, ValueError):
        return None
    return rows, preview.filename


@require_http_methods(["GET", "HEAD", "POST"])
def keys_preview(request: HttpRequest) -> HttpResponse:
    _check_staff(request.user)
    region_code = cop_region_code()
    pending = _pending_rows(request)
    if pending is None:
        messages.error(request, _("Aucun import en attente : déposez d’abord un fichier."))
        return redirect("split:keys")
    rows, filename = pending

    if request.method == "POST":
        discard_preview(request, kind=PREVIEW_KIND)
        if request.POST.get("action") != "apply":
            messages.info(request, _("Import annulé : rien n’a été modifié."))
            return redirect("split:keys")
        try:
            plan = services.distribution_keys_import(
                rows=rows, actor=request.user, region_code=region_code, filename=filename
            )
        except ImportRejected as rejected:
            messages.error(request, " ".join(rejected.messages))
            return redirect("split:keys")
        messages.success(
            request,
            _("Import de « %(name)s » appliqué : %(summary)s")
            % {"name": filename, "summary": plan.summary()},
        )
        return redirect("split:index")

    try:
        plan = plan_keys_import(rows, region_code=region_code)
    except ImportRejected as rejected:
        discard_preview(request, kind=PREVIEW_KIND)
        messages.error(request, " ".join(rejected.messages))
        return redirect("split:keys")
    title = _("Aperçu de l’import des clés")
    return render(
        request,
        "territories/split_keys_preview.html",
        {
            "title": title,
            "breadcrumb_data": breadcrumb(title, _index_link(), _keys_link()),
            "plan": plan,
            "filename": filename,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def key_reset(request: HttpRequest, slug: str) -> HttpResponse:
    """Go back to the population key for one lever (a confirmation page, then a POST)."""
    _check_staff(request.user)
    region_code = cop_region_code()
    lever = get_object_or_404(Lever, slug=slug)
    if request.method == "POST":
        deleted = services.distribution_key_reset(
            lever=lever, actor=request.user, region_code=region_code
        )
        if deleted:
            messages.success(
                request,
                _("Le levier « %(name)s » est de nouveau réparti selon la population.")
                % {"name": lever.name},
            )
        else:
            messages.info(
                request,
                _("Le levier « %(name)s » était déjà réparti selon la population.")
                % {"name": lever.name},
            )
        return redirect("split:keys")
    title = _("Revenir à la clé population")
    return render(
        request,
        "territories/split_key_reset.html",
        {
            "title": title,
            "breadcrumb_data": breadcrumb(title, _index_link(), _keys_link()),
            "lever": lever,
        },
    )
