"""Set-up the directory benchmarks share: a PostgreSQL database created when missing, the demo
content, and organisations seeded up to the number asked for (seed_directory)."""

import time
from urllib.parse import urlsplit

# What seeding rewrites: its statistics and visibility map are stale afterwards.
SEEDED_TABLES = (
    "directory_organisationpage",
    "directory_organisationpage_sectors",
    "directory_organisationpage_certifications",
)


def ensure_postgres_database(url):
    """Create the PostgreSQL database named in `url` if it does not exist yet."""
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        return
    import psycopg

    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def seeded_directory(count):
    """Migrate, load the demo content once, and seed organisations up to `count` (Django is
    set up). On PostgreSQL the seeded tables are vacuumed and analysed, as a running site's
    autovacuum would have done: bulk seeding has just invalidated both."""
    from django.core.management import call_command
    from django.db import connection

    from directory import demo as directory_demo
    from directory.models import DirectoryIndexPage, OrganisationPage
    from glokal import demo as site_demo

    call_command("migrate", verbosity=0)
    if not DirectoryIndexPage.objects.filter(locale__language_code="de").exists():
        site_demo.load()
        directory_demo.load()
    existing = OrganisationPage.objects.filter(slug__startswith="seed-").count()
    if existing < count:
        started = time.perf_counter()
        call_command("seed_directory", count=count - existing, verbosity=0)
        print(f"Seeded {count - existing} organisations in {time.perf_counter() - started:.0f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in SEEDED_TABLES:
                cursor.execute(f"VACUUM ANALYZE {table}")
