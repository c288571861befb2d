"""Times what partner websites ask for on the demo content: median milliseconds, queries and
bytes of the API lists, a page detail, a 304 revalidation, the embeds and the feeds.

Run: .venv/bin/python bench/headless_api.py [rounds]   (uses a throw-away test database)
"""

import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glokal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def measure(client, url, rounds, **headers):
    client.get(url, **headers)
    timings, queries, response = [], 0, None
    for _ in range(rounds):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, **headers)
            timings.append((time.perf_counter() - started) * 1000)
        queries = len(captured)
    return statistics.median(timings), queries, response


def main(rounds):
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from glokal.demo_tools import point_default_site_at
        from newsroom.models import NewsArticlePage, NewsIndexPage

        call_command("load_demo", "glokal", "directory", "newsroom", "eventpages", verbosity=0)
        point_default_site_at("http://testserver")
        client = Client()
        news = NewsIndexPage.objects.get(locale__language_code="de")
        article = NewsArticlePage.objects.live().first()
        etag = client.get("/api/v3/events/?locale=de&when=all&limit=100")["ETag"]
        rows = [
            ("/api/v3/pages/?locale=de&limit=100", {}),
            (f"/api/v3/pages/{article.pk}/", {}),
            ("/api/v3/news/?locale=de&limit=100", {}),
            ("/api/v3/news/?locale=de&limit=100&fields=title,url", {}),
            ("/api/v3/events/?locale=de&when=all&limit=100", {}),
            ("/api/v3/events/?locale=de&when=all&limit=100 (304)", {"HTTP_IF_NONE_MATCH": etag}),
            ("/de/embed/news/?limit=10", {}),
            ("/de/embed/directory/?limit=20", {}),
            (f"{news.url}feed/json/", {}),
        ]
        print(f"{'request':62} {'ms':>7} {'queries':>8} {'bytes':>8} status")
        for label, headers in rows:
            url = label.split(" ")[0]
            median, queries, response = measure(client, url, rounds, **headers)
            print(
                f"{label:62} {median:7.1f} {queries:8} {len(response.content):8} "
                f"{response.status_code}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
