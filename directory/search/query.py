"""Running one directory search: full text, filters, order and one page of organisations.

Full text matches the normalised tokens stored on each organisation (see analysis.py) through
the database's own full-text index (see fulltext.py), so SQLite and PostgreSQL return identical
results. Facet counts come from the in-memory facet index (see facets.py). A text search
reads its matches once, with their sort keys: their ids scope the facet counts, the index's
bitsets apply the filters, and the page is ordered from the keys in Python.

A search engine backend can later replace `fulltext.match` and `facet_counts` without touching
the page, the API or the parameter handling.
"""

import heapq
from dataclasses import dataclass
from math import ceil
from operator import itemgetter

from django.conf import settings
from django.db import connection
from django.db.models import Case, CharField, F, IntegerField, JSONField, Q, Value, When
from django.db.models.functions import Cast, Collate
from wagtail.models import Locale, PageViewRestriction

from glokal.request_memo import active_locale

from ..models import OrganisationPage, Region
from ..models.freshness import confirmed_since
from ..models.profile import OrganisationProfileMixin
from . import analysis, facetindex, fulltext, fuzzy
from .facetindex import AnyOf, fetch, having_ids
from .facets import facet_counts
from .fulltext import PlainSQL
from .params import CONFIRMED, SEEKING, SearchParams, Vocabulary
from .shared import shared

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
    listed = OrganisationPage.objects.filter(listed_locale=locale, listed_live=True)
    private = Q()
    for path in shared(("restricted sections",), _restricted_paths):
        private |= Q(path__startswith=path)
    return listed.exclude(private) if private else listed


def _restricted_paths():
    """The tree paths of the pages behind a view restriction (login, password or group)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


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
# What a result list shows of an organisation, read as plain columns.
RESULT_COLUMNS = (
    "pk",
    "title",
    "url_path",
    "summary",
    "org_type",
    "city",
    "country",
    "region_id",
    "latitude",
    "longitude",
    "is_seeking",
    "last_confirmed",
    "languages",
    "logo_id",
)


def relevance_sql(tokens, table):
    """(SQL, parameters) of the relevance of a row of `table` (the organisation table or its
    alias) for the query's tokens. Written as SQL rather than as Django expressions: building
    and compiling a tree of a dozen CASE expressions cost more than the database's work.
    Tokens are letters and digits only, so they need no escaping inside LIKE."""
    parts, params = [], []
    for token in tokens:
        for field, points in RANKING:
            parts.append(f"CASE WHEN {table}.{field} LIKE %s THEN {points} ELSE 0 END")
            params.append(f"% {token}%")
        parts.append(f"CASE WHEN {table}.text_tokens LIKE %s THEN {WHOLE_WORD_POINTS} ELSE 0 END")
        params.append(f"% {token} %")
    return "(" + (" + ".join(parts) or "0") + ")", params


def _relevance(tokens):
    table = connection.ops.quote_name(OrganisationPage._meta.db_table)
    return PlainSQL(*relevance_sql(tokens, table), output_field=IntegerField())


def ordered(queryset, params, tokens):
    sort = params.effective_sort
    if sort == "newest":
        return queryset.order_by(F("first_published_at").desc(nulls_last=True), "-pk")
    if sort == "relevance" and tokens:
        return queryset.annotate(relevance=_relevance(tokens)).order_by(
            "-relevance", _name_order(), "pk"
        )
    return queryset.order_by(_name_order(), "pk")


def _hits(matched, params, tokens):
    """The rows of every text match, read in the one statement of the text match: the id
    first, then what orders them as `ordered` does, in the order `hit_order` compares them.

    The folded name compares by code point in Python as in byte order ("C") in the database.
    Newest first reads only ids: the dates are ordered by the database.
    """
    sort = params.effective_sort
    if sort == "newest":
        return fetch(matched.order_by().values_list("pk"))
    if sort == "relevance" and tokens:
        relevance = _relevance(tokens)
        if selections := params.selections():
            # Scored only where the filters let a match through to the result pages: the
            # facet counts need every match's id, the order only these.
            kept = Q()
            for facet, values in selections.items():
                kept &= _filter_q(facet, values)
            relevance = Case(When(kept, then=relevance), default=Value(0))
        rows = matched.order_by().annotate(rank=Value(0) - relevance)
        return fetch(rows.values_list("pk", "rank", "sort_title"))
    return fetch(matched.order_by().values_list("pk", "sort_title"))


def hit_order(params, tokens):
    """The sort key of a row of `_hits`: (-relevance, name, id) or (name, id)."""
    if params.effective_sort == "relevance" and tokens:
        return itemgetter(1, 2, 0)
    return itemgetter(1, 0)


def _page_ids(listed, hits, index, matches, params, tokens):
    """The ids of the page's organisations in order: the text matches kept by the filters'
    bitset `matches` and ordered in Python; without a text query, ordered by the database."""
    offset = (params.page - 1) * params.page_size
    end = offset + params.page_size
    if hits is None:
        return list(
            ordered(apply_filters(listed, params), params, tokens).values_list("pk", flat=True)[
                offset:end
            ]
        )
    hits = index.rows_in(hits, matches)
    if params.effective_sort == "newest":
        found = having_ids(listed, [row[0] for row in hits])
        return list(ordered(found, params, tokens).values_list("pk", flat=True)[offset:end])
    page = heapq.nsmallest(end, hits, key=hit_order(params, tokens))[offset:]
    return [row[0] for row in page]


class ListedOrganisation(OrganisationProfileMixin):
    """An organisation on a page of results: the columns the list shows and the profile's
    display properties, without a Wagtail page instance (twenty of those cost more than the
    search itself). Region and sectors are named by the vocabulary's codes."""

    def __init__(self, columns, vocabulary):
        self.__dict__.update(columns)
        self.region_code = vocabulary.codes["region"].get(self.region_id)
        self.in_project_area = self.region_id in vocabulary.project_area_regions
        codes = vocabulary.codes["sector"]
        sector_ids = (int(pk) for pk in (self.sector_ids or "").split(",") if pk)
        self.sector_slugs = [codes[pk] for pk in sector_ids if pk in codes]


