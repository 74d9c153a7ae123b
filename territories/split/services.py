"""Writes of the split: importing keys and going back to the population key. Atomic, audited."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from cop import audit
from panorama.models import Lever

from ..models import DistributionKey
from .keys_file import KeyRow, KeysPlan, plan_keys_import


@transaction.atomic
def distribution_keys_import(
    *, rows: Sequence[KeyRow], actor, region_code: str, filename: str = ""
) -> KeysPlan:
    """Replace the keys of the levers a validated file names; each lever changed is audited."""
    plan = plan_keys_import(rows, region_code=region_code)
    to_write = plan.to_write
    if not to_write:
        return plan
    slugs = [change.slug for change in to_write]
    levers = {lever.slug: lever for lever in Lever.objects.filter(slug__in=slugs)}
    DistributionKey.objects.filter(
        lever__slug__in=slugs, departement__region_id=region_code
    ).delete()
    now = timezone.now()
    DistributionKey.objects.bulk_create(
        DistributionKey(
            lever=levers[row.slug],
            departement_id=row.departement,
            value=row.value,
            uploaded_by=actor,
            uploaded_at=now,
        )
        for row in rows
        if row.slug in levers
    )
    for change in to_write:
        audit.record(
            actor=actor,
            action="split.keys_import",
            target=levers[change.slug],
            region=region_code,
            filename=filename,
            status=change.status,
            values={value.code: value.after for value in change.values},
            before={value.code: value.before for value in change.values},
        )
    return plan


@transaction.atomic
def distribution_key_reset(*, lever: Lever, actor, region_code: str) -> int:
    """Split a lever by population again: delete its keys in the région (audited). 0: none."""
    keys = list(
        DistributionKey.objects.select_for_update(of=("self",))
        .filter(lever=lever, departement__region_id=region_code)
        .values_list("pk", "departement_id", "value")
    )
    if not keys:
        return 0
    DistributionKey.objects.filter(pk__in=[pk for pk, _code, _value in keys]).delete()
    audit.record(
        actor=actor,
        action="split.keys_reset",
        target=lever,
        region=region_code,
        before={code: value for _pk, code, value in keys},
    )
    return len(keys)
