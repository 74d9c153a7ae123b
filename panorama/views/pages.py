"""The panorama pages: the region's levers, one lever, exports, biodiversity levers."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from .. import selectors
from ..charts import Bar, BarGroup, grouped_bars
from ..exports import export_response, panorama_sheet
from ..forms import BiodiversityFilterForm
from ..models import BiodiversityTag
from .common import breadcrumb, check_format


@require_GET
def index(request):
    region_code = selectors.cop_region_code()
    overview = selectors.overview(region_code=region_code)
    title = _("Panorama des leviers")
    context = {"title": title, "breadcrumb_data": breadcrumb(title), "overview": overview}
    if overview is not None:
        context["chart"] = grouped_bars(
            [
                BarGroup(
                    group.name, [Bar(effort.name, effort.effort_kt) for effort in group.efforts]
                )
                for group in overview.sectors
            ],
            title=_("Effort 2030 par levier en %(region)s") % {"region": overview.region_name},
            description=_(
                "Barres horizontales : pour chacun des %(count)s leviers, regroupés par secteur, "
                "les émissions à éviter en 2030 par rapport à 2019, en ktCO₂e. Les mêmes "
                "chiffres figurent dans le tableau qui suit."
            )
            % {"count": len(overview.efforts)},
            unit="ktCO₂e",
        )
    return render(request, "panorama/index.html", context)


@require_GET
def lever_detail(request, slug: str):
    detail = selectors.lever_detail(slug=slug, region_code=selectors.cop_region_code())
    title = detail.effort.name
    return render(
        request,
        "panorama/lever_detail.html",
        {
            "title": title,
            "breadcrumb_data": breadcrumb(title),
            "detail": detail,
            "effort": detail.effort,
        },
    )


@require_GET
def panorama_export(request, file_format: str):
    check_format(file_format)
    overview = selectors.overview(region_code=selectors.cop_region_code())
    if overview is None:
        raise Http404("Aucune donnée importée.")
    return export_response(
        panorama_sheet(overview), file_format, filename=f"panorama-leviers-{overview.region_code}"
    )


@require_GET
@vary_on_headers("HX-Request")
def biodiversity(request):
    form = BiodiversityFilterForm(request.GET or None)
    tags, territorial = form.filters() if request.GET else ([], None)
    levers = list(selectors.biodiversity_levers(tags=tags, territorial=territorial))
    themes: dict[str, dict[str, list]] = {}
    for lever in levers:
        themes.setdefault(lever.theme, {}).setdefault(lever.workstream, []).append(lever)
    title = _("Leviers biodiversité et ressources")
    context = {
        "title": title,
        "breadcrumb_data": breadcrumb(title),
        "form": form,
        "levers": levers,
        "themes": themes,
        "tag_choices": BiodiversityTag.choices,
        "selected_tags": tags,
        "territorial": form.data.get("territorial", "") if form.is_bound else "",
    }
    template = "panorama/biodiversity.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)
