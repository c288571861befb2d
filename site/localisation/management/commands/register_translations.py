"""Registers content made outside wagtail-localize (imports, older copies) as translations."""

from django.core.management.base import BaseCommand

from ...registry import register_existing, unregistered_count


class Command(BaseCommand):
    help = (
        "Give every page and translatable snippet a wagtail-localize translation source; "
        "its other language versions become translations that keep their own text."
    )

    def handle(self, *args, **options):
        counts = register_existing()
        self.stdout.write(
            f"{counts['sources']} source(s), {counts['translations']} translation(s), "
            f"{counts['strings']} string(s) registered; "
            f"{unregistered_count()} object(s) without a translation source"
        )
