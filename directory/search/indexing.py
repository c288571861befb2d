"""What the search stores for each organisation, derived from its published text.

Four token strings (see analysis.index_text), all computed in Python on publish:

- `title_tokens`, `offer_tokens`: the name and the offers, to rank name matches above offer
  matches above the rest;
- `text_tokens`: everything a visitor may search for in this language version — name,
  summary, description, address, register court, offers, seeks, the names of its region,
  sectors (with their NACE codes) and certifications in all three languages, the names in
  every language of the places and trade terms it uses (thesaurus.py), and what other apps
  show on the profile about it (the hook `directory_organisation_search_texts`: the news and
  stories that mention it);
- `search_tokens`, the one column the full-text index reads: `text_tokens` of this version
  and of the organisation's live versions in the other languages (same translation key), so
  a Czech word typed into the German directory finds the organisation whose Czech profile
  holds it. Matches only there rank below matches in the visitor's own language.
"""

import time

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.html import strip_tags
from django_tasks import task
from wagtail import hooks
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from glokal.localisation.status import text_languages

from . import analysis, thesaurus

# Taxonomies are a few dozen rows per language, read once and kept a little while: seeding
# thousands of organisations must not read them again for each one. A save in this process
# forgets them at once; other processes within TAXONOMY_MAX_AGE seconds.
TAXONOMY_MAX_AGE = 60
_taxonomy_names = {}
# How an organisation page links each taxonomy.
TAXONOMY_LINKS = {"region": "region", "sector": "sectors", "certification": "certifications"}
# Organisations per background task when a taxonomy changed.
TAXONOMY_BATCH = 500


def forget_taxonomies(**kwargs):
    _taxonomy_names.clear()


def _names_by_key(model):
    """{translation_key: [(language, name, extra codes)]} for every row of a taxonomy."""
    cached = _taxonomy_names.get(model)
    if cached and time.monotonic() - cached[0] < TAXONOMY_MAX_AGE:
        return cached[1]
    names = {}
    for row in model.objects.select_related("locale"):
        codes = getattr(row, "nace_codes", "") or getattr(row, "code", "")
        names.setdefault(row.translation_key, []).append(
            (row.locale.language_code, row.name, codes)
        )
    _taxonomy_names[model] = (time.monotonic(), names)
    return names


def naming_organisations(taxonomy, organisations=None):
    """The `organisations` (all by default) whose search text names `taxonomy`: those linked to
    it or to one of its translations, since every language version holds the names in every
    language."""
    from ..models import OrganisationPage

    if organisations is None:
        organisations = OrganisationPage.objects.all()
    link = TAXONOMY_LINKS[taxonomy._meta.model_name]
    return organisations.filter(**{f"{link}__translation_key": taxonomy.translation_key})


def translation_keys(organisations):
    """The organisations' translation keys, each once, as text (task arguments are JSON)."""
    keys = organisations.order_by("translation_key").values_list("translation_key", flat=True)
    return [str(key) for key in keys.distinct()]


def taxonomy_changed(sender, instance, **kwargs):
    """Signal receiver (saved, or about to be deleted while its links still exist): once the
    change is committed, the organisations that name the taxonomy derive their search text
    again in the background, so a renamed sector is found by its new name and a deleted
    certification no longer by its old one. A new translation counts too: it adds a name."""
    keys = translation_keys(naming_organisations(instance))
    for start in range(0, len(keys), TAXONOMY_BATCH):
        batch = keys[start : start + TAXONOMY_BATCH]
        transaction.on_commit(lambda batch=batch: reindex_organisations.enqueue(batch))


@task()
def reindex_organisations(translation_keys):
    """Derive the search data of these organisations, in every language, again."""
    from ..models import OrganisationPage

    forget_taxonomies()  # the names as committed, not as this process read them before
    return reindex(OrganisationPage.objects.filter(translation_key__in=translation_keys))


def connect_signals():
    from ..models import Certification, Region, Sector

    for model in (Region, Sector, Certification):
        post_save.connect(forget_taxonomies, sender=model, dispatch_uid=f"forget-{model.__name__}")
        post_delete.connect(
            forget_taxonomies, sender=model, dispatch_uid=f"forget-{model.__name__}-delete"
        )
        post_save.connect(taxonomy_changed, sender=model, dispatch_uid=f"reindex-{model.__name__}")
        pre_delete.connect(
            taxonomy_changed, sender=model, dispatch_uid=f"reindex-{model.__name__}-delete"
        )


def _taxonomy_texts(page):
    """(language, text) pairs: the page's region, sectors and certifications in every language."""
    from ..models import Certification, Region, Sector

    linked = [(Sector, page.sectors.all()), (Certification, page.certifications.all())]
    if page.region_id:
        linked.append((Region, [page.region]))
    return [text for model, rows in linked for text in taxonomy_names(model, rows)]


