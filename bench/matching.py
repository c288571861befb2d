#!/usr/bin/env python
"""Benchmark of the sourcing-request matching (a script, not a test).

Quality: for each demo request (directory/demo/requests.yaml), the demo organisations judged
able to meet it (`suppliers`) are compared with the ranking in the request's own language.
precision@5 counts the judged suppliers among the first five, divided by min(5, judged)
(a request with two judged suppliers cannot fill five places); recall@10 the share of the
judged suppliers among the first ten. Pairs across languages are a Czech request and a German
supplier or the other way round. Only the demo organisations are ranked for the quality
figures: the seeded ones are random recombinations nobody judged.

Speed: the time to match the German version of each request against every German
organisation, after seeding 50,000 of them as bench/directory_search.py does (its seeding
code), from reading the request to the explained top ten:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/glokal_matchbench .venv/bin/python bench/matching.py

Options: --count N (default 50000), --runs N (default 5 per request).
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
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if os.environ.get("DATABASE_URL"):
        ensure_postgres_database(os.environ["DATABASE_URL"])
    else:
        print("DATABASE_URL is not set: using the SQLite file of the settings.")

    import django

    django.setup()
    from django.db import connection

    from directory import demo as directory_demo
    from directory.demo import sourcing
    from directory.matching.matching import matches_for_request
    from directory.models import OrganisationPage, SourcingRequestPage

    seeded_directory(args.count)
    # Again: the demo requests and their judged suppliers may be newer than the database.
    directory_demo.load()

    demo_orgs = OrganisationPage.objects.exclude(slug__startswith="seed-")
    countries = dict(demo_orgs.values_list("slug", "country"))
    precisions, recalls, pairs, across = [], [], 0, 0
    timings = []
    for item in sourcing.request_data()["requests"]:
        language = "cs" if countries[item["organisation"]] == "CZ" else "de"
        page = SourcingRequestPage.objects.get(slug=item["slug"], locale__language_code=language)
        judged = set(item["suppliers"])
        pairs += len(judged)
        across += sum(countries[s] != countries[item["organisation"]] for s in judged)
        ranked = [m.organisation.slug for m in matches_for_request(page, 10, among=demo_orgs)]
        hits5 = len(judged & set(ranked[:5]))
        precisions.append(hits5 / min(5, len(judged)))
        recalls.append(len(judged & set(ranked[:10])) / len(judged))
        missing = sorted(judged - set(ranked[:10]))
        own = []
        # Timed in German, where the seeded organisations are (seed_directory writes German).
        german = SourcingRequestPage.objects.get(slug=item["slug"], locale__language_code="de")
        for _run in range(args.runs):
            started = time.perf_counter()
            matches_for_request(SourcingRequestPage.objects.get(pk=german.pk), 10)
            own.append((time.perf_counter() - started) * 1000)
        timings += own
        print(
            f"  {item['slug']:<32} p@5 {precisions[-1]:.2f}  r@10 {recalls[-1]:.2f}"
            f"  {statistics.median(own):4.0f} ms"
            + (f"  missing: {', '.join(missing)}" if missing else "")
        )
    total = OrganisationPage.objects.filter(locale__language_code="de", live=True).count()
    print(f"Database: {connection.vendor}; live organisations per language: {total}")
    print(f"Judged pairs: {pairs} ({across} across the border and languages)")
    print(
        f"precision@5: {statistics.mean(precisions):.2f}   recall@10: {statistics.mean(recalls):.2f}"
    )
    timings.sort()
    print(
        f"ms per request against {total} organisations: median {statistics.median(timings):.0f}, "
        f"p95 {timings[int(len(timings) * 0.95) - 1]:.0f}, max {timings[-1]:.0f}"
    )


if __name__ == "__main__":
    main()
