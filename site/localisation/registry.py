"""Registering content that exists in several languages as wagtail-localize translations.

Content made outside wagtail-localize (the demo, imports, old copies) has language versions
linked by translation key only, so "Translate", "Sync" and the PO files know nothing of it.
Registering it gives the first-made version a translation source and every other version a
translation whose strings are read from that version's own text, so a later sync writes back
what people wrote instead of the source language.
"""

import re
from collections import Counter, defaultdict

from bs4 import BeautifulSoup
from django.apps import apps
from django.db import transaction
from modelcluster.fields import ParentalKey
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import (
    String,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue, validate_translation_links

from .models import TranslationState

# The apps whose translatable snippets visitors read.
CONTENT_APPS = ("glokal", "directory", "eventpages", "newsroom")
# Stream and list blocks are addressed by their UUIDs, which differ between language versions
# made separately: segments are matched by position within the same block path instead.
BLOCK_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def snippet_models():
    """Translatable models visitors read that are not pages nor inline parts of one."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and not issubclass(model, Page)
        and model._meta.app_label in CONTENT_APPS
        and not any(isinstance(field, ParentalKey) for field in model._meta.get_fields())
    ]


def content_querysets():
    """Every page (but the tree root) and every visitor-read translatable snippet."""
    return [Page.objects.filter(depth__gt=1), *(m.objects.all() for m in snippet_models())]


def register_existing(querysets=None):
    """Register every group of language versions in `querysets` that wagtail-localize does not
    know yet; returns counts of sources, translations and strings created."""
    counts = Counter()
    for queryset in querysets or content_querysets():
        groups = defaultdict(list)
        for obj in queryset.order_by("pk"):
            groups[obj.translation_key].append(obj)
        for versions in groups.values():
            counts += register_group(versions)
    return counts


@transaction.atomic
def register_group(versions):
    """Make the first-made of `versions` (language versions of one object) the source and
    every other version its translation. Versions registered before are left as they are."""
    counts = Counter()
    versions = sorted(versions, key=lambda obj: obj.pk)
    source = TranslationSource.objects.filter(object_id=versions[0].translation_key).first()
    if source is None:
        source, _created = TranslationSource.get_or_create_from_instance(_specific(versions[0]))
        counts["sources"] += 1
    for version in versions:
        if version.locale_id == source.locale_id:
            continue
        translation, created = Translation.objects.get_or_create(
            source=source, target_locale_id=version.locale_id
        )
        if not created:
            continue
        counts["translations"] += 1
        adopted, differing = adopt_strings(source, _specific(version))
        counts["strings"] += adopted
        # A page whose every string reads as in the source is a copy awaiting translation; a
        # snippet's name may well be the same in every language ("EMAS", "Dresden").
        copy = isinstance(version, Page) and adopted and not differing
        kind = TranslationState.Kind.SOURCE_COPY if copy else TranslationState.Kind.REVIEWED
        TranslationState.objects.update_or_create(translation=translation, defaults={"kind": kind})
    return counts


def _specific(obj):
    return obj.specific if isinstance(obj, Page) else obj


def string_segments(instance):
    return [s for s in extract_segments(instance) if isinstance(s, StringSegmentValue)]


def aligned_segments(source_segments, target_segments):
    """Pairs of source and target segments standing in the same place of the content."""
    by_place = defaultdict(lambda: ([], []))
    for index, segments in enumerate((source_segments, target_segments)):
        for segment in segments:
            by_place[BLOCK_ID.sub("*", segment.path)][index].append(segment)
    for sources, targets in by_place.values():
        # A block list of another length cannot be matched one to one: left untranslated.
        if len(sources) == len(targets):
            yield from zip(sources, targets, strict=True)


def adopt_strings(source, target):
    """Store `target`'s own text as the translation of each of `source`'s strings.

    Returns how many strings were stored and how many of them differ from the source text.
    """
    contexts = dict(
        TranslationContext.objects.filter(object_id=source.object_id).values_list("path", "pk")
    )
    pairs = list(aligned_segments(string_segments(source.as_instance()), string_segments(target)))
    strings = {
        s.data_hash: s
        for s in String.objects.filter(
            locale_id=source.locale_id,
            data_hash__in=[String._get_data_hash(pair[0].string.data) for pair in pairs],
        )
    }
    rows = []
    for source_segment, target_segment in pairs:
        string = strings.get(String._get_data_hash(source_segment.string.data))
        context_id = contexts.get(source_segment.path)
        if string is None or context_id is None:
            continue
        data = target_segment.string.data
        rows.append(
            StringTranslation(
                translation_of=string,
                locale_id=target.locale_id,
                context_id=context_id,
                data=data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                has_error=not _valid_translation(string.data, data),
            )
        )
    StringTranslation.objects.bulk_create(rows, ignore_conflicts=True)
    differing = sum(1 for row in rows if _text(row.data) != _text(row.translation_of.data))
    return len(rows), differing


def _valid_translation(source_data, data):
    try:
        StringValue.from_translated_html(data)
        validate_translation_links(source_data, data)
    except ValueError:
        return False
    return True


def _text(data):
    return BeautifulSoup(data, "html.parser").get_text().strip()


def unregistered_count():
    """Content objects that have no translation source in any language (0 once registered)."""
    registered = set(TranslationSource.objects.values_list("object_id", flat=True))
    return sum(
        1
        for queryset in content_querysets()
        for key in queryset.values_list("translation_key", flat=True).distinct()
        if key not in registered
    )
