"""Check organisations' IČO in ARES and VAT IDs in VIES, and record each register's answer."""

from django.core.management.base import BaseCommand, CommandError

from directory.registers import checks


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument(
            "--imported", action="store_true", help="Only organisations that came from an import."
        )
        parser.add_argument(
            "--unchecked", action="store_true", help="Only organisations never checked before."
        )
        parser.add_argument("--limit", type=int, default=0, help="Check at most this many.")

    def handle(self, imported, unchecked, limit, **options):
        if not checks.enabled():
            raise CommandError(
                "Register checks are off. Set REGISTER_CHECKS=true to ask ARES and VIES."
            )
        counts = {}
        pages = checks.organisations_with_identifiers(
            imported_only=imported, unchecked_only=unchecked, limit=limit
        )
        for page in pages:
            for check in checks.check_organisation(page):
                counts[check.outcome] = counts.get(check.outcome, 0) + 1
                self.stdout.write(f"{page.title}: {check}")
        summary = ", ".join(f"{outcome}: {count}" for outcome, count in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Checked. {summary or 'Nothing to check.'}"))
