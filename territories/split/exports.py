"""CSV and XLSX exports of the split (``core.spreadsheets``), as ``panorama/exports.py``.

The main table mirrors the page: one row per lever, one column per
département. The XLSX file adds a sheet with one row per (lever, département),
with the key, the share and the physical translation where it splits.
"""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.spreadsheets import Sheet, spreadsheet_response
from panorama.exports import records_sheet, source_sheet

from .compute import Physical, Split

METHOD_NOTICE = _lazy(
    "Répartition indicative de l’effort régional 2030 de chaque levier entre les départements, "
    "au prorata d’une clé : la population municipale (Insee) par défaut, ou une clé importée "
    "par les services de l’État et de la Région."
)


def key_label(lever) -> str:
    """« population » or « clé importée le 4 décembre 2023 »."""
    if lever.key.imported and lever.key.uploaded_at is not None:
        date = formats.date_format(timezone.localtime(lever.key.uploaded_at), "j F Y")
        return _("clé importée le %(date)s") % {"date": date}
    return _("population")


def split_sheet(split: Split) -> Sheet:
    """One row per lever: its key, its regional effort, its part in each département (ktCO₂e)."""
    rows = []
    for lever in split.levers:
        row = {
            _("Secteur"): lever.effort.lever.sector.name,
            _("Identifiant"): lever.effort.lever.slug,
            _("Levier"): lever.effort.name,
            _("Clé de répartition"): key_label(lever),
            _("Effort régional 2030 (ktCO₂e)"): round(lever.total_kt, 4),
        }
        for cell in lever.cells:
            label = f"{cell.departement.name} ({cell.departement.code})"
            row[_("%(departement)s (ktCO₂e)") % {"departement": label}] = round(cell.kt, 4)
        rows.append(row)
    return records_sheet(_("Répartition"), rows)


def detail_sheet(split: Split) -> Sheet:
    """One row per (lever, département), with the key value, the share and the physical part."""
    rows = []
    for lever in split.levers:
        unit = " ".join(lever.effort.unit_phys.split()) if lever.physical == Physical.DELTA else ""
        for cell in lever.cells:
            rows.append(
                {
                    _("Identifiant"): lever.effort.lever.slug,
                    _("Levier"): lever.effort.name,
                    _("Code du département"): cell.departement.code,
                    _("Département"): cell.departement.name,
                    _("Clé de répartition"): key_label(lever),
                    _("Valeur de la clé"): cell.key_value,
                    _("Part du département (%)"): round(100 * cell.share, 4),
                    _("Effort 2030 (ktCO₂e)"): round(cell.kt, 4),
                    _("Traduction physique"): None if cell.phys is None else round(cell.phys, 4),
                    _("Unité physique"): unit,
                }
            )
    return records_sheet(_("Détail"), rows)


def split_response(split: Split, file_format: str):
    return spreadsheet_response(
        file_format=file_format,
        filename=f"repartition-departements-{split.region_code}",
        sheets=[split_sheet(split), detail_sheet(split), source_sheet(str(METHOD_NOTICE))],
    )
