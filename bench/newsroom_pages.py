"""Times the newsroom's pages and API on the demo content: median milliseconds and queries.

Run: .venv/bin/python bench/newsroom_pages.py [rounds]   (uses a throw-away test database)
"""

import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glokal.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def main(rounds):
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from wagtail.models import Site

        from newsroom import demo
        from newsroom.models import NewsIndexPage, StoryIndexPage

        Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
        started = time.perf_counter()
        demo.load()
        print(f"demo load: {time.perf_counter() - started:.2f} s")
        news = NewsIndexPage.objects.get(locale__language_code="de")
        stories = StoryIndexPage.objects.get(locale__language_code="de")
        article = news.get_articles().first()
        urls = [
            "/de/",
            news.url,
            news.url + "?topic=events",
            news.url + "2025/",
            news.url + "feed/",
            article.url,
            stories.url + "?country=CZ",
            "/api/v3/news/?locale=de&topic=events",
            "/api/v3/news/stories/?country=CZ",
        ]
        client = Client()
        print(f"{'URL':48} {'median ms':>10} {'queries':>8}")
        for url in urls:
            client.get(url)  # renditions and caches
            timings = []
            for _ in range(rounds):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, url
            print(f"{url:48} {statistics.median(timings):10.1f} {len(queries):8d}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
