"""What the site-wide search reads of a page: its visible text, analysed like the directory's.

Every page type indexes one extra search field, `site_search_text`: the text a translator would
translate (wagtail-localize's translatable fields: titles, summaries, rich text, the text in
stream blocks), turned into tokens by the language analysis the settings name
(`GLOKAL_TEXT_ANALYSIS`, the directory's by default), so the site search understands German
compounds, Czech inflection and typed-without-accents words as the directory does. The search
backend (modelsearch) stores and matches those tokens; queries go through the same analysis.
"""

from functools import lru_cache

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.module_loading import import_string
from wagtail.rich_text import RichText
from wagtail_localize.fields import TranslatableField, get_translatable_fields

SKIPPED_FIELDS = {"slug"}


@lru_cache(maxsize=1)
def analysis():
    """The module with `index_text(parts, language)` and `query_terms(query, language)`."""
    return import_string(settings.GLOKAL_TEXT_ANALYSIS)


def _strings(value):
    """Every piece of text in a field's value: plain, rich text or stream data."""
    if value is None:
        return []
    if isinstance(value, str):
        return [strip_tags(value)]
    if isinstance(value, RichText):
        return [strip_tags(value.source)]
    if hasattr(value, "raw_data"):
        return _strings(list(value.raw_data))
    if isinstance(value, dict):
        return [
            text
            for key, item in value.items()
            if key not in ("type", "id")
            for text in _strings(item)
        ]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _strings(item)]
    return []


class SiteSearchMixin:
    """Gives a page its `site_search_text`; a page type may add text in `site_search_parts`."""

    def text_language(self):
        """The language the page's text is written in: its locale's, or its source's while
        the page shows the source text untranslated."""
        from glokal.localisation.status import text_language

        return text_language(self)

    def site_search_parts(self):
        fields = [
            field.field_name
            for field in get_translatable_fields(type(self))
            if isinstance(field, TranslatableField) and field.field_name not in SKIPPED_FIELDS
        ]
        return [text for name in fields for text in _strings(getattr(self, name, None))]

    def site_search_text(self):
        return analysis().index_text(self.site_search_parts(), self.text_language())
