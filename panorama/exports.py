"""CSV and XLSX exports of the panorama and of scenarios, written by ``core.spreadsheets``.

CSV files are written for French spreadsheets (";", decimal comma, BOM); text
cells that would start a formula are neutralised there.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from core.spreadsheets import Sheet, spreadsheet_response

from .selectors import Overview
from .simulator import Simulation

SOURCE_NOTICE = (
    "Chiffres indicatifs de travail, qui n’engagent pas l’État. Source : Secrétariat général à la "
    "planification écologique (SGPE), simulateur territorial des leviers de décarbonation, "
    "données publiées sous Licence Ouverte 2.0."
)


def _yes_no(flag: bool) -> str:
    return _("oui") if flag else _("non")


def _unit(text: str) -> str:
    return " ".join(text.split())


def records_sheet(title: str, records: list[dict[str, Any]]) -> Sheet:
    """A sheet whose columns are the keys of the first record."""
    header = list(records[0]) if records else []
    return Sheet(title=title, header=header, rows=[list(record.values()) for record in records])


def panorama_sheet(overview: Overview) -> Sheet:
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
    return records_sheet(_("Panorama"), rows)


def scenario_sheet(simulation: Simulation, efforts_by_slug: dict) -> Sheet:
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
    return records_sheet(_("Scénario"), rows)


def source_sheet(*notices: str) -> Sheet:
    """The sheet that says where the figures come from (XLSX only)."""
    return Sheet(
        title=_("Source"),
        header=[_("Avertissement")],
        rows=[[str(notice)] for notice in (SOURCE_NOTICE, *notices)],
    )


def export_response(sheet: Sheet, file_format: str, *, filename: str):
    """The sheet as a downloaded CSV, or an XLSX file with the source sheet."""
    return spreadsheet_response(
        file_format=file_format, filename=filename, sheets=[sheet, source_sheet()]
    )
