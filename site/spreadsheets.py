"""Spreadsheet exports cannot smuggle formulas into the reader's spreadsheet program.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by
Excel and LibreOffice (CSV and XLSX alike); a registration named `=HYPERLINK(…)` would become a
link, or worse, in the back office's spreadsheet. Such text gets a leading `'`, which the
programs show as text. Every export goes through `neutralise_formula`: the project's own CSV
writers call it, and `install()` puts it into Wagtail's SpreadsheetExportMixin, which serves
modeladmin's list exports (registrations, enquiries) and Wagtail's report views.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values):
    """A row for csv.writer with every cell neutralised."""
    return [neutralise_formula(value) for value in values]


def install():
    """Route every value of Wagtail's spreadsheet exports through neutralise_formula (once)."""
    if getattr(SpreadsheetExportMixin.preprocess_field_value, "neutralises_formulas", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(preprocess(self, field, value, export_format))

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
