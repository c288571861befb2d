"""Helpers the demo loaders of every app share: read their data files, find-or-create pages,
index what they saved once.

Each helper looks for what it would create first, so loading the demo twice changes nothing.
"""

from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.models import Locale, Page, ReferenceIndex, Site


def read_data(loader_file, name):
    """The YAML data file `name` that lies next to the loader module `loader_file`."""
    return yaml.safe_load(Path(loader_file).with_name(name).read_text(encoding="utf-8"))


def stream_blocks(blocks):
    """StreamField content from a data file's block list, each item `{block type: value}`.

    `paragraphs: [...]` is short for a rich-text "paragraph" block holding those paragraphs.
    """
    content = []
    for block in blocks:
        ((block_type, value),) = block.items()
        if block_type == "paragraphs":
            block_type, value = "paragraph", "".join(f"<p>{text}</p>" for text in value)
        content.append((block_type, value))
    return content


def locales():
    """The content locales keyed by language code."""
    return {locale.language_code: locale for locale in Locale.objects.all()}


def add_live_child(parent, page):
    """Add `page` under `parent` already published, in one save.

    Cheaper than a revision and a publish per page (three saves), which matters with the
    hundreds of pages that every `make run` and many tests load; the first edit in the admin
    creates the first revision.
    """
    page.live, page.has_unpublished_changes = True, False
    page.first_published_at = page.last_published_at = timezone.now()
    parent.add_child(instance=page)
    return page


def ensure_page(parent, model, slug, **fields):
    """Return the live child of `parent` with `slug`, creating it published if missing."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing, False
    return add_live_child(parent, model(slug=slug, **fields)), True


def ensure_translation(page, language_code, **fields):
    """Return the translation of `page` into `language_code`, creating it published if missing.

    The translation is created from `fields` under the translated parent (rather than with
    copy_for_translation, whose later slug change would leave redirects behind).
    """
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    parent = page.get_parent().get_translation(locale)
    translation = page.specific_class(locale=locale, translation_key=page.translation_key, **fields)
    return add_live_child(parent, translation), True


def ensure_page_in_languages(parent, model, content_by_language):
    """Create a page in German under `parent` and its Czech and English translations.

    `content_by_language` maps "de", "cs", "en" to field values, each including its slug.
    Returns the German page and how many pages were created.
    """
    german = dict(content_by_language["de"])
    page, created = ensure_page(parent, model, german.pop("slug"), **german)
    count = int(created)
    for code in ("cs", "en"):
        _translation, created = ensure_translation(page, code, **content_by_language[code])
        count += int(created)
    return page, count


def home_page(language_code="de"):
    from glokal.models import HomePage

    return HomePage.objects.get(locale__language_code=language_code)


def translations_of(page):
    """`page` and its translations keyed by language code."""
    return {
        p.locale.language_code: p.specific
        for p in Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    }


def point_default_site_at(url):
    """Make the default site answer on `url`, so full URLs (sitemap, feeds, API) use it."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != (parts.hostname, port):
        site.hostname, site.port = parts.hostname, port
        site.save()
    return site


@contextmanager
def indexes_updated_once():
    """Update the reference index (admin usage counts) and the search index once per object
    saved in the block, when it ends, instead of after every save.

    Wagtail updates both on each save, and a demo page is saved three times (created, revision,
    published): only the last update lasts, so updating once at the end leaves the same indexes.
    Usable as a decorator; the handlers are off for every thread while the block runs.
    """
    from modelsearch import index as search_index
    from modelsearch.signal_handlers import post_save_signal_handler as update_search_entry
    from modelsearch.tasks import insert_or_update_object_task
    from wagtail.signal_handlers import update_reference_index_on_save as update_references
    from wagtail.tasks import update_reference_index_task

    referencing = set(ReferenceIndex.tracked_models)
    searched = {
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    }
    handlers = [(update_references, model) for model in referencing]
    handlers += [(update_search_entry, model) for model in searched]
    # Both kinds of handler are connected per model and fire for the saved model (the sender).
    owners, entries = {}, {}

    def remember(sender, instance, raw=False, **kwargs):
        if raw:
            return
        if sender in referencing:
            owner = _reference_owner(instance)
            if owner is not None:
                owners[_task_arguments(owner)] = True
        if sender in searched:
            entries[_task_arguments(instance)] = True

    def forget(sender, instance, **kwargs):
        # Deleting updates both indexes at once, as ever: those handlers stay connected.
        owners.pop(_task_arguments(instance), None)
        entries.pop(_task_arguments(instance), None)

    for handler, model in handlers:
        post_save.disconnect(handler, sender=model)
    post_save.connect(remember, weak=False, dispatch_uid=remember)
    post_delete.connect(forget, weak=False, dispatch_uid=forget)
    try:
        yield
    finally:
        post_save.disconnect(dispatch_uid=remember)
        post_delete.disconnect(dispatch_uid=forget)
        for handler, model in handlers:
            post_save.connect(handler, sender=model)
    # The tasks the handlers would have enqueued, once per object.
    for arguments in owners:
        update_reference_index_task.enqueue(*arguments)
    for arguments in entries:
        insert_or_update_object_task.enqueue(*arguments)


def _task_arguments(instance):
    return instance._meta.app_label, instance._meta.model_name, str(instance.pk)


def _reference_owner(instance):
    """The object the reference index files `instance`'s references under: a child object's
    (ParentalKey) parent, as Wagtail's update task does, so a page is indexed once, not once
    per inline object as well."""
    while True:
        parental_keys = [f for f in instance._meta.get_fields() if isinstance(f, ParentalKey)]
        if not parental_keys:
            return instance
        instance = getattr(instance, parental_keys[0].name)
        if instance is None:
            return None
