"""Charts drawn on the server as SVG, so that the same picture goes into the PDF dossier.

Accessible: ``role="img"`` with a title and a description, every bar labelled
with its name and value (the colour only repeats the sector heading), and the
page shows the data table beside the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# DSFR colours with at least 3:1 contrast on white (WCAG 1.4.11 for graphics).
PALETTE = ["#000091", "#18753c", "#b34000", "#6e445a", "#716043", "#3a3a3a", "#006a6f", "#a94645"]

WIDTH = 800
LABEL_WIDTH = 360
BAR_X = LABEL_WIDTH + 10
BAR_MAX = WIDTH - BAR_X - 90
ROW = 24
BAR = 16
HEADING = 32


@dataclass(frozen=True)
class Bar:
    label: str
    value: float


@dataclass(frozen=True)
class BarGroup:
    label: str
    bars: Sequence[Bar]

    @property
    def total(self) -> float:
        return sum(bar.value for bar in self.bars)


def _number(value: float) -> str:
    return number_format(round(value), 0, use_l10n=True, force_grouping=True)


def grouped_bars(
    groups: Sequence[BarGroup], *, title: str, description: str, unit: str, chart_id: str = "chart"
) -> SafeString:
    """Horizontal bars, one per item, under a heading per group (values in ``unit``)."""
    largest = max((bar.value for group in groups for bar in group.bars), default=0) or 1
    parts: list[str] = []
    y = 0
    for index, group in enumerate(groups):
        colour = PALETTE[index % len(PALETTE)]
        y += HEADING
        parts.append(
            f'<text x="0" y="{y - 10}" font-size="15" font-weight="700" fill="#161616">'
            f"{escape(group.label)} — {_number(group.total)} {escape(unit)}</text>"
        )
        for bar in group.bars:
            width = max(BAR_MAX * bar.value / largest, 1)
            parts.append(
                f'<text x="{LABEL_WIDTH}" y="{y + BAR - 3}" font-size="13" text-anchor="end" '
                f'fill="#3a3a3a">{escape(_shorten(bar.label))}</text>'
                f'<rect x="{BAR_X}" y="{y}" width="{width:.1f}" height="{BAR}" fill="{colour}">'
                f"<title>{escape(bar.label)} : {_number(bar.value)} {escape(unit)}</title></rect>"
                f'<text x="{BAR_X + width + 6:.1f}" y="{y + BAR - 3}" font-size="13" '
                f'fill="#161616">{_number(bar.value)}</text>'
            )
            y += ROW
    height = y + 8
    return mark_safe(  # noqa: S308 -- every text above is escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" class="panorama-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        'font-family="Marianne, arial, sans-serif">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + "".join(parts) + "</svg>"
    )


def _shorten(label: str, limit: int = 52) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
