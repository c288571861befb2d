"""The notice above a text that is not (or not wholly) a person's translation, in the
visitor's language, with a link to the original where the text is a translation."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..request_memo import locale_by_id
from .status import untranslated_count, version_of

# Whole sentences per source language: Czech and German inflect the language's name.
WRITTEN_IN = {
    "profile": {
        "cs": _("This profile is written in Czech."),
        "de": _("This profile is written in German."),
        "en": _("This profile is written in English."),
    },
    "page": {
        "cs": _("This page is written in Czech."),
        "de": _("This page is written in German."),
        "en": _("This page is written in English."),
    },
}
MACHINE_TRANSLATED = {
    "cs": _("Machine-translated from Czech, not yet reviewed."),
    "de": _("Machine-translated from German, not yet reviewed."),
    "en": _("Machine-translated from English, not yet reviewed."),
}
PARTLY_TRANSLATED = {
    "cs": _("Parts of this page are not yet translated from Czech."),
    "de": _("Parts of this page are not yet translated from German."),
    "en": _("Parts of this page are not yet translated from English."),
}


@dataclass(frozen=True)
class Notice:
    message: str
    # The language of the text below the notice (its `lang` attribute), when not the page's.
    text_language: str = ""
    original_url: str = ""
    original_language: str = ""


def notice_for(page, request=None):
    """The Notice for `page`, or None when its text is its own language's."""
    version = version_of(page)
    if version is None:
        return None
    language = version.source_language
    if version.in_source_language:
        noun = getattr(page, "translation_notice_noun", "page")
        return Notice(str(WRITTEN_IN[noun][language]), text_language=language)
    if version.machine_translated:
        message = MACHINE_TRANSLATED[language]
    elif version.synced and untranslated_count(page):
        message = PARTLY_TRANSLATED[language]
    else:
        return None
    return Notice(
        str(message),
        original_url=_original_url(page, version, request),
        original_language=language,
    )


def _original_url(page, version, request):
    if not isinstance(page, Page):
        return ""
    original = page.get_translation_or_none(locale_by_id(version.source_locale_id))
    return original.get_url(request) if original is not None and original.live else ""


def translation_of_work(page, request=None):
    """schema.org's link from a translation to its live original ({} for originals and for
    versions that only repeat the original's text)."""
    version = version_of(page)
    if version is None or version.in_source_language:
        return {}
    url = _original_url(page, version, request)
    if not url:
        return {}
    if request is not None:
        url = request.build_absolute_uri(url)
    return {"translationOfWork": {"@type": "CreativeWork", "url": url}}
