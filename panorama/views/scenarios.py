"""Saved scenarios: save, list, compare side by side, delete, mark as the region's reference."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.params import choice_param

from .. import selectors, services
from ..forms import ScenarioSaveForm
from ..simulator import parse_query, simulate
from .common import breadcrumb
from .simulator import simulator_url

SGPE_CHOICE = "sgpe"


def _specs(region_code: str):
    efforts = list(selectors.regional_efforts(region_code=region_code))
    return efforts, [selectors.lever_spec(effort) for effort in efforts]


@login_required
@require_GET
def scenario_list(request):
    region_code = selectors.cop_region_code()
    scenarios = list(selectors.visible_scenarios(request.user, region_code=region_code))
    _efforts, specs = _specs(region_code)
    rows = [
        {
            "scenario": scenario,
            "totals": simulate(specs, parse_query(scenario.query, specs)).totals,
            "url": simulator_url(scenario.query),
        }
        for scenario in scenarios
    ]
    title = _("Scénarios enregistrés")
    return render(
        request,
        "panorama/scenario_list.html",
        {
            "title": title,
            "breadcrumb_data": breadcrumb(title),
            "own_rows": [row for row in rows if row["scenario"].owner_id == request.user.pk],
            "other_rows": [row for row in rows if row["scenario"].owner_id != request.user.pk],
            "reference": next((row for row in rows if row["scenario"].is_reference), None),
            "can_mark": rules.has_perm("panorama.mark_reference_scenario", request.user),
        },
    )


@login_required
@require_POST
def scenario_save(request):
    form = ScenarioSaveForm(request.POST)
    region_code = selectors.cop_region_code()
    _efforts, specs = _specs(region_code)
    simulation = simulate(specs, parse_query(form.data.get("query", ""), specs))
    query = simulation.query
    if simulation.errors:
        messages.error(
            request,
            _("Le scénario n’a pas été enregistré : %(reason)s")
            % {"reason": simulation.errors[0].message},
        )
        return redirect(simulator_url(query))
    if not form.is_valid():
        messages.error(
            request,
            _("Le scénario n’a pas été enregistré : donnez-lui un nom (200 caractères au plus)."),
        )
        return redirect(simulator_url(query))
    try:
        scenario = services.scenario_save(
            owner=request.user,
            name=form.cleaned_data["name"],
            region_code=region_code,
            query=query,
        )
    except services.ScenarioError as error:
        messages.error(request, str(error))
        return redirect(simulator_url(query))
    messages.success(request, _("Scénario « %(name)s » enregistré.") % {"name": scenario.name})
    return redirect("panorama:scenario_list")


@login_required
@require_POST
def scenario_delete(request, pk: int):
    scenario = selectors.get_scenario_for_user(request.user, pk, perm="panorama.delete_scenario")
    services.scenario_delete(scenario=scenario)
    messages.success(request, _("Scénario « %(name)s » supprimé.") % {"name": scenario.name})
    return redirect("panorama:scenario_list")


@login_required
@require_POST
def scenario_reference(request, pk: int):
    if not rules.has_perm("panorama.mark_reference_scenario", request.user):
        raise PermissionDenied
    scenario = selectors.get_scenario_for_user(request.user, pk)
    try:
        action = choice_param(request.POST, "action", choices=("mark", "unmark"), default="mark")
        if action == "unmark":
            services.scenario_unmark_reference(scenario=scenario)
            messages.success(
                request,
                _("« %(name)s » n’est plus le scénario de référence.") % {"name": scenario.name},
            )
        else:
            services.scenario_mark_reference(scenario=scenario)
            messages.success(
                request,
                _("« %(name)s » est désormais le scénario de référence.")
                % {"name": scenario.name},
            )
    except services.ScenarioError as error:
        messages.error(request, str(error))
    return redirect("panorama:scenario_list")


@require_GET
def scenario_compare(request):
    region_code = selectors.cop_region_code()
    scenarios = {
        str(s.pk): s for s in selectors.visible_scenarios(request.user, region_code=region_code)
    }
    efforts, specs = _specs(region_code)
    choices = [(SGPE_CHOICE, _("Effort SGPE (sans modification)"))]
    choices += [
        (key, f"{s.name}{_(' (référence)') if s.is_reference else ''} — {s.owner.public_name()}")
        for key, s in scenarios.items()
    ]
    selected = {}
    errors = []
    for side in ("a", "b"):
        value = request.GET.get(side, SGPE_CHOICE if side == "a" else "")
        if value == SGPE_CHOICE:
            selected[side] = (_("Effort SGPE"), "")
        elif value in scenarios:
            selected[side] = (scenarios[value].name, scenarios[value].query)
        elif value:
            errors.append(_("Le scénario demandé n’existe pas ou ne vous est pas accessible."))
    comparison = None
    if len(selected) == 2 and efforts:
        efforts_by_slug = {effort.lever.slug: effort for effort in efforts}
        simulations = {
            side: simulate(specs, parse_query(query, specs))
            for side, (_n, query) in selected.items()
        }
        comparison = {
            "a_name": selected["a"][0],
            "b_name": selected["b"][0],
            "a_totals": simulations["a"].totals,
            "b_totals": simulations["b"].totals,
            "sectors": [
                {
                    "name": sector_a.name,
                    "a": sector_a.totals,
                    "b": sector_b.totals,
                    "rows": [
                        {"a": lever_a, "b": lever_b, "effort": efforts_by_slug[lever_a.spec.slug]}
                        for lever_a, lever_b in zip(sector_a.levers, sector_b.levers, strict=True)
                    ],
                }
                for sector_a, sector_b in zip(
                    simulations["a"].sectors, simulations["b"].sectors, strict=True
                )
            ],
        }
    title = _("Comparer deux scénarios")
    return render(
        request,
        "panorama/scenario_compare.html",
        {
            "title": title,
            "breadcrumb_data": breadcrumb(title),
            "choices": choices,
            "a": request.GET.get("a", SGPE_CHOICE),
            "b": request.GET.get("b", ""),
            "errors": errors,
            "comparison": comparison,
        },
    )
