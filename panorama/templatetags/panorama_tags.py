import re

import rules
from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def phys(value: float | None) -> str:
    """A physical quantity in French format, with as many decimals as its size needs."""
    if value is None:
        return ""
    size = abs(value)
    decimals = 1 if size >= 1 or size == 0 else 2 if size >= 0.1 else 3
    return number_format(round(value, decimals), decimals, use_l10n=True, force_grouping=True)


@register.filter
def kt(value: float | None) -> str:
    """ktCO₂e without decimals, grouped in thousands (9 504)."""
    if value is None:
        return ""
    return number_format(round(value), 0, use_l10n=True, force_grouping=True)


@register.filter
def signed_kt(value: float) -> str:
    """A difference in ktCO₂e with its sign (+118, −40, 0)."""
    rounded = round(value)
    text = number_format(abs(rounded), 0, use_l10n=True, force_grouping=True)
    if rounded > 0:
        return f"+{text}"
    if rounded < 0:
        return f"−{text}"
    return text


@register.filter
def percent(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return ""
    return number_format(round(value, decimals), decimals, use_l10n=True, force_grouping=True)


@register.filter
def unit(text: str) -> str:
    """A SGPE unit on one line ("milliers de véhicules… (en 2030)")."""
    return " ".join((text or "").split())


@register.filter
def unit_main(text: str) -> str:
    """The unit without its "(en 2030 …)" qualifier."""
    return " ".join((text or "").split("\n", 1)[0].split())


@register.filter
def share_of(value: float, total: float) -> float:
    """``value`` as a percentage of ``total`` (0 when the total is 0)."""
    return 100 * value / total if total else 0.0


@register.filter
def difference(value: float, other: float) -> float:
    return value - other


@register.filter
def absolute(value: float) -> float:
    return abs(value)


_HEADING = re.compile(r"^(#{1,6})(?=\s)", re.MULTILINE)


@register.filter
def nest_headings(text: str, level: int = 2) -> str:
    """Markdown whose shallowest heading gets ``level`` hashes (the SGPE's #### under an h2)."""
    depths = [len(match.group(1)) for match in _HEADING.finditer(text or "")]
    if not depths:
        return text
    shift = int(level) - min(depths)
    return _HEADING.sub(lambda m: "#" * max(1, min(6, len(m.group(1)) + shift)), text)


@register.simple_tag
def panorama_perm(name: str, user, obj=None) -> bool:
    """``{% panorama_perm "panorama.import_levers" user as can_import %}``.

    Asks the rules of ``panorama/permissions.py`` directly: going through
    ``user.has_perm`` would also query Django's permission tables for nothing.
    """
    return rules.has_perm(name, user, obj)
