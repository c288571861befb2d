"""The state of every translation, and bringing many up to date at once.

The status report, the `translate_content` command and the admin's bulk action share these:
one row per object and language — up to date, outdated (its source changed since), missing,
shown in the source language, or machine-translated and not yet reviewed.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, F
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from . import machine
from .models import TranslationState
from .publishing import refresh, translate_by_machine, write_target

UP_TO_DATE, OUTDATED, MISSING, SOURCE_COPY, MACHINE = (
    "up_to_date",
    "outdated",
    "missing",
    "source_copy",
    "machine",
)
STATUS_LABELS = {
    UP_TO_DATE: _("Up to date"),
    OUTDATED: _("Outdated (source changed since)"),
    MISSING: _("Missing"),
    SOURCE_COPY: _("Shown in the source language"),
    MACHINE: _("Machine-translated, not reviewed"),
}


@dataclass
class Row:
    """One object in one target language."""

    source: TranslationSource
    locale: Locale
    status: str
    translated: int
    total: int
    translation: object = None

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def needs_work(self):
        return self.status != UP_TO_DATE


def sources(models=None, subtree=None, translation_keys=None):
    """Translation sources, optionally of some models, below a page, or of some objects."""
    queryset = (
        TranslationSource.objects.select_related("locale", "specific_content_type", "object")
        .prefetch_related("translations__state")
        .order_by("specific_content_type__model", "object_repr")
    )
    if models:
        queryset = queryset.filter(specific_content_type__in=models)
    if translation_keys is not None:
        queryset = queryset.filter(object_id__in=translation_keys)
    if subtree is not None:
        keys = Page.objects.descendant_of(subtree, inclusive=True).values("translation_key")
        queryset = queryset.filter(object_id__in=keys)
    return queryset


def status_rows(source_list, locales=None):
    """A Row for every source in `source_list` and every other language, in three queries."""
    source_list = list(source_list)
    locales = list(locales or Locale.objects.all())
    ids = [source.pk for source in source_list]
    totals = dict(
        StringSegment.objects.filter(source_id__in=ids)
        .values_list("source_id")
        .annotate(n=Count("pk"))
        .values_list("source_id", "n")
    )
    translated = {
        (row["translation_of__segments__source_id"], row["locale_id"]): row["n"]
        for row in StringTranslation.objects.filter(
            has_error=False,
            translation_of__segments__source_id__in=ids,
            translation_of__segments__context_id=F("context_id"),
        )
        .values("translation_of__segments__source_id", "locale_id")
        .annotate(n=Count("pk"))
    }
    translations = {}
    for source in source_list:
        for translation in source.translations.all():
            translations[(source.pk, translation.target_locale_id)] = translation
    existing = _existing_versions(source_list)
    rows = []
    for source in source_list:
        total = totals.get(source.pk, 0)
        for locale in locales:
            if locale.pk == source.locale_id:
                continue
            translation = translations.get((source.pk, locale.pk))
            done = translated.get((source.pk, locale.pk), 0)
            rows.append(
                Row(
                    source=source,
                    locale=locale,
                    status=_status(
                        translation, (source.object_id, locale.pk) in existing, done, total
                    ),
                    translated=done,
                    total=total,
                    translation=translation,
                )
            )
    return rows


def _existing_versions(source_list):
    """(translation key, locale id) of every object version that exists."""
    keys_by_model = {}
    for source in source_list:
        model = source.specific_content_type.model_class()
        base = model.get_translation_model() if hasattr(model, "get_translation_model") else model
        keys_by_model.setdefault(base, set()).add(source.object_id)
    return {
        pair
        for model, keys in keys_by_model.items()
        for pair in model.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "locale_id"
        )
    }


def _status(translation, exists, done, total):
    if translation is None or not exists:
        return MISSING
    state = getattr(translation, "state", None)
    if state is not None and state.kind == TranslationState.Kind.SOURCE_COPY:
        return SOURCE_COPY
    if done < total:
        return OUTDATED
    if state is not None and state.kind == TranslationState.Kind.MACHINE:
        return MACHINE
    return UP_TO_DATE


def bring_up_to_date(row):
    """Translate what `row` misses by machine (or, without a translator, at least make it
    exist in the source language) and publish it; returns whether anything changed and a
    line for the report."""
    source, locale = row.source, row.locale
    if row.status in (UP_TO_DATE, MACHINE):
        return False, gettext("up to date")
    instance = source.get_source_instance()
    if isinstance(instance, Page) and instance.get_parent().get_translation_or_none(locale) is None:
        return False, gettext("skipped: its parent page has no version in this language")
    with transaction.atomic():
        source.update_from_db()
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        if machine.translator() is None:
            if row.status != MISSING:
                return False, gettext("left as it is: no machine translator configured")
            refresh(translation, first=True)
            return True, gettext(
                "created in the source language (no machine translator configured)"
            )
        filled = translate_by_machine(translation)
        if not filled:
            # Nothing left to translate: the version is still written, so a missing one exists.
            write_target(translation)
        return True, ngettext(
            "machine-translated %(count)d string", "machine-translated %(count)d strings", filled
        ) % {"count": filled}
