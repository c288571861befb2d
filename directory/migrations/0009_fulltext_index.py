"""Full-text matching moves to each database's own full-text index (see
directory/search/fulltext.py).

The trigram index of 0004 served substring tests, which the search no longer runs.
"""

from django.db import migrations

from directory.search import fulltext


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS directory_org_search_tokens_trgm")
    fulltext.install(schema_editor.connection)


def drop(apps, schema_editor):
    fulltext.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("directory", "0008_facet_covering_index")]

    operations = [migrations.RunPython(create, drop)]