def _sector_ids():
    """The organisation's sector ids in the order they were chosen, comma-separated, read
    in the statement of its row."""
    table = connection.ops.quote_name(SectorLink._meta.db_table)
    of_row = (
        f"FROM {table} WHERE organisationpage_id = "
        f"{connection.ops.quote_name(OrganisationPage._meta.db_table)}.page_ptr_id"
    )
    if connection.vendor == "postgresql":
        sql = f"SELECT string_agg(sector_id::text, ',' ORDER BY id) {of_row}"
    else:
        sql = f"SELECT group_concat(sector_id) FROM (SELECT sector_id {of_row} ORDER BY id)"
    return PlainSQL(sql, [], output_field=CharField())


def _result_rows(page_ids):
    """The rows of the organisations `page_ids`: their RESULT_COLUMNS, sector ids and offers."""
    return (
        having_ids(OrganisationPage.objects.order_by(), page_ids)
        # The offers' raw blocks (highlight.py reads their titles): as a StreamValue each row
        # would cost more than the statement.
        .annotate(sector_ids=_sector_ids(), offer_blocks=Cast("offers", JSONField()))
        .values(*RESULT_COLUMNS, "sector_ids", "offer_blocks")
    )


# Database vendor → the result-page statement compiled by Django (see _page_statement).
_page_statements = {}


def _page_statement():
    """(query, SQL, parameters but the ids, column names, selected expressions) of the
    result-page statement on this database. Django compiles it once per process: compiling a
    join, a subquery, a cast and sixteen columns took longer than running them. The ids are
    its last parameter."""
    vendor = connection.vendor
    if vendor not in _page_statements:
        query = _result_rows([0]).query
        compiler = query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        assert params[-1] == AnyOf.parameter([0], vendor), "the ids must come last"
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
        selected = [expression for expression, _sql, _alias in compiler.select]
        _page_statements[vendor] = (query, sql, params[:-1], names, selected)
    return _page_statements[vendor]


def _page_of(page_ids, vocabulary):
    """The page's organisations in the order of `page_ids`, in one statement."""
    if connection.vendor in AnyOf.ONE_PARAMETER:
        query, sql, params, names, selected = _page_statement()
        with connection.cursor() as cursor:
            cursor.execute(sql, (*params, AnyOf.parameter(page_ids, connection.vendor)))
            rows = cursor.fetchall()
        # The values as Django reads them (dates and flags from SQLite's text and integers).
        compiler = query.get_compiler(connection=connection)
        if converters := compiler.get_converters(selected):
            rows = compiler.apply_converters(rows, converters)
        rows = [dict(zip(names, row, strict=True)) for row in rows]
    else:
        rows = _result_rows(page_ids)
    by_id = {row["pk"]: ListedOrganisation(row, vocabulary) for row in rows}
    return [by_id[pk] for pk in page_ids if pk in by_id]


def search(params, locale=None, vocabulary=None):
    """Run one directory search in `locale` (the active one by default).

    When the query finds fewer than FEW_RESULTS organisations and has a word that starts no
    word of the index, that word is spelling-corrected (fuzzy.py); when the correction finds
    more, its results are shown, with the correction and a way back to the query as typed.
    """
    locale = locale or active_locale()
    vocabulary = vocabulary or Vocabulary.of(locale)
    language = locale.language_code
    terms = analysis.query_terms(params.q, language)
    tokens = analysis.query_tokens(params.q, language)
    listed = base_queryset(locale)
    index = facetindex.for_locale(locale, listed)

    def run(terms, tokens):
        # One text match: its ids scope the facet counts, its sort keys order the page.
        if not terms:
            return None, facet_counts(index, index.everything, params, vocabulary)
        hits = _hits(fulltext.match(listed, terms), params, tokens)
        scope = index.of_ids(map(itemgetter(0), hits)) & index.everything
        return hits, facet_counts(index, scope, params, vocabulary)

    hits, counts = run(fuzzy.without_needless_parts(terms, locale, listed), tokens)
    suggestion = None
    if terms and counts.total < FEW_RESULTS:
        if found := fuzzy.correction(params.q, language, locale, listed):
            corrected_tokens = analysis.query_tokens(found[0], language)
            better = run(found[1], corrected_tokens)
            if better[1].total > counts.total:
                suggestion = found[0]
                (hits, counts) = better
                tokens = corrected_tokens
    results = []
    if (params.page - 1) * params.page_size < counts.total:
        page_ids = _page_ids(listed, hits, index, counts.matches, params, tokens)
        results = _page_of(page_ids, vocabulary)
    if suggestion:
        suggestion = fuzzy.readable(suggestion, language, results)
    return SearchResult(
        params=params,
        count=counts.total,
        results=results,
        facets=counts.facets,
        seeking_count=counts.seeking,
        confirmed_count=counts.confirmed,
        suggestion=suggestion,
    )


def locale_for_code(code):
    """The content locale with `code`, or None when the site has no such language."""
    if code not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        return None
    return shared(("locale", code), Locale.objects.filter(language_code=code).first)
