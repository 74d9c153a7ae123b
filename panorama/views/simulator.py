"""The regional simulator: targets per lever, totals against the SGPE effort."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import replace_url

from core.params import BadParameter

from .. import selectors
from ..exports import export_response, scenario_sheet
from ..forms import ScenarioSaveForm
from ..simulator import Simulation, is_canonical_request, parse_query, read_form, simulate
from .common import breadcrumb, check_format


def simulator_url(query: str) -> str:
    url = reverse("panorama:simulator")
    return f"{url}?{query}" if query else url


def simulation_context(simulation: Simulation, efforts: list) -> dict:
    """The simulation grouped by sector, each lever with its regional data and its errors."""
    efforts_by_slug = {effort.lever.slug: effort for effort in efforts}
    errors: dict[str, list[str]] = {}
    for error in simulation.errors:
        errors.setdefault(error.slug, []).append(error.message)
    sectors = [
        {
            "result": sector,
            "rows": [
                {
                    "result": result,
                    "effort": efforts_by_slug[result.spec.slug],
                    "errors": errors.get(result.spec.slug, []),
                }
                for result in sector.levers
            ],
        }
        for sector in simulation.sectors
    ]
    return {"simulation": simulation, "sectors": sectors, "totals": simulation.totals}


@require_GET
@vary_on_headers("HX-Request")
def simulator(request):
    region_code = selectors.cop_region_code()
    efforts = list(selectors.regional_efforts(region_code=region_code))
    title = _("Simulateur régional")
    context = {"title": title, "breadcrumb_data": breadcrumb(title), "efforts": efforts}
    if not efforts:
        return render(request, "panorama/simulator.html", context)

    specs = [selectors.lever_spec(effort) for effort in efforts]
    is_link = is_canonical_request(request.GET)
    scenario = parse_query(request.GET, specs) if is_link else read_form(request.GET, specs)
    simulation = simulate(specs, scenario)
    url = simulator_url(simulation.query)
    if not is_link and not request.htmx and not simulation.errors:
        # A submitted form: show the scenario at its shareable address.
        return redirect(url)

    context.update(simulation_context(simulation, efforts))
    context.update(
        {
            "region_name": efforts[0].region_name,
            "unknown_keys": scenario.unknown_keys,
            "simulator_url": url,
            "save_form": ScenarioSaveForm(initial={"query": simulation.query}),
        }
    )
    if request.htmx:
        response = render(request, "panorama/simulator.html#simulation", context)
        return replace_url(response, url)
    return render(request, "panorama/simulator.html", context)


@require_GET
def simulator_export(request, file_format: str):
    check_format(file_format)
    efforts = list(selectors.regional_efforts(region_code=selectors.cop_region_code()))
    specs = [selectors.lever_spec(effort) for effort in efforts]
    simulation = simulate(specs, parse_query(request.GET, specs))
    if simulation.errors:
        # A file of another scenario than the one asked for would mislead: say why instead.
        raise BadParameter(simulation.errors[0].message)
    return export_response(
        scenario_sheet(simulation, {effort.lever.slug: effort for effort in efforts}),
        file_format,
        filename="scenario-simulateur",
    )
