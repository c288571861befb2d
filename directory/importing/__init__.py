"""Importing organisations from chamber and partner lists (CSV or XLSX).

`reader` reads the file, `layout` knows the columns, `rows` checks every row (the dry run),
`apply` writes the checked rows; `report` turns the outcomes into a report file.
"""

from .apply import Importer
from .layout import COLUMNS, guess_mapping, missing_required
from .reader import UnreadableFile, read_table
from .rows import RowOutcome, check_table

__all__ = [
    "COLUMNS",
    "Importer",
    "RowOutcome",
    "UnreadableFile",
    "check_table",
    "guess_mapping",
    "missing_required",
    "read_table",
]
