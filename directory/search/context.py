"""The directory page's search context, shared by the full page and its results fragment.

DirectoryIndexPage asks for it through the Wagtail hook `directory_index_context`, so the
models, the floor of the app, import nothing from the search above them.
"""

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale

from .maps import map_points, project_area_outline
from .params import CONFIRMED, DEFAULT_PAGE_SIZE, FACETS, SEEKING, Vocabulary, parse_params
from .presenter import present
from .query import search

FACET_TITLES = {
    "country": _("Country"),
    "region": _("Region"),
    "sector": _("Sector"),
    "org_type": _("Organisation type"),
    "size": _("Size"),
    "certification": _("Certification"),
    "language": _("Languages spoken"),
}
SORT_LABELS = {"relevance": _("Relevance"), "name": _("Name"), "newest": _("Newest")}


def _query_string(params, **changes):
    """The URL query of `params` with `changes` applied: every search state is a link."""
    pairs = []
    values = {
        "q": params.q,
        "sort": params.sort,
        "page_size": params.page_size if params.page_size != DEFAULT_PAGE_SIZE else "",
        "seeking": "1" if params.seeking else "",
        "confirmed": "1" if params.confirmed else "",
        "page": params.page if params.page != 1 else "",
    }
    values.update(changes)
    if values["q"]:
        pairs.append(("q", values["q"]))
    for facet in FACETS:
        pairs += [(facet, value) for value in params.filters.get(facet, [])]
    for name in ("seeking", "confirmed", "sort", "page_size", "page"):
        if values[name] not in ("", None):
            pairs.append((name, values[name]))
    return "?" + urlencode(pairs) if pairs else "?"


@hooks.register("directory_index_context")
def directory_context(request, page):
    """Everything the directory page and its results fragment show for `request`'s search."""
    locale = Locale.get_active()
    vocabulary = Vocabulary(locale)
    params = parse_params(request.GET, vocabulary=vocabulary, strict=False)
    result = search(params, locale=locale, vocabulary=vocabulary)
    presented = present(result, request, vocabulary)
    facet_groups = [
        {
            "name": facet,
            "title": FACET_TITLES[facet],
            "options": [
                dict(option, selected=option["value"] in params.filters.get(facet, []))
                for option in presented.facets[facet]
            ],
        }
        for facet in FACETS
    ]
    pages = range(max(1, result.page - 3), min(result.num_pages, result.page + 3) + 1)
    return {
        "search": result,
        "results": presented.results,
        "search_params": params,
        "search_errors": params.errors,
        "flag_filters": [
            dict(presented.facets[flag][0], name=flag, selected=getattr(params, flag))
            for flag in (SEEKING, CONFIRMED)
        ],
        "facet_groups": facet_groups,
        "active_filter_count": sum(len(v) for v in params.filters.values())
        + int(params.seeking)
        + int(params.confirmed),
        "sort_options": [
            {"value": value, "label": label, "selected": value == params.effective_sort}
            for value, label in SORT_LABELS.items()
        ],
        "page_links": [
            {"number": number, "query": _query_string(params, page=number if number > 1 else "")}
            for number in pages
        ],
        "previous_query": _query_string(params, page=result.page - 1 if result.page > 2 else "")
        if result.page > 1
        else None,
        "next_query": _query_string(params, page=result.page + 1)
        if result.page < result.num_pages
        else None,
        "map_points": map_points(presented.results, start=result.start_index),
        "map_outline": project_area_outline(),
    }
