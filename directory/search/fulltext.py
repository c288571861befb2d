"""The database's own full-text index over the organisations' normalised search tokens.

analysis.py stems and accent-folds every word in Python, for German, Czech and English alike,
so both databases index exactly the same plain words and give the same results:

- SQLite: an FTS5 table over `search_tokens` (external content: it stores only the index and
  reads the text from the organisation table), kept in step by triggers, so bulk inserts of
  the seeding command are indexed like a save from the admin;
- PostgreSQL: a GIN index over `to_tsvector('simple', search_tokens)`. The 'simple'
  configuration only splits and lower-cases: stemming and accent folding for Czech and
  German already happened in analysis.py (PostgreSQL ships no Czech stemmer).

Each query token matches as the start of a word ("stah" finds "stahl"); every term of a query
must match, by any of its alternatives (see analysis.query_terms).
"""

import logging

from django.db import DatabaseError, connections, transaction
from django.db.models import Expression, Func, Q

logger = logging.getLogger(__name__)

TABLE = "directory_organisationpage"
FTS_TABLE = "directory_organisation_fts"
PG_INDEX = "directory_org_search_fts"
PG_VECTOR = "to_tsvector('simple'::regconfig, search_tokens)"
# Autocomplete looks for the typed letters anywhere in the folded names (`LIKE '%…%'`), which
# reads every name unless a trigram index answers it (three letters or more).
PG_NAME_INDEX = "directory_org_name_trgm"

SQLITE_TRIGGERS = {
    "directory_organisation_fts_insert": f"""
        AFTER INSERT ON {TABLE} BEGIN
            INSERT INTO {FTS_TABLE}(rowid, search_tokens)
            VALUES (new.page_ptr_id, new.search_tokens);
        END""",
    "directory_organisation_fts_delete": f"""
        AFTER DELETE ON {TABLE} BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_tokens)
            VALUES ('delete', old.page_ptr_id, old.search_tokens);
        END""",
    "directory_organisation_fts_update": f"""
        AFTER UPDATE OF search_tokens ON {TABLE} BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_tokens)
            VALUES ('delete', old.page_ptr_id, old.search_tokens);
            INSERT INTO {FTS_TABLE}(rowid, search_tokens)
            VALUES (new.page_ptr_id, new.search_tokens);
        END""",
}


def install(connection):
    """Create the index where it is missing; safe to run after every migration.

    On SQLite, Django rebuilds a table (dropping its triggers) whenever a migration alters it,
    so this runs after each `migrate` and re-indexes everything if a trigger had gone.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON {TABLE} USING gin ({PG_VECTOR})"
            )
            if _has_trigrams(connection):
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {PG_NAME_INDEX} ON {TABLE} "
                    "USING gin (sort_title gin_trgm_ops)"
                )
        elif connection.vendor == "sqlite":
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                f"search_tokens, content='{TABLE}', content_rowid='page_ptr_id', "
                "tokenize='unicode61 remove_diacritics 0')"
            )
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [TABLE]
            )
            present = {name for (name,) in cursor.fetchall()}
            missing = [name for name in SQLITE_TRIGGERS if name not in present]
            for name in missing:
                cursor.execute(f"CREATE TRIGGER {name} {SQLITE_TRIGGERS[name]}")
            if missing:
                cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def _has_trigrams(connection):
    """Whether PostgreSQL's pg_trgm extension is there, installing it where the database user
    may (a trusted extension: the database's owner may). Without it, autocomplete reads every
    name, slower but with the same answers."""
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        return True
    except DatabaseError:
        logger.warning("pg_trgm is not available: autocomplete reads every organisation name")
        return False


def uninstall(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
            cursor.execute(f"DROP INDEX IF EXISTS {PG_NAME_INDEX}")
        elif connection.vendor == "sqlite":
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def match(queryset, terms):
    """`queryset` narrowed to organisations whose text matches every term of a query.

    `terms` come from analysis.query_terms: each term is a tuple of alternatives, each
    alternative a tuple of tokens that must all occur as the start of a word. Tokens are
    letters and digits only, so they need no escaping inside the full-text query syntax.
    """
    if not terms:
        return queryset
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        expression = _boolean(terms, "{}:*", " & ", " | ")
        query = SearchQuery(expression, search_type="raw", config="simple")
        # A condition on the row itself, in the indexed expression's exact spelling.
        return queryset.alias(token_vector=TokenVector("search_tokens")).filter(token_vector=query)
    if vendor == "sqlite":
        expression = _boolean(terms, '"{}"*', " AND ", " OR ")
        ids = PlainSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression])
        return queryset.filter(pk__in=ids)
    # Any other database: the same semantics as substring tests on the stored tokens.
    for term in terms:
        condition = Q()
        for alternative in term:
            both = Q()
            for token in alternative:
                both &= Q(search_tokens__contains=f" {token}")
            condition |= both
        queryset = queryset.filter(condition)
    return queryset


def _boolean(terms, token_format, all_of, any_of):
    """The full-text query of `terms` in one engine's syntax: AND of ORs of ANDs."""
    return all_of.join(
        "("
        + any_of.join(
            "(" + all_of.join(token_format.format(token) for token in alternative) + ")"
            for alternative in term
        )
        + ")"
        for term in terms
    )


class PlainSQL(Expression):
    """SQL as written, like Django's RawSQL but without its guess at parent tables: RawSQL
    joins wagtailcore_page whenever the text holds the name of one of its columns ("id" in
    "rowid", "title" in "title_tokens"), which costs a join per match."""

    def __init__(self, sql, params, output_field=None):
        super().__init__(output_field=output_field)
        self.sql, self.params = sql, params

    def as_sql(self, compiler, connection):
        return f"({self.sql})", self.params


class TokenVector(Func):
    """`to_tsvector('simple', column)` on PostgreSQL: the expression the GIN index holds."""

    function = "to_tsvector"
    template = "%(function)s('simple'::regconfig, %(expressions)s)"

    @property
    def output_field(self):
        from django.contrib.postgres.search import SearchVectorField

        return SearchVectorField()
