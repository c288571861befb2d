"""The directory page's search context, shared by the full page and its results fragment.

DirectoryIndexPage asks for it through the Wagtail hook `directory_index_context`, so the
models, the floor of the app, import nothing from the search above them.
"""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from glokal.request_memo import active_locale

from .maps import map_points, project_area_outline
from .params import CONFIRMED, FACETS, SEEKING, Vocabulary, parse_params
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


@hooks.register("directory_index_context")
def directory_context(request, page):
    """Everything the directory page and its results fragment show for `request`'s search."""
    locale = active_locale()
    vocabulary = Vocabulary(locale)
    params = parse_params(request.GET, vocabulary=vocabulary, strict=False)
    result = search(params, locale=locale, vocabulary=vocabulary)
    presented = present(result, request, vocabulary)
    # The page shows logos, the API does not: their renditions are read here, in one query.
    prefetch_related_objects(
        [entry.image for entry in presented.results if entry.image], "renditions"
    )
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
        "map_points": map_points(presented.results, start=result.start_index),
        "map_outline": project_area_outline(),
    }
