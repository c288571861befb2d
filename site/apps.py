from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The language every msgid is written in, and so what an editor sees where a catalogue of their
# language lacks a string.
FALLBACK_LANGUAGE = "en"


class GlokalConfig(AppConfig):
    """The Django project itself: site-wide pages, settings, API and operations views."""

    name = "glokal"
    label = "glokal"
    verbose_name = _("Glokal site")

    def ready(self):
        from django.core.signals import request_finished
        from django.utils.translation import trans_real

        from .operations.collector import settle_long_lived_objects

        request_finished.connect(settle_long_lived_objects, dispatch_uid="glokal-settle-gc")

        # Django fills a catalogue's gaps from settings.LANGUAGE_CODE, the site's German, so a
        # Czech editor read German wherever Wagtail's Czech catalogue is incomplete. Visitors
        # still default to German (LANGUAGE_CODE); only the fallback of missing strings changes,
        # and swapping this one method of Django's translation class is the smallest way to do it.
        trans_real.DjangoTranslation._add_fallback = _add_english_fallback
        # Catalogues built while the apps loaded were built with the old fallback.
        trans_real._translations = {}
        trans_real._default = None


def _add_english_fallback(self, localedirs=None):
    """DjangoTranslation._add_fallback with English where Django uses LANGUAGE_CODE."""
    from django.utils.translation import trans_real

    if self.language().startswith(FALLBACK_LANGUAGE):
        # The msgids are English already.
        return
    if self.domain == "django":
        fallback = trans_real.translation(FALLBACK_LANGUAGE)
    else:
        fallback = trans_real.DjangoTranslation(
            FALLBACK_LANGUAGE, domain=self.domain, localedirs=localedirs
        )
    self.add_fallback(fallback)
