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

        # The search registers the directory page's context (a Wagtail hook).
        from .search import context  # noqa: F401

        post_migrate.connect(ensure_fulltext_index, sender=self)


def ensure_fulltext_index(using, **kwargs):
    # SQLite loses the index's triggers whenever a migration rebuilds the organisation table.
    from django.db import connections

    from .search.fulltext import TABLE, install

    connection = connections[using]
    if TABLE in connection.introspection.table_names():
        install(connection)
