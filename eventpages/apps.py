from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventPagesConfig(AppConfig):
    """Event index, event series, events, registrations and calendar feeds."""

    name = "eventpages"
    verbose_name = _("Events")

    def ready(self):
        from . import services, signals  # noqa: F401 - services follows its mails' delivery
        from .matchmaking import exhibition  # noqa: F401 - keeps its cached index current

        signals.connect()
