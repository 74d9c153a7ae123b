"""CSV and XLSX exports of the panorama and of scenarios (pandas).

CSV files are written for French spreadsheets: ";" between columns, "," as
the decimal mark, UTF-8 with a byte-order mark so that Excel reads the accents.
"""

from __future__ import annotations

import io

import pandas as pd
from django.http import HttpResponse
from django.utils.translation import gettext as _

from .selectors import Overview
from .simulator import Simulation

SOURCE_NOTICE = (
    "Chiffres indicatifs de travail, qui n’engagent pas l’État. Source : Secrétariat général à la "
    "planification écologique (SGPE), simulateur territorial des leviers de décarbonation, "
    "données publiées sous Licence Ouverte 2.0."
)

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _yes_no(flag: bool) -> str:
    return _("oui") if flag else _("non")


def _unit(text: str) -> str:
    return " ".join(text.split())


def panorama_frame(overview: Overview) -> pd.DataFrame:
    """One row per lever of the region, with its 2030 effort and its physical translation."""
    rows = []
    for effort in overview.efforts:
        translated = effort.translated
        rows.append(
            {
                _("Secteur"): effort.lever.sector.name,
                _("Chantier"): effort.lever.workstream.name,
                _("Identifiant"): effort.lever.slug,
                _("Levier"): effort.name,
                _("Effort 2030 (ktCO₂e)"): round(effort.effort_kt, 4),
                _("Part de l’effort régional (%)"): round(
                    100 * effort.effort_kt / overview.total_kt, 2
                ),
                _("Unité physique"): _unit(effort.unit_phys) if translated else "",
                _("Valeur 2019"): effort.start_2019 if translated and effort.relative else None,
                _("Valeur 2030"): round(effort.phys_2030, 4) if translated else None,
                _("Modifiable par la région"): _yes_no(not effort.edition_disabled),
            }
        )
    return pd.DataFrame(rows)


def scenario_frame(simulation: Simulation, efforts_by_slug: dict) -> pd.DataFrame:
    """One row per lever: SGPE effort, done, remaining, the ambition and its translation."""
    rows = []
    for result in simulation.levers:
        spec = result.spec
        effort = efforts_by_slug.get(spec.slug)
        phys = result.phys_2030
        rows.append(
            {
                _("Secteur"): spec.sector,
                _("Identifiant"): spec.slug,
                _("Levier"): spec.name,
                _("Effort SGPE 2030 (ktCO₂e)"): round(spec.effort_kt, 4),
                _("Déjà réalisé ou engagé (ktCO₂e)"): round(result.done_kt, 4),
                _("Objectif restant (ktCO₂e)"): round(result.target_kt, 4),
                _("Ambition 2030 (ktCO₂e)"): round(result.total_kt, 4),
                _("Écart à l’effort SGPE (ktCO₂e)"): round(result.delta_kt, 4),
                _("Unité physique"): _unit(effort.unit_phys) if effort and spec.translated else "",
                _("Valeur 2019"): spec.start_2019 if spec.translated and spec.relative else None,
                _("Valeur 2030 du scénario"): None if phys is None else round(phys, 4),
            }
        )
    return pd.DataFrame(rows)


def frame_bytes(frame: pd.DataFrame, file_format: str, *, sheet: str) -> bytes:
    if file_format == "csv":
        return frame.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=sheet[:31])
        pd.DataFrame({_("Avertissement"): [SOURCE_NOTICE]}).to_excel(
            writer, index=False, sheet_name=_("Source")
        )
    return buffer.getvalue()


def frame_response(
    frame: pd.DataFrame, file_format: str, *, filename: str, sheet: str
) -> HttpResponse:
    """The frame as a downloaded CSV or XLSX file."""
    response = HttpResponse(
        frame_bytes(frame, file_format, sheet=sheet), content_type=CONTENT_TYPES[file_format]
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response
