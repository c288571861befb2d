"""Publishing in the source language reaches every other language at once.

When a page is published in its source language, each language it is missing in gets a
version right away: the source text (no machine translator configured: the embedded default)
or, with a translator, the source text first and the machine translation from a background
task. Pages that ask for it (`sync_translations_on_publish`: organisation profiles, news) also
bring their existing translations up to date: unchanged strings keep their translation, changed
ones are machine-translated or shown in the source language until someone translates them.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import Translation, TranslationSource

from ..request_memo import forget
from . import machine
from .models import TranslationState
from .registry import register_group

logger = logging.getLogger(__name__)
_paused = ContextVar("glokal_language_versions_paused", default=False)


@contextmanager
def versions_paused():
    """Publish without creating or syncing other language versions: for importers that write
    every language themselves (run `translate_content` afterwards for what they left out)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def is_paused():
    return _paused.get()


def translation_of(obj):
    """The enabled wagtail-localize translation whose target is `obj`, or None."""
    return (
        Translation.objects.filter(
            source__object_id=obj.translation_key, target_locale_id=obj.locale_id, enabled=True
        )
        .exclude(source__locale_id=obj.locale_id)
        .select_related("source", "target_locale")
        .first()
    )


def register_legacy_versions(obj):
    """Register `obj`'s language versions made outside wagtail-localize, so their text
    becomes their translation instead of being overwritten (the first-made is the source)."""
    if TranslationSource.objects.filter(object_id=obj.translation_key).exists():
        return
    model = obj.get_translation_model()
    versions = list(model.objects.filter(translation_key=obj.translation_key))
    if len(versions) > 1:
        register_group(versions)


def source_of(obj):
    """The translation source of `obj`'s content: its own, brought up to date, unless `obj` is
    the translation of another language's version."""
    register_legacy_versions(obj)
    translation = translation_of(obj)
    if translation is not None:
        return translation.source
    return TranslationSource.update_or_create_from_instance(obj)[0]


@transaction.atomic
def source_published(page):
    """Give `page` (just published in its source language) a version in every language."""
    page = page.specific
    if not page.fill_missing_translations and not page.sync_translations_on_publish:
        return []
    source = source_of(page)
    if source.locale_id != page.locale_id:
        return []
    updated = []
    for locale in Locale.objects.exclude(pk=page.locale_id):
        translation = Translation.objects.filter(source=source, target_locale=locale).first()
        exists = page.get_translation_or_none(locale) is not None
        if translation is not None and not translation.enabled:
            continue  # Someone stopped syncing this version: it is theirs now.
        if exists and not page.sync_translations_on_publish:
            continue
        if not exists and not page.fill_missing_translations:
            continue
        if not exists and page.get_parent().get_translation_or_none(locale) is None:
            logger.info("No %s version of %s's parent: not translated", locale, page)
            continue
        if translation is None:
            translation = Translation.objects.create(source=source, target_locale=locale)
        refresh(translation, first=not exists)
        updated.append(translation)
    return updated


def refresh(translation, first=False):
    """Write the target of `translation` from the source and the strings translated so far;
    with a machine translator, queue the translation of the missing strings."""
    from .tasks import machine_translate

    if first:
        set_state(translation, TranslationState.Kind.SOURCE_COPY)
    write_target(translation)
    if machine.translator() is not None:
        # After the commit: a worker must find the translation and the version just written.
        transaction.on_commit(lambda: machine_translate.enqueue(translation.pk))


def write_target(translation, user=None):
    """Save and publish the target: translated strings where there are some, the source's
    text where not (wagtail-localize's fallback)."""
    source = translation.source
    original = source.as_instance()
    publish_now = not isinstance(original, DraftStateMixin)
    target, _created = source.create_or_update_translation(
        translation.target_locale, user=user, publish=publish_now, fallback=True
    )
    if isinstance(target, DraftStateMixin):
        # Published here rather than when the transaction commits (wagtail-localize's way),
        # so the version is listed and searchable by the time the publishing request returns.
        target.get_latest_revision().publish(user=user)
    return target


def translate_by_machine(translation):
    """Fill the strings `translation` misses by machine and publish the result."""
    filled = machine.fill_missing_strings(translation)
    if filled:
        # The state first: saving the version analyses its text in the language it names.
        set_state(translation, TranslationState.Kind.MACHINE)
        write_target(translation)
    return filled


def set_state(translation, kind, user=None):
    TranslationState.objects.update_or_create(
        translation=translation, defaults={"kind": kind, "reviewed_by": user}
    )
    forget(("translation-versions", translation.source.object_id))


def reviewing(page, user):
    """`user` is publishing `page`'s translation from the translation editor: their review,
    once the publication goes through (see `published_by_reviewer`)."""
    translation = translation_of(page)
    if translation is not None:
        TranslationState.objects.filter(translation=translation).update(reviewed_by=user)


def published_by_reviewer(translation, revision):
    """The notice goes when the person who reviewed the translation has published it."""
    state = TranslationState.objects.filter(translation=translation).first()
    if (
        state is not None
        and state.kind != TranslationState.Kind.REVIEWED
        and revision.user_id is not None
        and state.reviewed_by_id == revision.user_id
    ):
        state.kind = TranslationState.Kind.REVIEWED
        state.save(update_fields=["kind", "changed_at"])