def taxonomy_names(model, rows):
    """(language, "name codes") pairs: the taxonomy `rows` of `model` in every language."""
    names = _names_by_key(model)
    return [
        (language, f"{name} {codes}")
        for row in rows
        for language, name, codes in names.get(row.translation_key, [])
    ]


def offer_parts(page):
    return [
        text
        for block in page.offers
        for text in (block.value.get("title", ""), block.value.get("description", ""))
    ]


def text_parts(page):
    """Everything a visitor may search for in one language version's own text."""
    parts = [page.title, page.summary, strip_tags(page.description or ""), page.city]
    parts += [page.street_address, page.postal_code, page.register_court]
    parts += offer_parts(page)
    for block in page.seeks:
        parts += [block.value.get("title", ""), block.value.get("description", "")]
    if page.pk:
        for texts_about in hooks.get_hooks("directory_organisation_search_texts"):
            parts += texts_about(page)
    return [part for part in parts if part]


def names_in_every_language(page, parts, language):
    """(language, text) pairs: its taxonomies' names and the thesaurus names its text uses."""
    return _taxonomy_texts(page) + thesaurus.names_in(" ".join(parts), language)


def search_data(page, language):
    """The page's title, offer and text tokens for its language version written in `language`."""
    parts = text_parts(page)
    return {
        "title_tokens": analysis.index_text([page.title], language),
        "offer_tokens": analysis.index_text(offer_parts(page), language),
        "text_tokens": multilingual_tokens(
            parts, language, names_in_every_language(page, parts, language)
        ),
    }


def multilingual_tokens(parts, language, named):
    """One token string of the texts `parts`, written in `language`, and of the `named`
    (language, text) pairs: each text analysed as the language it is written in."""
    by_language = {language: list(parts)}
    for other, text in named:
        by_language.setdefault(other, []).append(text)
    return analysis.merge_index_texts(
        analysis.index_text(texts, lang) for lang, texts in by_language.items()
    )


def language_versions(page):
    """The other language versions of the organisation (same translation key)."""
    return (
        type(page)
        .objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .only("pk", "live", "text_tokens")
    )


def merged_tokens(own_tokens, versions):
    """`own_tokens` with the text tokens of the live `versions` in the other languages."""
    return analysis.merge_index_texts(
        [own_tokens] + [version.text_tokens for version in versions if version.live]
    )


def spread_to_language_versions(page):
    """After `page` was saved: every other language version searches its tokens too."""
    versions = list(language_versions(page))
    everyone = versions + [page]
    for version in versions:
        others = [other for other in everyone if other.pk != version.pk]
        type(page).objects.filter(pk=version.pk).update(
            search_tokens=merged_tokens(version.text_tokens, others)
        )
        # An update sends no signal: Wagtail's search index (the site-wide search) is told.
        index.insert_or_update_object(type(page).objects.get(pk=version.pk))


def reindex(queryset, batch_size=500):
    """Derive the search data of every organisation in `queryset` again (after the analysis
    changed); returns how many were indexed. Two passes: each version's own tokens first,
    then each one's tokens merged with its live versions in the other languages."""
    model = queryset.model
    own_fields = ["title_tokens", "offer_tokens", "text_tokens", "sort_title", "is_seeking"]
    pages = queryset.select_related("locale", "region").prefetch_related(
        "sectors", "certifications"
    )
    # Read before the first pass, which changes what a queryset of unindexed pages selects.
    keys = set(queryset.values_list("translation_key", flat=True))
    versions = {}
    batch = []

    def save(batch):
        languages = text_languages(batch)
        for page in batch:
            for field, tokens in search_data(page, languages[page.pk]).items():
                setattr(page, field, tokens)
            page.sort_title = analysis.fold(page.title)[:255]
            page.is_seeking = len(page.seeks) > 0
        model.objects.bulk_update(batch, own_fields)

    for page in pages.iterator(chunk_size=batch_size):
        batch.append(page)
        if len(batch) >= batch_size:
            save(batch)
            batch = []
    save(batch)
    rows = model.objects.filter(translation_key__in=keys).values_list(
        "pk", "translation_key", "live", "text_tokens"
    )
    for pk, key, live, text_tokens in rows:
        versions.setdefault(key, []).append((pk, live, text_tokens))
    merged = []
    for group in versions.values():
        for pk, _live, text_tokens in group:
            others = [tokens for other, live, tokens in group if other != pk and live]
            merged.append(
                model(pk=pk, search_tokens=analysis.merge_index_texts([text_tokens, *others]))
            )
    model.objects.bulk_update(merged, ["search_tokens"], batch_size=batch_size)
    # Bulk updates send no signals: Wagtail's search index (the site-wide search) is told.
    pages = model.objects.filter(pk__in=[page.pk for page in merged])
    for backend in get_search_backends():
        backend.add_bulk(model, list(pages))
    return len(merged)
