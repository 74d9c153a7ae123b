"""Reads of the split: three queries whatever the number of levers."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Sum

from panorama.selectors import cop_region_code, regional_efforts

from ..models import Departement, DistributionKey
from .compute import DepartementColumn, KeySource, LeverKey, Split, split_efforts

__all__ = ["cop_region_code", "departement_columns", "departement_split", "imported_keys"]


def departement_columns(*, region_code: str) -> list[DepartementColumn]:
    """The région's départements in code order, with their municipal population (1 query)."""
    rows = (
        Departement.objects.filter(region_id=region_code)
        .annotate(population=Sum("communes__population"))
        .order_by("code")
        .values_list("code", "name", "population")
    )
    return [DepartementColumn(code, name, population or 0) for code, name, population in rows]


def imported_keys(*, region_code: str) -> dict[int, LeverKey]:
    """The keys uploaded for the région's départements, by lever id (1 query)."""
    values: dict[int, dict[str, float]] = {}
    dates: dict[int, datetime] = {}
    rows = (
        DistributionKey.objects.filter(departement__region_id=region_code)
        .order_by("lever_id", "departement_id")
        .values_list("lever_id", "departement_id", "value", "uploaded_at")
    )
    for lever_id, code, value, uploaded_at in rows:
        values.setdefault(lever_id, {})[code] = value
        if lever_id not in dates or uploaded_at > dates[lever_id]:
            dates[lever_id] = uploaded_at
    return {
        lever_id: LeverKey(
            source=KeySource.IMPORTED,
            values=lever_values,
            uploaded_at=dates[lever_id],
        )
        for lever_id, lever_values in values.items()
    }


def departement_split(*, region_code: str) -> Split:
    """Every lever of the région split among its départements (3 queries).

    Empty levers or départements mean that the SGPE file or the geography has
    not been imported; the page says which.
    """
    efforts = list(regional_efforts(region_code=region_code))
    departements = departement_columns(region_code=region_code)
    keys = imported_keys(region_code=region_code) if efforts and departements else {}
    return split_efforts(
        region_code=region_code,
        efforts=efforts,
        departements=departements,
        imported_keys=keys,
    )
