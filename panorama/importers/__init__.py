"""Reading and validating the SGPE files (pandas), and planning what an import changes.

Nothing here writes to the database: ``services.levers_import`` and
``services.biodiversity_import`` apply the rows validated here, in one
transaction. A file with any bad row is refused whole, with messages naming
the line and the column.

The SGPE levers come as JSON (the simulator's own ``data.json``), or as CSV or
XLSX with the same column names (as staff receive them in spreadsheets).
"""

from .barometre import (
    BarometreResult,
    BiodiversityRow,
    biodiversity_fields,
    read_barometre,
    validate_barometre,
)
from .levers import (
    LEVER_COLUMNS,
    Change,
    EffortChange,
    ImportPlan,
    LeverRow,
    plan_levers_import,
    read_levers,
    validate_levers,
)
from .tables import (
    DEFAULT_BAROMETRE_FILE,
    DEFAULT_LEVERS_FILE,
    FORMATS,
    ImportRejected,
    RowError,
    Table,
    detect_format,
    read_table,
)

__all__ = [
    "DEFAULT_BAROMETRE_FILE",
    "DEFAULT_LEVERS_FILE",
    "FORMATS",
    "LEVER_COLUMNS",
    "BarometreResult",
    "BiodiversityRow",
    "Change",
    "EffortChange",
    "ImportPlan",
    "ImportRejected",
    "LeverRow",
    "RowError",
    "Table",
    "biodiversity_fields",
    "detect_format",
    "plan_levers_import",
    "read_barometre",
    "read_levers",
    "read_table",
    "validate_barometre",
    "validate_levers",
]
