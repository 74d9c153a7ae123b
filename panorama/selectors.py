"""Reads of the panorama, with their joins done."""

from __future__ import annotations

from dataclasses import dataclass

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet, Sum
from django.http import Http404

from .models import TAG_FIELDS, BiodiversityLever, RegionalEffort, Scenario
from .regions import OVERSEAS_CODES
from .simulator import LeverSpec


def cop_region_code() -> str:
    """The region whose COP this platform runs (``COP_REGION_CODE``, 24 by default)."""
    return str(settings.COP_REGION_CODE).zfill(2)


def regional_efforts(*, region_code: str) -> QuerySet[RegionalEffort]:
    """The region's levers in the order of the SGPE file, grouped by sector."""
    return (
        RegionalEffort.objects.filter(region_code=region_code)
        .select_related("lever__sector", "lever__workstream")
        .order_by("lever__sector__position", "position")
    )


def lever_spec(effort: RegionalEffort) -> LeverSpec:
    return LeverSpec(
        slug=effort.lever.slug,
        name=effort.name,
        sector=effort.lever.sector.name,
        effort_kt=effort.effort_kt,
        start_2019=effort.start_2019,
        ratio=effort.ratio,
        relative=effort.relative,
        has_translation=effort.has_translation,
        editable=not effort.edition_disabled,
    )


@dataclass(frozen=True)
class SectorGroup:
    name: str
    efforts: list[RegionalEffort]
    total_kt: float


@dataclass(frozen=True)
class Overview:
    region_code: str
    region_name: str
    efforts: list[RegionalEffort]
    sectors: list[SectorGroup]
    total_kt: float
    metropolitan_kt: float
    national_kt: float

    @property
    def metropolitan_share(self) -> float:
        """The region's part of the effort of metropolitan France, in %."""
        return 100 * self.total_kt / self.metropolitan_kt if self.metropolitan_kt else 0.0

    @property
    def specs(self) -> list[LeverSpec]:
        return [lever_spec(effort) for effort in self.efforts]


def group_by_sector(efforts: list[RegionalEffort]) -> list[SectorGroup]:
    groups: dict[str, list[RegionalEffort]] = {}
    for effort in efforts:
        groups.setdefault(effort.lever.sector.name, []).append(effort)
    return [
        SectorGroup(name, items, sum(effort.effort_kt for effort in items))
        for name, items in groups.items()
    ]


def overview(*, region_code: str) -> Overview | None:
    """The region's panorama and its share of the national effort (2 queries); None if empty."""
    efforts = list(regional_efforts(region_code=region_code))
    if not efforts:
        return None
    totals = RegionalEffort.objects.aggregate(
        national=Sum("effort_kt"),
        metropolitan=Sum("effort_kt", filter=~Q(region_code__in=OVERSEAS_CODES)),
    )
    return Overview(
        region_code=region_code,
        region_name=efforts[0].region_name,
        efforts=efforts,
        sectors=group_by_sector(efforts),
        total_kt=sum(effort.effort_kt for effort in efforts),
        metropolitan_kt=totals["metropolitan"] or 0.0,
        national_kt=totals["national"] or 0.0,
    )


@dataclass(frozen=True)
class LeverDetail:
    effort: RegionalEffort
    regions: list[RegionalEffort]  # every region's effort on this lever, largest first

    @property
    def national_kt(self) -> float:
        return sum(effort.effort_kt for effort in self.regions)

    @property
    def share(self) -> float:
        """The region's part of the national effort on this lever, in %."""
        return 100 * self.effort.effort_kt / self.national_kt if self.national_kt else 0.0

    @property
    def rank(self) -> int:
        """1 for the region with the largest effort on this lever."""
        return 1 + sum(1 for other in self.regions if other.effort_kt > self.effort.effort_kt)


def lever_detail(*, slug: str, region_code: str) -> LeverDetail:
    """One lever in the region and among all regions (1 query), or Http404."""
    regions = list(
        RegionalEffort.objects.filter(lever__slug=slug)
        .select_related("lever__sector", "lever__workstream")
        .order_by("-effort_kt", "region_name")
    )
    effort = next((e for e in regions if e.region_code == region_code), None)
    if effort is None:
        raise Http404("Levier inconnu pour cette région.")
    return LeverDetail(effort=effort, regions=regions)


def visible_scenarios(user, *, region_code: str) -> QuerySet[Scenario]:
    """The scenarios a user may open: theirs and the reference one (staff: all)."""
    scenarios = Scenario.objects.filter(region_code=region_code).select_related("owner")
    if rules.has_perm("panorama.view_all_scenarios", user):
        return scenarios
    if user.is_authenticated:
        return scenarios.filter(Q(owner=user) | Q(is_reference=True))
    return scenarios.filter(is_reference=True)


def get_scenario_for_user(user, pk: int, *, perm: str = "panorama.view_scenario") -> Scenario:
    """The one way to fetch a scenario for a user: Http404 if unseen, 403 if not allowed."""
    scenario = Scenario.objects.select_related("owner").filter(pk=pk).first()
    if scenario is None:
        raise Http404("Scénario introuvable.")
    if not rules.has_perm(perm, user, scenario):
        if not rules.has_perm("panorama.view_scenario", user, scenario):
            raise Http404("Scénario introuvable.")  # do not reveal others' scenarios
        raise PermissionDenied
    return scenario


def reference_scenario(*, region_code: str) -> Scenario | None:
    return (
        Scenario.objects.filter(region_code=region_code, is_reference=True)
        .select_related("owner")
        .first()
    )


def biodiversity_levers(
    *, tags: list[str], territorial: bool | None
) -> QuerySet[BiodiversityLever]:
    """The baromètre's levers carrying every tag given, optionally only (non-)territorial ones."""
    levers = BiodiversityLever.objects.all()
    for tag in tags:
        levers = levers.filter(**{TAG_FIELDS[tag]: True})
    if territorial is not None:
        levers = levers.filter(territorial=territorial)
    return levers.order_by("position")
