"""Writes of the panorama: imports and scenarios. Keyword-only, atomic."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .importers import (
    BiodiversityRow,
    ImportPlan,
    LeverRow,
    biodiversity_fields,
    plan_levers_import,
)
from .models import BiodiversityLever, Lever, RegionalEffort, Scenario, Sector, Workstream


class ScenarioError(Exception):
    """A scenario action refused with a message for the user."""


@transaction.atomic
def levers_import(*, rows: list[LeverRow]) -> ImportPlan:
    """Create or update sectors, workstreams, levers and regional efforts from validated rows."""
    plan = plan_levers_import(rows)

    sectors = _names_to_objects(Sector, [row.sector for row in rows])
    workstreams = _names_to_objects(Workstream, [row.workstream for row in rows])

    # A lever keeps one name: the most frequent one among the regions' rows.
    lever_rows: dict[str, list[LeverRow]] = {}
    for row in rows:
        lever_rows.setdefault(row.slug, []).append(row)
    existing_levers = {lever.slug: lever for lever in Lever.objects.filter(slug__in=lever_rows)}
    to_create, to_update = [], []
    for position, (slug, group) in enumerate(lever_rows.items(), start=1):
        names = [row.lever_name for row in group]
        values = {
            "name": max(names, key=names.count),
            "sector": sectors[group[0].sector],
            "workstream": workstreams[group[0].workstream],
            "position": position,
        }
        lever = existing_levers.get(slug)
        if lever is None:
            to_create.append(Lever(slug=slug, **values))
        elif any(getattr(lever, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(lever, key, value)
            to_update.append(lever)
    Lever.objects.bulk_create(to_create)
    Lever.objects.bulk_update(to_update, ["name", "sector", "workstream", "position"])
    levers = {lever.slug: lever for lever in Lever.objects.filter(slug__in=lever_rows)}

    region_codes = {row.region_code for row in rows}
    efforts = {
        (effort.region_code, effort.lever_id): effort
        for effort in RegionalEffort.objects.filter(region_code__in=region_codes)
    }
    new_efforts, changed_efforts = [], []
    field_names = list(rows[0].effort_values()) if rows else []
    for row in rows:
        lever = levers[row.slug]
        values = row.effort_values()
        effort = efforts.pop((row.region_code, lever.pk), None)
        if effort is None:
            new_efforts.append(RegionalEffort(lever=lever, **values))
        elif any(getattr(effort, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(effort, key, value)
            changed_efforts.append(effort)
    RegionalEffort.objects.bulk_create(new_efforts)
    RegionalEffort.objects.bulk_update(changed_efforts, field_names, batch_size=200)
    # What the regions of the file no longer list goes; levers stay (others may point at them).
    if efforts:
        RegionalEffort.objects.filter(pk__in=[effort.pk for effort in efforts.values()]).delete()
    return plan


def _names_to_objects(model, names: list[str]) -> dict:
    """Sectors or workstreams by name, created as needed, ordered as they first appear."""
    ordered = list(dict.fromkeys(names))
    existing = {obj.name: obj for obj in model.objects.filter(name__in=ordered)}
    missing = [
        model(name=name, position=index)
        for index, name in enumerate(ordered, start=1)
        if name not in existing
    ]
    model.objects.bulk_create(missing)
    changed = []
    for index, name in enumerate(ordered, start=1):
        obj = existing.get(name)
        if obj is not None and obj.position != index:
            obj.position = index
            changed.append(obj)
    model.objects.bulk_update(changed, ["position"])
    return {obj.name: obj for obj in model.objects.filter(name__in=ordered)}


@transaction.atomic
def biodiversity_import(*, rows: list[BiodiversityRow]) -> dict[str, int]:
    """Replace the baromètre's levers by validated rows, updating in place by (chantier, name)."""
    fields = biodiversity_fields()
    existing = {(lever.workstream, lever.name): lever for lever in BiodiversityLever.objects.all()}
    created, updated = [], []
    for row in rows:
        lever = existing.pop(row.key, None)
        if lever is None:
            created.append(BiodiversityLever(**row.values))
        elif any(getattr(lever, key) != value for key, value in row.values.items()):
            for key, value in row.values.items():
                setattr(lever, key, value)
            updated.append(lever)
    BiodiversityLever.objects.bulk_create(created)
    BiodiversityLever.objects.bulk_update(updated, fields)
    if existing:
        BiodiversityLever.objects.filter(pk__in=[lever.pk for lever in existing.values()]).delete()
    return {"created": len(created), "updated": len(updated), "deleted": len(existing)}


def scenario_save(*, owner, name: str, region_code: str, query: str) -> Scenario:
    """Save the simulator's current query under a name (same name: the scenario is updated)."""
    name = name.strip()
    if not name:
        raise ScenarioError(_("Donnez un nom au scénario."))
    with transaction.atomic():
        scenario, _created = Scenario.objects.update_or_create(
            owner=owner, region_code=region_code, name=name, defaults={"query": query}
        )
    return scenario


def scenario_delete(*, scenario: Scenario) -> None:
    """Delete a saved scenario."""
    with transaction.atomic():
        scenario.delete()


def scenario_mark_reference(*, scenario: Scenario) -> Scenario:
    """Make this scenario the reference of its region, in place of the previous one."""
    try:
        with transaction.atomic():
            # Lock the region's current reference so that two staff members
            # marking at once queue here; the partial unique constraint is the last guard.
            list(
                Scenario.objects.select_for_update()
                .filter(region_code=scenario.region_code, is_reference=True)
                .values_list("pk", flat=True)
            )
            Scenario.objects.filter(region_code=scenario.region_code, is_reference=True).exclude(
                pk=scenario.pk
            ).update(is_reference=False)
            Scenario.objects.filter(pk=scenario.pk).update(is_reference=True)
    except IntegrityError as error:
        raise ScenarioError(
            _("Un autre scénario vient d’être marqué comme référence : réessayez.")
        ) from error
    scenario.is_reference = True
    return scenario


def scenario_unmark_reference(*, scenario: Scenario) -> Scenario:
    """Withdraw the reference mark of a scenario."""
    with transaction.atomic():
        Scenario.objects.filter(pk=scenario.pk).update(is_reference=False)
    scenario.is_reference = False
    return scenario
