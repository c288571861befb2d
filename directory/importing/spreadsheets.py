"""Files of the import layout: the empty template, and the report of a run."""

import csv
import io

from django.utils.translation import gettext as _

from glokal.spreadsheets import neutralise_formula

from .layout import COLUMNS
from .report import report_lines

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def template_csv():
    stream = io.StringIO()
    csv.writer(stream, delimiter=";").writerow([str(column.label) for column in COLUMNS])
    return stream.getvalue().encode("utf-8-sig")  # the BOM tells Excel it is UTF-8


def template_xlsx():
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Organisations")[:31]
    sheet.append([str(column.label) for column in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    help_sheet = workbook.create_sheet(_("Columns")[:31])
    help_sheet.append([_("Column"), _("Required"), _("What to enter")])
    for column in COLUMNS:
        help_sheet.append(
            [str(column.label), _("yes") if column.required else "", str(column.help)]
        )
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def report_csv(outcomes, dry_run):
    header = [_("Row"), _("Name"), _("Result"), _("Column"), _("Message")]
    return table_csv(header, report_lines(outcomes, dry_run))


def as_cell(value):
    return neutralise_formula(str(value))


def table_csv(header, rows):
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=";")
    writer.writerow(header)
    writer.writerows([as_cell(value) for value in row] for row in rows)
    return stream.getvalue().encode("utf-8-sig")


def table_xlsx(header, rows, title):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append([_bold(sheet, label, Font) for label in header])
    for row in rows:
        sheet.append([as_cell(value) for value in row])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _bold(sheet, text, font):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=text)
    cell.font = font(bold=True)
    return cell
