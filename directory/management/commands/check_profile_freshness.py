"""Daily job: freshness reminders and "not current" marking of directory profiles."""

from django.core.management.base import BaseCommand

from directory.selfservice import freshness


class Command(BaseCommand):
    help = (
        "Send reminders to organisations whose profile was last confirmed 12 or 13 months ago "
        "and tell those past 18 months that their profile is now shown as not current. "
        "Idempotent: safe to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be sent, send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        done = freshness.run(dry_run=dry_run)
        for title, step, recipients in done:
            self.stdout.write(f"{step}: {title} → {', '.join(recipients) or '(no address)'}")
        self.stdout.write(
            self.style.SUCCESS(f"{len(done)} organisation(s) {'due' if dry_run else 'handled'}.")
        )
