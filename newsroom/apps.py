from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    """News, topics, contact persons and best-practice stories."""

    name = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        # Organisations are found by the news and stories that mention them.
        from . import search

        search.connect_signals()
