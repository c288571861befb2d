"""On PostgreSQL, a trigram index makes the token substring tests of the search use an index.

pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may create it. SQLite
needs nothing: it scans, which is fast enough at its scale.
"""

from django.db import migrations

INDEX = (
    "CREATE INDEX IF NOT EXISTS directory_org_search_tokens_trgm "
    "ON directory_organisationpage USING gin (search_tokens gin_trgm_ops)"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS directory_org_search_tokens_trgm")


class Migration(migrations.Migration):
    dependencies = [("directory", "0003_listing_copies")]

    operations = [migrations.RunPython(create, drop)]
