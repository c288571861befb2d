"""Machine translation of the strings a translation is missing, never of those a person wrote.

The translator is wagtail-localize's (WAGTAILLOCALIZE_MACHINE_TRANSLATOR): DeepL with the
region's glossary, LibreTranslate (self-hosted), or in tests the deterministic
`GlossaryTestTranslator`.
"""

import csv
import logging
from functools import cache
from pathlib import Path

from django.db.models import Exists, OuterRef
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue

from .models import DeepLGlossary

logger = logging.getLogger(__name__)
GLOSSARY_FILE = Path(__file__).with_name("glossary.csv")


@cache
def glossary():
    """The region's terms from glossary.csv: one dict per row, keyed by language code."""
    with GLOSSARY_FILE.open(encoding="utf-8", newline="") as rows:
        return [
            {code: row[code].strip() for code in ("de", "cs", "en")}
            for row in csv.DictReader(row for row in rows if not row.startswith("#"))
        ]


def glossary_entries(source_language, target_language):
    """The glossary as (source term, target term) pairs for one language pair."""
    return [
        (row[source_language], row[target_language])
        for row in glossary()
        if row[source_language] and row[target_language]
    ]


class GlossaryDeepLTranslator(DeepLTranslator):
    """DeepL with the glossaries `manage.py load_deepl_glossary` stored there.

    OPTIONS: AUTH_KEY, FORMALITY ("prefer_more" suits business readers), TIMEOUT.
    """

    def get_parameters(self, source_locale, target_locale, strings):
        self.options = {
            **self.options,
            "GLOSSARY_IDS": {
                (g.source_language.upper(), g.target_language.upper()): g.glossary_id
                for g in DeepLGlossary.objects.all()
            },
        }
        return super().get_parameters(source_locale, target_locale, strings)


class GlossaryTestTranslator(BaseMachineTranslator):
    """Deterministic: replaces the glossary's terms and marks the text with the target
    language, "[CS] …", so tests and demos can tell machine text from a person's."""

    display_name = _("Test translator")

    def translate(self, source_locale, target_locale, strings):
        source, target = source_locale.language_code, target_locale.language_code
        entries = sorted(glossary_entries(source, target), key=lambda e: -len(e[0]))
        result = {}
        for string in strings:
            text = string.data
            for term, translation in entries:
                text = text.replace(escape(term), escape(translation))
            result[string] = StringValue(f"[{target.upper()}] {text}")
        return result

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code


def translator():
    """The configured machine translator, or None (the embedded default has none)."""
    return get_machine_translator()


def fill_missing_strings(translation):
    """Machine-translate the source strings `translation` has no translation of at all.

    A string a person translated or corrected is never touched; neither is one translated
    before (only a changed source string lacks a translation). Returns how many were filled.
    """
    machine = translator()
    source, locale = translation.source, translation.target_locale
    if machine is None or not machine.can_translate(source.locale, locale):
        return 0
    missing = list(
        StringSegment.objects.filter(source=source)
        .annotate(
            translated=Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=locale.pk,
                )
            )
        )
        .filter(translated=False)
        .select_related("string")
    )
    if not missing:
        return 0
    values = {segment.string_id: segment.string.as_value() for segment in missing}
    translated = machine.translate(source.locale, locale, list(values.values()))
    StringTranslation.objects.bulk_create(
        [
            StringTranslation(
                translation_of_id=segment.string_id,
                locale=locale,
                context_id=segment.context_id,
                data=translated[values[segment.string_id]].data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                tool_name=str(machine.display_name),
            )
            for segment in missing
        ],
        ignore_conflicts=True,
    )
    return len(missing)
