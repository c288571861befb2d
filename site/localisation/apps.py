from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalisationConfig(AppConfig):
    """Cross-border content: translations of pages and snippets, and how they were made."""

    name = "glokal.localisation"
    label = "localisation"
    verbose_name = _("Translations")

    def ready(self):
        from . import receivers  # noqa: F401 - connects the publish receivers
