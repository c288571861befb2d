"""Running one directory search: full text, filters, order and one page of organisations.

Full text matches the normalised tokens stored on each organisation (see analysis.py) through
the database's own full-text index (see fulltext.py), so SQLite and PostgreSQL return identical
results. Facet counts come from the in-memory facet index (see facets.py).

A search engine backend can later replace `fulltext.match` and `facet_counts` without touching
the page, the API or the parameter handling.
"""

from dataclasses import dataclass
from math import ceil

from django.conf import settings
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Collate
from wagtail.models import Locale

from glokal.request_memo import active_locale

from ..models import OrganisationPage, Region
from ..models.freshness import confirmed_since
from . import analysis, fulltext, fuzzy
from .facets import facet_counts
from .params import CONFIRMED, SEEKING, SearchParams, Vocabulary

SectorLink = OrganisationPage.sectors.through
CertificationLink = OrganisationPage.certifications.through


@dataclass
class SearchResult:
    """One page of a search: the organisations, the total and the facet counts."""

    params: SearchParams
    count: int
    results: list
    facets: dict
    seeking_count: int
    confirmed_count: int = 0
    # The spelling-corrected query whose results these are (the query as typed found fewer).
    suggestion: str | None = None

    @property
    def page(self):
        return self.params.page

    @property
    def page_size(self):
        return self.params.page_size

    @property
    def num_pages(self):
        return max(1, ceil(self.count / self.page_size))

    @property
    def start_index(self):
        return (self.page - 1) * self.page_size + 1 if self.results else 0


def base_queryset(locale):
    """Live, public organisations of one locale: the only ones a search ever returns."""
    return OrganisationPage.objects.filter(listed_locale=locale, listed_live=True).public()


def _filter_q(facet, values):
    if facet == "region":
        return Q(region__in=Region.objects.filter(code__in=values).values("pk"))
    if facet == "sector":
        return Q(
            pk__in=SectorLink.objects.filter(sector__slug__in=values).values("organisationpage_id")
        )
    if facet == "certification":
        return Q(
            pk__in=CertificationLink.objects.filter(certification__slug__in=values).values(
                "organisationpage_id"
            )
        )
    if facet == "language":
        # Two-letter codes in a comma-separated list: a substring test is exact.
        condition = Q()
        for code in values:
            condition |= Q(languages__contains=code)
        return condition
    if facet == SEEKING:
        return Q(is_seeking=True)
    if facet == CONFIRMED:
        return Q(last_confirmed__gte=confirmed_since())
    return Q(**{f"{facet}__in": values})


def apply_filters(queryset, params):
    """`queryset` restricted by every active filter."""
    for facet, values in params.selections().items():
        queryset = queryset.filter(_filter_q(facet, values))
    return queryset


def _name_order():
    # Byte order of the folded name: the same on SQLite and PostgreSQL whatever the
    # database collation.
    if connection.vendor == "postgresql":
        return Collate(F("sort_title"), "C")
    return F("sort_title")


# Points for a query token found in each part of an organisation's own-language text: the
# name above the offers above everything else; a whole word above the start of a longer one.
# Matches only in its other language versions score nothing, and so come last.
RANKING = (("title_tokens", 8), ("offer_tokens", 4), ("text_tokens", 2))
WHOLE_WORD_POINTS = 1
FEW_RESULTS = 3
# Long columns a result list never shows: not read for the page of results.
RESULT_UNUSED_FIELDS = (
    "description",
    "seeks",
    "search_tokens",
    "title_tokens",
    "offer_tokens",
    "text_tokens",
    "latest_revision",
)


def _contains(field, needle, points):
    return Case(
        When(**{f"{field}__contains": needle}, then=Value(points)),
        default=Value(0),
        output_field=IntegerField(),
    )


def ordered(queryset, params, tokens):
    sort = params.effective_sort
    if sort == "newest":
        return queryset.order_by(F("first_published_at").desc(nulls_last=True), "-pk")
    if sort == "relevance" and tokens:
        score = Value(0)
        for token in tokens:
            for field, points in RANKING:
                score = score + _contains(field, f" {token}", points)
            score = score + _contains("text_tokens", f" {token} ", WHOLE_WORD_POINTS)
        return queryset.annotate(relevance=score).order_by("-relevance", _name_order(), "pk")
    return queryset.order_by(_name_order(), "pk")


def _page_of(matched, params, tokens, total):
    offset = (params.page - 1) * params.page_size
    if offset >= total:
        return []
    # The page's ids first, from the organisation table alone; then their full rows.
    # One sort over thousands of wide page rows would cost more than the second query.
    page_ids = list(
        ordered(apply_filters(matched, params), params, tokens).values_list("pk", flat=True)[
            offset : offset + params.page_size
        ]
    )
    rows = (
        OrganisationPage.objects.select_related("region", "logo", "locale")
        .prefetch_related("sectors", "logo__renditions")
        .defer(*RESULT_UNUSED_FIELDS)
        .in_bulk(page_ids)
    )
    return [rows[pk] for pk in page_ids if pk in rows]


def search(params, locale=None, vocabulary=None):
    """Run one directory search in `locale` (the active one by default).

    When the query finds fewer than FEW_RESULTS organisations and has a word that starts no
    word of the index, that word is spelling-corrected (fuzzy.py); when the correction finds
    more, its results are shown, with the correction and a way back to the query as typed.
    """
    locale = locale or active_locale()
    vocabulary = vocabulary or Vocabulary(locale)
    language = locale.language_code
    terms = analysis.query_terms(params.q, language)
    tokens = analysis.query_tokens(params.q, language)
    listed = base_queryset(locale)

    def run(terms):
        matched = fulltext.match(listed, terms)
        counts = facet_counts(listed, matched, params, vocabulary, tokens=terms, locale=locale)
        return matched, counts

    matched, counts = run(fuzzy.without_needless_parts(terms, locale, listed))
    suggestion = None
    if terms and counts[0] < FEW_RESULTS:
        if found := fuzzy.correction(params.q, language, locale, listed):
            better = run(found[1])
            if better[1][0] > counts[0]:
                suggestion = found[0]
                (matched, counts) = better
                tokens = analysis.query_tokens(suggestion, language)
    total, facets, seeking_count, confirmed_count = counts
    results = _page_of(matched, params, tokens, total)
    if suggestion:
        suggestion = fuzzy.readable(suggestion, language, results[0] if results else None)
    return SearchResult(
        params=params,
        count=total,
        results=results,
        facets=facets,
        seeking_count=seeking_count,
        confirmed_count=confirmed_count,
        suggestion=suggestion,
    )


def locale_for_code(code):
    """The content locale with `code`, or None when the site has no such language."""
    if code not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        return None
    return Locale.objects.filter(language_code=code).first()
