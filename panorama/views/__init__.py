"""Views of the panorama, one module per feature."""

from .imports import import_preview, import_upload
from .pages import biodiversity, index, lever_detail, panorama_export
from .scenarios import (
    scenario_compare,
    scenario_delete,
    scenario_list,
    scenario_reference,
    scenario_save,
)
from .simulator import simulator, simulator_export

__all__ = [
    "biodiversity",
    "import_preview",
    "import_upload",
    "index",
    "lever_detail",
    "panorama_export",
    "scenario_compare",
    "scenario_delete",
    "scenario_list",
    "scenario_reference",
    "scenario_save",
    "simulator",
    "simulator_export",
]
