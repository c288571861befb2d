from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """Organisations, their taxonomies and the faceted directory search."""

    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        # Groups, permissions and the review workflow follow pages and memberships.
        from . import signals  # noqa: F401

        # The request board's filters answer its page through a hook, like the search; so
        # does the directory page's form that saves a search.
        from .matching import board, saved_searches  # noqa: F401

        # The search registers the directory page's context (a Wagtail hook) and forgets
        # the taxonomy names it indexes when one changes.
        from .search import context, indexing  # noqa: F401

        indexing.connect_signals()
        # Organisations changed are sent to the cluster when the directory searches there.
        from .search.engines.elastic import indexing as cluster_indexing

        cluster_indexing.connect_signals()
        post_migrate.connect(ensure_fulltext_index, sender=self)
        post_migrate.connect(index_unindexed_organisations, sender=self)


def ensure_fulltext_index(using, **kwargs):
    # SQLite loses the index's triggers whenever a migration rebuilds the organisation table.
    from django.db import connections

    from .search.fulltext import TABLE, install

    connection = connections[using]
    if TABLE in connection.introspection.table_names():
        install(connection)


def index_unindexed_organisations(using, **kwargs):
    # Organisations stored before their search data existed (a new token column) are indexed
    # once; later changes to the analysis need `manage.py reindex_directory`.
    from django.db import connections

    from .models import OrganisationPage
    from .search import indexing

    connection = connections[using]
    table = OrganisationPage._meta.db_table
    if table not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        columns = {c.name for c in connection.introspection.get_table_description(cursor, table)}
    if "text_tokens" not in columns:
        return
    unindexed = OrganisationPage.objects.using(using).filter(text_tokens="").exclude(title="")
    if unindexed.exists():
        indexing.reindex(unindexed)
