"""Reading an uploaded CSV or XLSX file into a header row and data rows of text."""

import csv
import datetime
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

# A chamber's whole member list fits; anything larger is not a member list.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
CSV_ENCODINGS = ("utf-8-sig", "cp1250", "cp1252")


class UnreadableFile(ValueError):
    """The file cannot be read as a table; the message says why, for the person uploading."""


@dataclass
class Table:
    headers: list
    rows: list  # (row number as a spreadsheet shows it, [cell text, …])


def read_table(data, filename):
    """The table in `data` (bytes), read as XLSX or CSV by the file name's extension."""
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(
            _("The file is larger than %(size)d MB.") % {"size": MAX_FILE_BYTES // 1024 // 1024}
        )
    if filename.lower().endswith(".xlsx"):
        lines = _xlsx_lines(data)
    elif filename.lower().endswith((".csv", ".txt")):
        lines = _csv_lines(data)
    else:
        raise UnreadableFile(_("Upload a CSV or XLSX file."))
    lines = iter(lines)
    headers = next(lines, None)
    if not headers or not any(headers):
        raise UnreadableFile(_("The first row of the file must name the columns."))
    rows = []
    for number, cells in enumerate(lines, start=2):
        if any(cells):
            rows.append((number, cells))
        if len(rows) > MAX_ROWS:
            raise UnreadableFile(_("The file has more than %(rows)d rows.") % {"rows": MAX_ROWS})
    return Table(headers=[cell.strip() for cell in headers], rows=rows)


def _csv_lines(data):
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # cp1252 decodes nearly anything; this is for the bytes it leaves undefined.
        raise UnreadableFile(_("The file's characters cannot be read: save it as UTF-8."))
    if "\x00" in text:
        raise UnreadableFile(_("This is not a text file: upload a CSV or XLSX file."))
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise UnreadableFile(_("The CSV file cannot be read: %(error)s") % {"error": exc}) from None


def _xlsx_lines(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise UnreadableFile(_("The XLSX file cannot be read: is it an Excel workbook?")) from None
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # IČO, postal codes and years typed as numbers
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()
