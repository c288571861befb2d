"""Files of the import layout: the empty template, and the report of a run."""

import csv
import io

from django.utils.translation import gettext as _

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


def report_csv(outcomes, dry_run, neutralise=str):
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow([_("Row"), _("Name"), _("Result"), _("Column"), _("Message")])
    for line in report_lines(outcomes, dry_run):
        writer.writerow([neutralise(str(cell)) for cell in line])
    return stream.getvalue().encode("utf-8-sig")
