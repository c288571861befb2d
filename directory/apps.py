from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """Organisations, their taxonomies and the faceted directory search."""

    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        # Groups, permissions and the review workflow follow pages and memberships.
        from . import signals  # noqa: F401
