"""Benchmark: render the event index, a feed and register people, on a fresh test database.

Run with `.venv/bin/python bench/eventpages_listing.py [number_of_events]`; prints timings.
Uses the test settings and an in-memory SQLite database unless DATABASE_URL is set.
"""

import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glokal.settings.test")
django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def timed(function, repeat=5):
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        durations.append((time.perf_counter() - start) * 1000)
    return statistics.median(durations)


def main(count):
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from django.test import Client
        from wagtail.models import Site

        from eventpages import services
        from eventpages.factories import EventIndexPageFactory, EventPageFactory
        from glokal.models import HomePage

        site = Site.objects.get(is_default_site=True)
        site.hostname, site.port = "testserver", 80
        site.save()
        index = EventIndexPageFactory(parent=HomePage.objects.get(locale__language_code="de"))
        start = time.perf_counter()
        events = [EventPageFactory(parent=index, capacity=count) for _ in range(count)]
        print(f"created {count} events in {time.perf_counter() - start:.1f} s")
        client = Client()
        print(f"index page:      {timed(lambda: client.get(index.url)):.0f} ms")
        print(f"index iCal feed: {timed(lambda: client.get(index.url + 'ical/')):.0f} ms")
        print(f"event page:      {timed(lambda: client.get(events[0].url)):.0f} ms")
        event = events[0]
        event.registration_enabled = True
        event.save()
        counter = iter(range(10_000))

        def register():
            services.register(
                event,
                {
                    "name": "Bench",
                    "email": f"b{next(counter)}@example.org",
                    "country": "DE",
                    "preferred_language": "de",
                    "privacy_consent": True,
                },
            )

        print(f"registration incl. mail: {timed(register, repeat=20):.0f} ms")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
