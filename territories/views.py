"""Public pages of the geography: the region, its départements, EPCI and communes."""

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from core.params import page_param

from . import selectors
from .forms import TerritorySearchForm

SEARCH_PAGE_SIZE = 20
COMMUNES_PAGE_SIZE = 50


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _paginate(items, per_page: int, number: int) -> Page:
    """A page of ``items`` that also carries the elided page numbers for the DSFR pagination."""
    paginator = Paginator(items, per_page)
    page = paginator.get_page(number)
    page.elided_range = list(  # type: ignore[attr-defined]
        paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    )
    return page


def _breadcrumb(current: str, *links: tuple[str, str]) -> dict:
    return {
        "links": [{"url": url, "title": title} for url, title in links],
        "current": current,
    }


def _territories_link() -> tuple[str, str]:
    return reverse("territories:index"), _("Territoires")


@require_safe
@vary_on_headers("HX-Request")
def index(request: HtmxHttpRequest) -> HttpResponse:
    region_code = settings.COP_REGION_CODE
    form = TerritorySearchForm(request.GET if "q" in request.GET else None)
    context: dict = {"form": form, "results": None, "page_obj": None}
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        results = selectors.search_territories(
            query=form.cleaned_data["q"], region_code=region_code
        )
        context["results"] = results
        context["page_obj"] = _paginate(
            results.communes, SEARCH_PAGE_SIZE, page_param(request.GET)
        )

    # An htmx request gets the results only; a history restore needs the whole page.
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "territories/index.html#results", context)

    region = selectors.get_region(code=region_code)
    if region and region.chef_lieu and region.chef_lieu.postcode_list:
        form.with_example(region.chef_lieu.name, region.chef_lieu.postcode_list[0])
    departements = list(selectors.departements_of_region(region_code=region_code))
    context |= {
        "title": _("Territoires"),
        "breadcrumb_data": _breadcrumb(_("Territoires")),
        "region": region,
        "departements": departements,
        # Sums of the départements' annotations (see selectors.departements_of_region).
        "region_population": sum(getattr(d, "population", 0) or 0 for d in departements),
        "region_commune_count": sum(getattr(d, "commune_count", 0) for d in departements),
        "region_epci_count": selectors.epcis_in_region(region_code=region_code).count()
        if region
        else 0,
        "groupings": selectors.groupings_in_region(region_code=region_code),
    }
    return render(request, "territories/index.html", context)


@require_safe
def departement(request: HttpRequest, code: str) -> HttpResponse:
    region_code = settings.COP_REGION_CODE
    departement = get_object_or_404(
        selectors.departement_queryset(region_code=region_code), code=code
    )
    communes = _paginate(
        selectors.communes_of_departement(departement=departement),
        COMMUNES_PAGE_SIZE,
        page_param(request.GET),
    )
    return render(
        request,
        "territories/departement.html",
        {
            "title": str(departement),
            "breadcrumb_data": _breadcrumb(str(departement), _territories_link()),
            "departement": departement,
            "epcis": selectors.epcis_of_departement(departement=departement),
            "page_obj": communes,
        },
    )


@require_safe
def epci(request: HttpRequest, siren: str) -> HttpResponse:
    region_code = settings.COP_REGION_CODE
    epci = get_object_or_404(selectors.epci_queryset(region_code=region_code), siren=siren)
    return render(
        request,
        "territories/epci.html",
        {
            "title": epci.name,
            "breadcrumb_data": _breadcrumb(epci.name, _territories_link()),
            "epci": epci,
            "departements": selectors.departements_of_epci(epci=epci, region_code=region_code),
            "communes": selectors.members_of_epci(epci=epci, region_code=region_code),
        },
    )


@require_safe
def commune(request: HttpRequest, code: str) -> HttpResponse:
    region_code = settings.COP_REGION_CODE
    commune = get_object_or_404(selectors.commune_queryset(region_code=region_code), code=code)
    return render(
        request,
        "territories/commune.html",
        {
            "title": str(commune),
            "breadcrumb_data": _breadcrumb(
                commune.name,
                _territories_link(),
                (commune.departement.get_absolute_url(), str(commune.departement)),
            ),
            "commune": commune,
        },
    )


@require_safe
def grouping(request: HttpRequest, pk: int) -> HttpResponse:
    region_code = settings.COP_REGION_CODE
    grouping = get_object_or_404(selectors.groupings_in_region(region_code=region_code), pk=pk)
    communes = _paginate(
        selectors.communes_of_territory(territory=grouping),
        COMMUNES_PAGE_SIZE,
        page_param(request.GET),
    )
    return render(
        request,
        "territories/grouping.html",
        {
            "title": grouping.name,
            "breadcrumb_data": _breadcrumb(grouping.name, _territories_link()),
            "grouping": grouping,
            "members": selectors.members_of_grouping(grouping=grouping),
            "page_obj": communes,
        },
    )
