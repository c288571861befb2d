"""What a visitor reads: the language a page's text is written in and how it was translated.

One query per page and request answers for all of the page's language versions: the notice
above the text, its `lang` attribute, the search analysis and the `hreflang` links read it.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from wagtail_localize.models import StringSegment, Translation, TranslationLog

from ..request_memo import locale_by_id, memoised
from .models import TranslationState


@dataclass(frozen=True)
class Version:
    """How the version of an object in one language was made."""

    kind: str
    source_language: str
    source_locale_id: int
    # Whether wagtail-localize ever wrote this version from its source (a version registered
    # with its own text and never synced shows none of the source's text).
    synced: bool = False

    @property
    def in_source_language(self):
        return self.kind == TranslationState.Kind.SOURCE_COPY

    @property
    def machine_translated(self):
        return self.kind == TranslationState.Kind.MACHINE


def versions(obj):
    """{language code: Version} of every translated language version of `obj`."""
    key = obj.translation_key
    return memoised(("translation-versions", key), lambda: _read_versions([key]).get(key, {}))


def _read_versions(translation_keys):
    rows = (
        Translation.objects.filter(source__object_id__in=translation_keys, enabled=True)
        .annotate(
            synced=Exists(
                TranslationLog.objects.filter(
                    source_id=OuterRef("source_id"), locale_id=OuterRef("target_locale_id")
                )
            )
        )
        .select_related("source__locale", "target_locale", "state")
        .order_by()
    )
    result = {}
    for row in rows:
        state = getattr(row, "state", None)
        result.setdefault(row.source.object_id, {})[row.target_locale.language_code] = Version(
            kind=state.kind if state else TranslationState.Kind.REVIEWED,
            source_language=row.source.locale.language_code,
            source_locale_id=row.source.locale_id,
            synced=row.synced,
        )
    return result


def text_languages(objects):
    """{pk: text language} of many objects, in one query (search indexing, result lists)."""
    objects = list(objects)
    by_key = _read_versions({obj.translation_key for obj in objects})
    return {obj.pk: _text_language(obj, by_key.get(obj.translation_key, {})) for obj in objects}


def version_of(obj):
    """The Version of `obj` (None for a source or for content wagtail-localize never saw)."""
    if not getattr(obj, "translation_key", None) or not obj.locale_id:
        return None
    return versions(obj).get(_language_code(obj))


def untranslated_count(obj):
    """Source strings without a (valid) translation into `obj`'s language: changed since."""
    return (
        StringSegment.objects.filter(source__object_id=obj.translation_key)
        .annotate_translation(obj.locale_id)
        .filter(translation__isnull=True)
        .count()
    )


def text_language(obj):
    """The language `obj`'s text is written in: its source's while it is a copy of it."""
    return _text_language(obj, versions(obj))


def _text_language(obj, versions_of_obj):
    version = versions_of_obj.get(_language_code(obj))
    if version is not None and version.in_source_language:
        return version.source_language
    return _language_code(obj)


def source_copy_languages(obj):
    """Language codes in which `obj` shows its source's text untranslated (no hreflang)."""
    return {code for code, version in versions(obj).items() if version.in_source_language}


def _language_code(obj):
    locale = locale_by_id(obj.locale_id)
    return locale.language_code if locale else None
