"""Files of the import layout: the empty template, and the report of a run."""

import io

from django.utils.translation import gettext as _

from glokal.spreadsheets import table_csv

from .layout import COLUMNS
from .report import report_lines


def template_csv():
    return table_csv([str(column.label) for column in COLUMNS], [])


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
