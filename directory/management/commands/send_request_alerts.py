"""Daily job: digests of matching sourcing requests to the organisations that chose them, and
the daily mails of the saved searches of request boards and of the directory."""

from django.core.management.base import BaseCommand

from directory.matching import alerts, saved_searches


class Command(BaseCommand):
    help = (
        "Mail every organisation its waiting alerts about sourcing requests it could meet, "
        "no more often than its chosen frequency (daily or weekly), and every confirmed saved "
        "search what is new for it once a day (requests on a board, organisations first "
        "published in the directory). Safe to run hourly."
    )

    def handle(self, *args, **options):
        mailed = alerts.send_due()
        searches = saved_searches.send_due()
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(mailed)} organisation(s) and {len(searches)} saved search(es) mailed."
            )
        )
