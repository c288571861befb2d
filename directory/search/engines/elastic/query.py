"""A directory search as one Elasticsearch request, and its answer as a query.SearchResult.

The query searches the visitor's language first (the version in their locale: name, offers,
the rest, and the names of its taxonomies), the other languages with a lower boost, and the
start of the name (edge n-grams) as the database engine matches word beginnings. Only
organisations with a listed version in the locale are found. Facets are disjunctive in one
request: the selection is a `post_filter`, and each facet is a filter aggregation holding every
other facet's selection with a terms aggregation asking for every value of the vocabulary (not
Elasticsearch's default ten). The yes/no filters are counted the same way.
"""

from dataclasses import replace

from elasticsearch.dsl import A, Q, Search

from directory.models.freshness import confirmed_since
from glokal.request_memo import active_locale

from ... import fuzzy
from ...facets import facet_options
from ...params import CONFIRMED, FACETS, SEEKING, Vocabulary
from ...query import FEW_RESULTS, SearchResult, _page_of, base_queryset
from .. import database
from .analysis import LANGUAGES
from .connection import client
from .document import alias_name

# Points for a match in each part of the version in the visitor's language; the other
# languages' versions count OTHER_LANGUAGES times as much.
OWN_FIELDS = (("title", 8), ("offers", 4), ("body", 2))
NAMES_BOOST = 2
OTHER_LANGUAGES = 0.25
PREFIX_BOOST = 1
FLAGS = (SEEKING, CONFIRMED)
# Elasticsearch's index.max_result_window: no page may end beyond it.
MAX_RESULT_WINDOW = 10_000


def _fields(language, factor):
    fields = [f"{language}.{name}^{points * factor:g}" for name, points in OWN_FIELDS]
    return fields + [f"names.{language}^{NAMES_BOOST * factor:g}"]


def text_query(q, language):
    """Every word of `q` must match, in the visitor's language or, scoring less, another."""
    others = [
        field
        for other in LANGUAGES
        if other != language
        for field in _fields(other, OTHER_LANGUAGES)
    ]
    return Q(
        "bool",
        should=[
            Q(
                "multi_match",
                query=q,
                fields=_fields(language, 1),
                type="cross_fields",
                operator="and",
            ),
            Q("multi_match", query=q, fields=others, type="cross_fields", operator="and"),
            Q(
                "match",
                **{
                    f"{language}.title.suggest": {
                        "query": q,
                        "operator": "and",
                        "boost": PREFIX_BOOST,
                    }
                },
            ),
        ],
        minimum_should_match=1,
    )


def selection_filter(language, facet, values):
    """The filter of one facet's chosen values (OR-ed) on the version in `language`."""
    if facet == SEEKING:
        return Q("term", **{f"{language}.seeking": True})
    if facet == CONFIRMED:
        return Q("range", **{f"{language}.last_confirmed": {"gte": confirmed_since().isoformat()}})
    return Q("terms", **{f"{language}.{facet}": list(values)})


def _order(params, language):
    by_name = [{f"{language}.title.sort": "asc"}, {f"{language}.page_id": "asc"}]
    sort = params.effective_sort
    if sort == "newest":
        return [
            {f"{language}.first_published_at": {"order": "desc", "missing": "_last"}},
            {f"{language}.page_id": "desc"},
        ]
    if sort == "relevance" and params.q.strip():
        return [{"_score": "desc"}, *by_name]
    return by_name


def request(params, language, vocabulary):
    """The dsl Search of `params` in the locale of `language`."""
    search = Search(using=client(), index=alias_name())
    search = search.filter("exists", field=f"{language}.page_id")
    if params.q.strip():
        search = search.query(text_query(params.q, language))
    selections = params.selections()
    if selections:
        search = search.post_filter(
            "bool",
            filter=[selection_filter(language, f, values) for f, values in selections.items()],
        )
    for facet in (*FACETS, *FLAGS):
        others = [
            selection_filter(language, other, values)
            for other, values in selections.items()
            if other != facet
        ]
        if facet in FLAGS:
            others.append(selection_filter(language, facet, ["1"]))
            search.aggs.bucket(facet, A("filter", filter=Q("bool", filter=others)))
            continue
        counted = search.aggs.bucket(facet, A("filter", filter=Q("bool", filter=others)))
        counted.bucket(
            "values",
            "terms",
            field=f"{language}.{facet}",
            size=max(1, len(vocabulary.labels[facet])),
        )
    start = (params.page - 1) * params.page_size
    search = search.sort(*_order(params, language))
    search = search.source([f"{language}.page_id"])
    search = search.extra(track_total_hits=True)
    return search[start : start + params.page_size]


def parse(answer, params, language, vocabulary):
    """The query.SearchResult of the cluster's `answer` (a dict) to `request(params, …)`."""
    aggregations = answer.get("aggregations", {})
    counts = {
        facet: {
            bucket["key"]: bucket["doc_count"]
            for bucket in aggregations.get(facet, {}).get("values", {}).get("buckets", [])
        }
        for facet in FACETS
    }
    page_ids = [
        hit["_source"][language]["page_id"]
        for hit in answer["hits"]["hits"]
        if language in hit.get("_source", {})
    ]
    return SearchResult(
        params=params,
        count=answer["hits"]["total"]["value"],
        results=_page_of(page_ids, vocabulary) if page_ids else [],
        facets=facet_options(counts, params, vocabulary),
        seeking_count=aggregations.get(SEEKING, {}).get("doc_count", 0),
        confirmed_count=aggregations.get(CONFIRMED, {}).get("doc_count", 0),
    )


def search(params, locale=None, vocabulary=None):
    """Run one directory search on the cluster (see engines.search). A query that finds
    almost nothing because of a typo is corrected as the database engine corrects it
    (fuzzy.py, from the words the directory knows) and its results shown when they are more."""
    locale = locale or active_locale()
    vocabulary = vocabulary or Vocabulary.of(locale)
    language = locale.language_code
    if params.page * params.page_size > MAX_RESULT_WINDOW:
        # Elasticsearch pages no deeper; the database does (and it is no cluster failure).
        return database.search(params, locale=locale, vocabulary=vocabulary)

    def run(asked):
        answer = request(asked, language, vocabulary).execute()
        return parse(answer.to_dict(), asked, language, vocabulary)

    result = run(params)
    if not params.q.strip() or result.count >= FEW_RESULTS:
        return result
    found = fuzzy.correction(params.q, language, locale, base_queryset(locale))
    if not found:
        return result
    better = run(replace(params, q=found[0]))
    if better.count <= result.count:
        return result
    better.params = params
    better.suggestion = fuzzy.readable(found[0], language, better.results)
    return better


def suggestion_request(typed, language, limit):
    """Names of organisations listed in `language`'s locale that start with what was typed."""
    search = Search(using=client(), index=alias_name())
    search = search.filter("exists", field=f"{language}.page_id")
    search = search.query(
        "match", **{f"{language}.title.suggest": {"query": typed, "operator": "and"}}
    )
    search = search.sort({"_score": "desc"}, {f"{language}.title.sort": "asc"})
    return search.source([f"{language}.page_id", f"{language}.title"])[:limit]


def organisation_names(typed, locale, limit):
    """(title, page id) of organisations whose name starts with the words typed."""
    language = locale.language_code
    answer = suggestion_request(typed, language, limit).execute().to_dict()
    return [
        (hit["_source"][language]["title"], hit["_source"][language]["page_id"])
        for hit in answer["hits"]["hits"]
        if language in hit.get("_source", {})
    ]
