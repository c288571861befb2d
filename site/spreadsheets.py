"""Spreadsheet exports cannot smuggle formulas into the reader's spreadsheet program.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by
Excel and LibreOffice (CSV and XLSX alike); a registration named `=HYPERLINK(…)` would become a
link, or worse, in the back office's spreadsheet. Such text gets a leading `'`, which the
programs show as text. Every export goes through `neutralise_formula`: the project's own CSV
writers call it, and `install()` puts it into Wagtail's SpreadsheetExportMixin, which serves
modeladmin's list exports (registrations, enquiries) and Wagtail's report views.
"""

import csv
import io
from numbers import Number

from wagtail.admin.views.mixins import SpreadsheetExportMixin

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values):
    """A row for csv.writer with every cell neutralised."""
    return [neutralise_formula(value) for value in values]


def as_cell(value):
    """A cell value: numbers stay numbers, anything else becomes neutralised text."""
    if isinstance(value, Number) and not isinstance(value, bool):
        return value
    return neutralise_formula("" if value is None else str(value))


def table_csv(header, rows):
    """A CSV file (semicolons, UTF-8 with the BOM Excel needs) of one table."""
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=";")
    writer.writerow([as_cell(label) for label in header])
    writer.writerows([as_cell(value) for value in row] for row in rows)
    return stream.getvalue().encode("utf-8-sig")


def table_xlsx(header, rows, title):
    """An XLSX workbook of one table on a sheet named `title`, with a bold header row."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(title)[:31])
    header_cells = []
    for label in header:
        cell = WriteOnlyCell(sheet, value=as_cell(label))
        cell.font = Font(bold=True)
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([as_cell(value) for value in row])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def install():
    """Route every value of Wagtail's spreadsheet exports through neutralise_formula (once)."""
    if getattr(SpreadsheetExportMixin.preprocess_field_value, "neutralises_formulas", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(preprocess(self, field, value, export_format))

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
