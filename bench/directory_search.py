#!/usr/bin/env python
"""Benchmark of the directory search (a script, not a test).

Seeds 50,000 organisations into the configured database (DATABASE_URL; the PostgreSQL
database is created if missing) and prints p50/p95 latency and the SQL query count of three
searches, through the real directory page and through the API, and on PostgreSQL the time
of the fastest hand-written SQL statement doing the same work (bench/directory_bound.py) with
the ratio of the API's p95 to it:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/glokal_bench .venv/bin/python bench/directory_search.py

Options: --count N (default 50000), --runs N (default 200: a 95th percentile read from a few
dozen runs rests on their two slowest), --rebuild-runs N (default 20, for the searches that
rebuild the facet index first: a second or more each).

With ELASTICSEARCH_URL set the searches run on the Elasticsearch engine: the index is rebuilt
(`manage.py search_index rebuild`) after seeding and its time printed.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glokal.settings.test")

from bench.seeding import ensure_postgres_database, seeded_directory  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--rebuild-runs", type=int, default=20)
    args = parser.parse_args()

    if os.environ.get("DATABASE_URL"):
        ensure_postgres_database(os.environ["DATABASE_URL"])
    else:
        print("DATABASE_URL is not set: using the SQLite file of the settings.")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from directory.models import DirectoryIndexPage, OrganisationPage
    from directory.search import facetindex
    from glokal.settings import base

    # How often a process looks for other processes' changes: as in production, not the test
    # settings' "only after its own changes".
    settings.DIRECTORY_REFRESH_SECONDS = base.DIRECTORY_REFRESH_SECONDS
    settings.DIRECTORY_RECHECK_SECONDS = base.DIRECTORY_RECHECK_SECONDS

    seeded_directory(args.count)
    total = OrganisationPage.objects.filter(locale__language_code="de").live().count()
    print(f"Database: {connection.vendor}; live German organisations: {total}")
    from directory.search import engines

    print(f"Directory search engine: {engines.configured()}")
    if engines.uses_cluster():
        started = time.perf_counter()
        call_command("search_index", "rebuild", verbosity=0)
        print(f"Index rebuilt in {time.perf_counter() - started:.1f} s")

    index_url = DirectoryIndexPage.objects.get(locale__language_code="de").url
    api_url = "/api/v3/directory/search/"
    scenarios = [
        ("plain query", {"q": "Stahl"}),
        ("query + two facets", {"q": "Stahl", "region": "DED21", "size": "small"}),
        ("empty query, all facet counts", {}),
    ]
    client = Client()
    print("\nsteady state: the facet index is current")
    measure(client, scenarios, index_url, api_url, args.runs)
    if connection.vendor == "postgresql":
        print("\nthe project's API against the fastest hand-written SQL (one statement)")
        measure_bound(client, scenarios, api_url, args.runs)
    if engines.uses_cluster():
        return  # the rest measures the database engine's in-memory facet index
    edited = OrganisationPage.objects.filter(slug__startswith="seed-").first()
    print("\nfirst search after an organisation was saved: the facet index is updated in place")
    measure(
        client,
        scenarios[-1:],
        index_url,
        api_url,
        args.runs,
        before_each=lambda: edited.save(clean=False),
    )
    print(
        "\nfirst search in a new process (or after a taxonomy was deleted): the facet index is built"
    )
    measure(
        client, scenarios[-1:], index_url, api_url, args.rebuild_runs, before_each=facetindex.clear
    )

    # Last: every run rewrites all organisation rows, which leaves the table to the vacuum.
    def bulk_change_then_save():
        # Seeding or any bulk update stamps every organisation alike; then someone saves.
        OrganisationPage.objects.filter(slug__startswith="seed-").update(
            search_updated_at=timezone.now()
        )
        edited.save(clean=False)

    print(
        "\nfirst search after a bulk change and one save: the facet index is built again"
        " (no list of ids)"
    )
    measure(
        client,
        scenarios[-1:],
        index_url,
        api_url,
        args.rebuild_runs,
        before_each=bulk_change_then_save,
    )
    print_memory()


def print_memory():
    import tracemalloc

    from wagtail.models import Locale

    from directory.search import base_queryset, facetindex

    facetindex.clear()
    locale = Locale.objects.get(language_code="de")
    tracemalloc.start()
    facetindex.for_locale(locale, base_queryset(locale))
    size, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\nfacet index of the German directory: {size / 1024 / 1024:.1f} MiB in memory")


def percentiles(timings):
    return statistics.median(timings), statistics.quantiles(timings, n=20)[18]


def timed(function, runs):
    for _warm_up in range(3):
        function()
    timings = []
    for _run in range(runs):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return percentiles(timings)


def measure_bound(client, scenarios, api_url, runs):
    from django.db import connection
    from wagtail.models import Locale

    from bench.directory_bound import statement
    from directory.models.freshness import confirmed_since

    locale = Locale.objects.get(language_code="de")
    print(
        f"{'scenario':34} {'API p50':>8} {'API p95':>8} {'SQL p50':>8} {'SQL p95':>8} {'ratio':>6}"
    )
    for label, params in scenarios:
        filters = {key: [value] for key, value in params.items() if key != "q"}
        sql, sql_params = statement(locale.pk, params.get("q", ""), filters, confirmed_since())

        def run_sql(sql=sql, sql_params=sql_params):
            with connection.cursor() as cursor:
                cursor.execute(sql, sql_params)
                cursor.fetchall()

        query = {**params, "locale": "de"}
        api = timed(lambda query=query: client.get(api_url, query), runs)
        bound = timed(run_sql, runs)
        print(
            f"{label:34} {api[0]:8.1f} {api[1]:8.1f} {bound[0]:8.1f} {bound[1]:8.1f} "
            f"{api[1] / bound[1]:6.2f}"
        )


def measure(client, scenarios, index_url, api_url, runs, before_each=lambda: None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    print(f"{'scenario':34} {'via':5} {'results':>7} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for label, params in scenarios:
        for through, url, extra in (("view", index_url, {}), ("API", api_url, {"locale": "de"})):
            query = {**params, **extra}
            for _warm_up in range(3):
                client.get(url, query)
            timings, query_counts = [], set()
            for _run in range(runs):
                before_each()
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url, query)
                    timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.status_code
                query_counts.add(len(queries))
            results = client.get(api_url, {**params, "locale": "de"}).json()["count"]
            p50, p95 = percentiles(timings)
            counts = "/".join(str(n) for n in sorted(query_counts))
            print(f"{label:34} {through:5} {results:>7} {p50:8.1f} {p95:8.1f} {counts:>8}")


if __name__ == "__main__":
    main()
