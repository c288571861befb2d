from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlokalConfig(AppConfig):
    """The Django project itself: site-wide pages, settings, API and operations views."""

    name = "glokal"
    label = "glokal"
    verbose_name = _("Glokal site")
