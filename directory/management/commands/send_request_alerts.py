"""Daily job: digests of matching sourcing requests to the organisations that chose them."""

from django.core.management.base import BaseCommand

from directory.matching import alerts, saved_searches


class Command(BaseCommand):
    help = (
        "Mail every organisation its waiting alerts about sourcing requests it could meet, "
        "no more often than its chosen frequency (daily or weekly), and every confirmed saved "
        "search its new requests once a day. Safe to run hourly."
    )

    def handle(self, *args, **options):
        mailed = alerts.send_due()
        searches = saved_searches.send_due()
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(mailed)} organisation(s) and {len(searches)} saved search(es) mailed."
            )
        )
