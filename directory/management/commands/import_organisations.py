"""`manage.py import_organisations FILE [--dry-run]`: organisations from a CSV or XLSX list."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from directory.importing import (
    Importer,
    UnreadableFile,
    check_table,
    guess_mapping,
    missing_required,
    read_table,
)
from directory.importing.report import counts, report_lines
from directory.importing.spreadsheets import report_csv


class Command(BaseCommand):
    help = (
        "Import organisations from a CSV or XLSX file in the documented column layout; "
        "prints what happens to each row."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV or XLSX file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and change nothing."
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish new organisations (default: unclaimed drafts).",
        )
        parser.add_argument(
            "--source", default="", help="Where the list comes from, e.g. 'IHK Dresden 2026'."
        )
        parser.add_argument("--report", help="Also write the report to this CSV file.")

    def handle(self, *args, file, dry_run, publish, source, report, **options):
        translation.activate("en")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            table = read_table(path.read_bytes(), path.name)
        except UnreadableFile as exc:
            raise CommandError(str(exc)) from None
        mapping = guess_mapping(table.headers)
        missing = missing_required(mapping)
        if missing:
            raise CommandError(
                "These required columns are missing: "
                + ", ".join(str(column.label) for column in missing)
            )
        outcomes = check_table(table, mapping)
        if not dry_run:
            Importer(source or path.name, publish=publish).run(outcomes)
        for number, name, label, column, message in report_lines(outcomes, dry_run):
            where = f" [{column}]" if column else ""
            self.stdout.write(f"row {number}: {name or '-'}: {label}{where} {message}".rstrip())
        summary = ", ".join(f"{action} {count}" for action, count in counts(outcomes).items())
        self.stdout.write(("Dry run: " if dry_run else "") + summary)
        if report:
            Path(report).write_bytes(report_csv(outcomes, dry_run))
