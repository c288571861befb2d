"""Translates in bulk everything missing or out of date, never a string a person wrote."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError, no_translations
from tqdm import tqdm
from wagtail.models import Locale, Page

from ...bulk import bring_up_to_date, sources, status_rows
from ...machine import translator
from ...registry import register_existing


class Command(BaseCommand):
    help = (
        "Machine-translate every page and snippet whose translation is missing or outdated "
        "(without a translator: create missing versions in the source language). Strings a "
        "person translated are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", action="append", help="Target language code (repeat).")
        parser.add_argument(
            "--type", action="append", help="Model, e.g. directory.organisationpage"
        )
        parser.add_argument("--subtree", type=int, help="Only pages below this page ID.")
        parser.add_argument("--dry-run", action="store_true", help="Only list what would change.")

    @no_translations
    def handle(self, *args, **options):
        locales = self._locales(options["locale"])
        models = [ContentType.objects.get_for_model(m) for m in self._models(options["type"])]
        subtree = None
        if options["subtree"]:
            subtree = Page.objects.filter(pk=options["subtree"]).first()
            if subtree is None:
                raise CommandError(f"No page with ID {options['subtree']}")
        if not options["dry_run"]:
            register_existing()
        rows = [
            row
            for row in status_rows(sources(models=models, subtree=subtree), locales)
            if row.needs_work
        ]
        if translator() is None:
            self.stderr.write(
                "No machine translator configured: missing versions are created in the source language."
            )
        done = 0
        for row in tqdm(rows, desc="Translating", unit="item", file=self.stderr, disable=not rows):
            label = f"{row.source.object_repr} [{row.source.locale.language_code}→{row.locale.language_code}]"
            if options["dry_run"]:
                outcome = f"would be translated ({row.status_label})"
            else:
                try:
                    changed, outcome = bring_up_to_date(row)
                    done += int(changed)
                except Exception as error:  # noqa: BLE001 - one failure must not stop the batch
                    outcome = f"failed: {error}"
            with tqdm.external_write_mode(file=self.stderr):
                self.stdout.write(f"{label}: {outcome}")
        self.stdout.write(f"{len(rows)} item(s) needed work; {done} brought up to date.")

    def _locales(self, codes):
        if not codes:
            return list(Locale.objects.all())
        locales = list(Locale.objects.filter(language_code__in=codes))
        if len(locales) != len(set(codes)):
            raise CommandError(f"Unknown language among {', '.join(codes)}")
        return locales

    def _models(self, labels):
        try:
            return [apps.get_model(label) for label in labels or ()]
        except (LookupError, ValueError) as error:
            raise CommandError(str(error)) from error
