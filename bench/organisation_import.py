#!/usr/bin/env python
"""Benchmark of the organisation import (a script, not a test).

Writes a CSV of N synthetic organisations in the documented layout (German and Czech, about
one in ten a duplicate of an earlier row) and prints the time of the dry run and of the real
import into the configured database (DATABASE_URL; the PostgreSQL database is created if
missing), as drafts or, with --publish, published in every language:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/glokal_bench_import .venv/bin/python bench/organisation_import.py --rows 50000

Options: --rows N (default 20000), --publish, --dry-run-only.
"""

import argparse
import io
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glokal.settings.test")

from bench.seeding import ensure_postgres_database  # noqa: E402

CITIES = [
    ("Dresden", "01067", "DE", "DED21"),
    ("Görlitz", "02826", "DE", "DED2D"),
    ("Chemnitz", "09111", "DE", "DED41"),
    ("Liberec", "46001", "CZ", "CZ051"),
    ("Ústí nad Labem", "40001", "CZ", "CZ042"),
    ("Karlovy Vary", "36001", "CZ", "CZ041"),
]
SECTORS = ["C25", "C28", "C22", "C29", "C26"]


def ico(number):
    digits = f"{number % 10_000_000:07d}"
    total = sum(int(d) * w for d, w in zip(digits, range(8, 1, -1), strict=True))
    return digits + str((11 - total % 11) % 10)


def write_csv(rows, seed=1):
    rng = random.Random(seed)
    out = io.StringIO()
    out.write(
        "Name;Organisation type;Summary;Postal code;City;Country;NUTS-3 region;IČO;Sectors;Number of employees\n"
    )
    for number in range(rows):
        original = number if rng.random() > 0.1 or number == 0 else rng.randrange(number)
        city, postal_code, country, region = CITIES[original % len(CITIES)]
        summary = (
            "Obrábění a montáž pro strojírenství."
            if country == "CZ"
            else "Fertigung und Montage für den Maschinenbau."
        )
        out.write(
            f"Bench {original} {'s.r.o.' if country == 'CZ' else 'GmbH'};company;{summary};{postal_code};{city};"
            f"{country};{region};{ico(original) if country == 'CZ' else ''};{SECTORS[original % 5]};{original % 300}\n"
        )
    return out.getvalue().encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--publish", action="store_true")
    parser.add_argument("--dry-run-only", action="store_true")
    args = parser.parse_args()
    if os.environ.get("DATABASE_URL"):
        ensure_postgres_database(os.environ["DATABASE_URL"])

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from directory import demo as directory_demo
    from directory.importing import Importer, check_table, guess_mapping, read_table
    from directory.importing.report import counts
    from directory.models import DirectoryIndexPage, OrganisationPage
    from glokal import demo as site_demo

    call_command("migrate", verbosity=0)
    if not DirectoryIndexPage.objects.exists():
        site_demo.load()
        directory_demo.load()
    OrganisationPage.objects.filter(title__startswith="Bench ").delete()

    data = write_csv(args.rows)
    print(
        f"Database: {connection.vendor}; file: {args.rows} rows, {len(data) / 1024 / 1024:.1f} MB"
    )
    started = time.perf_counter()
    table = read_table(data, "bench.csv")
    outcomes = check_table(table, guess_mapping(table.headers))
    checked = time.perf_counter() - started
    print(
        f"dry run: {checked:.1f} s ({1000 * checked / args.rows:.2f} ms per row) {counts(outcomes)}"
    )
    if args.dry_run_only:
        return
    started = time.perf_counter()
    Importer("bench", publish=args.publish).run(outcomes)
    imported = time.perf_counter() - started
    mode = "published in every language" if args.publish else "as drafts"
    print(
        f"import {mode}: {imported:.1f} s ({1000 * imported / args.rows:.1f} ms per row) "
        f"{counts(outcomes)}"
    )


if __name__ == "__main__":
    main()
