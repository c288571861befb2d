"""The directory's index: one document per organisation (its translation key), whatever the
number of its language versions.

Each live, public language version fills the object of its language (`de`, `cs`, `en`): its
page id, texts analysed by that language's analyzer, its facet codes, flags and dates (a
version may differ from another in what it seeks or when it was confirmed, so facets are
counted per language as the database counts them). `names` holds, per language, the names of
its region, sectors and certifications and the thesaurus terms its texts use, so a query in
any language finds them. The index lives behind an alias; rebuilds swap it (indexing.py).
"""

from django.conf import settings
from django.utils import timezone
from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Index,
    InnerDoc,
    Integer,
    Keyword,
    MetaField,
    Object,
    Text,
)

from directory.fields import split_codes
from directory.models import OrganisationPage

from ... import indexing
from ...params import FACETS
from . import analysis
from .analysis import LANGUAGES

# Fields of a language version that facets count; all hold codes.
MULTI_VALUED = ("sector", "certification", "language")


def alias_name():
    """The name searches use: an alias pointing at the current index."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}directory"


def _text(language):
    return Text(
        analyzer=analysis.text_analyzer(language),
        search_analyzer=analysis.query_analyzer(language),
    )


def _version_class(language):
    """The InnerDoc of the language version written in `language`."""
    fields = {
        "page_id": Integer(),
        "title": Text(
            analyzer=analysis.text_analyzer(language),
            search_analyzer=analysis.query_analyzer(language),
            fields={
                "sort": Keyword(normalizer=analysis.sortable),
                "suggest": Text(
                    analyzer=analysis.suggest_index, search_analyzer=analysis.suggest_query
                ),
            },
        ),
        "offers": _text(language),
        "body": _text(language),
        "seeking": Boolean(),
        "last_confirmed": Date(),
        "first_published_at": Date(),
        **{facet: Keyword(normalizer=analysis.code) for facet in FACETS},
    }
    return type(f"Version{language.title()}", (InnerDoc,), fields)


class Names(InnerDoc):
    """Taxonomy and thesaurus names in each language."""


for _language in LANGUAGES:
    Names._doc_type.mapping.field(_language, _text(_language))


class OrganisationDocument(Document):
    """One organisation; `meta.id` is its translation key."""

    class Meta:
        # A field the mapping does not name is refused, not guessed.
        dynamic = MetaField("strict")

    names = Object(Names)
    # The newest change of any of its versions, as the database has it (`search_updated_at`):
    # `manage.py search_index check` compares it.
    updated_at = Date()


for _language in LANGUAGES:
    OrganisationDocument._doc_type.mapping.field(_language, Object(_version_class(_language)))


def index_definition(name):
    """The dsl Index called `name`, with the settings and mapping of the directory's index."""
    index = Index(name)
    index.settings(
        number_of_shards=settings.ELASTICSEARCH_SHARDS,
        number_of_replicas=settings.ELASTICSEARCH_REPLICAS,
    )
    index.document(OrganisationDocument)
    return index


def body():
    """The settings and mappings of the index, as sent to the cluster."""
    return index_definition("directory").to_dict()


def listed_pages():
    """Every language version a visitor may find: live, public, in its locale."""
    return (
        OrganisationPage.objects.filter(listed_live=True)
        .public()
        .select_related("locale", "region")
        .prefetch_related("sectors", "certifications")
    )


def _version(page):
    language = page.locale.language_code
    parts = indexing.text_parts(page)
    values = {
        "country": [page.country] if page.country else [],
        "region": [page.region.code] if page.region_id else [],
        "sector": [sector.slug for sector in page.sectors.all()],
        "org_type": [page.org_type] if page.org_type else [],
        "size": [page.size] if page.size else [],
        "certification": [c.slug for c in page.certifications.all()],
        "language": split_codes(page.languages),
    }
    version = {
        "page_id": page.pk,
        "title": page.title,
        "offers": " ".join(indexing.offer_parts(page)),
        "body": "\n".join(parts),
        "seeking": page.is_seeking,
        "last_confirmed": page.last_confirmed,
        "first_published_at": page.first_published_at,
        **values,
    }
    return language, version, indexing.names_in_every_language(page, parts, language)


def document_of(pages):
    """The OrganisationDocument of one organisation's listed language versions `pages`."""
    pages = list(pages)
    document = OrganisationDocument(meta={"id": str(pages[0].translation_key)})
    names = {language: [] for language in LANGUAGES}
    updated = []
    for page in pages:
        language, version, found = _version(page)
        document[language] = version
        for name_language, text in found:
            if name_language in names and text not in names[name_language]:
                names[name_language].append(text)
        updated.append(page.search_updated_at or timezone.now())
    document.names = {language: "\n".join(texts) for language, texts in names.items() if texts}
    document.updated_at = max(updated)
    return document


def documents(queryset=None, chunk_size=500):
    """The documents of every organisation with a listed version in `queryset` (all by
    default), read in chunks and grouped by translation key."""
    pages = (queryset if queryset is not None else listed_pages()).order_by("translation_key", "pk")
    group = []
    for page in pages.iterator(chunk_size=chunk_size):
        if group and page.translation_key != group[0].translation_key:
            yield document_of(group)
            group = []
        group.append(page)
    if group:
        yield document_of(group)


def document_for(translation_key):
    """The document of one organisation, or None when no version of it is listed."""
    pages = list(listed_pages().filter(translation_key=translation_key).order_by("pk"))
    return document_of(pages) if pages else None
