from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """The one mail path: every outgoing mail is stored, then sent and retried in the background."""

    name = "glokal.outbox"
    label = "outbox"
    verbose_name = _("Outbox")
