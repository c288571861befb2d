"""The directory page's search context, shared by the full page and its results fragment.

DirectoryIndexPage asks for it through the Wagtail hook `directory_index_context`, so the
models, the floor of the app, import nothing from the search above them.
"""

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.images import get_image_model

from glokal.pagination import linkable_query
from glokal.request_memo import active_locale

from .engines import search
from .maps import city_labels, map_points, project_area_outline
from .params import CONFIRMED, FACETS, SEEKING, Vocabulary, parse_params
from .presenter import present

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
# Options a facet shows before its "show all": enough for the common choices, short on a phone.
FACET_SHOWN = 6


def split_options(options):
    """The options a facet shows at once (the first few and every ticked one) and the rest."""
    shown = [o for i, o in enumerate(options) if i < FACET_SHOWN or o["selected"]]
    return shown, [o for o in options if o not in shown]


def without(request, name, value):
    """The query of the current search with one filter value taken away (a chip's link)."""
    query = request.GET.copy()
    query.setlist(name, [v for v in query.getlist(name) if v != value])
    for control in ("page", "fragment"):
        query.pop(control, None)
    return "?" + query.urlencode() if query else "?"


def active_chips(request, facet_groups, flag_filters):
    """One removable chip per active filter, in the order the panel lists them."""
    chips = [
        {"label": flag["label"], "href": without(request, flag["name"], "1")}
        for flag in flag_filters
        if flag["selected"]
    ]
    for group in facet_groups:
        chips += [
            {
                "label": f"{group['title']}: {option['label']}",
                "href": without(request, group["name"], option["value"]),
            }
            for option in group["options"]
            if option["selected"]
        ]
    return chips


def directory_title(page, result, params, filter_count):
    """Where the visitor is: the query, the count, the filters and the page, then the page."""
    parts = []
    if params.q:
        parts.append(gettext("“%(query)s”") % {"query": params.q})
    parts.append(
        ngettext("%(count)s organisation", "%(count)s organisations", result.count)
        % {"count": result.count}
    )
    if filter_count:
        parts.append(
            ngettext("%(count)s filter", "%(count)s filters", filter_count)
            % {"count": filter_count}
        )
    if result.num_pages > 1:
        parts.append(
            gettext("page %(page)s of %(pages)s") % {"page": result.page, "pages": result.num_pages}
        )
    return " · ".join(parts + [page.title])


@hooks.register("directory_index_context")
def directory_context(request, page):
    """Everything the directory page and its results fragment show for `request`'s search."""
    locale = active_locale()
    vocabulary = Vocabulary.of(locale)
    params = parse_params(request.GET, vocabulary=vocabulary, strict=False)
    result = search(params, locale=locale, vocabulary=vocabulary)
    presented = present(result, request, vocabulary)
    # The page shows logos, the API does not: they and their renditions are read here.
    logos = (
        get_image_model()
        .objects.prefetch_related("renditions")
        .in_bulk([entry.logo_id for entry in presented.results if entry.logo_id])
    )
    for entry in presented.results:
        entry.image = logos.get(entry.logo_id)
    facet_groups = []
    for facet in FACETS:
        options = [
            dict(option, selected=option["value"] in params.filters.get(facet, []))
            for option in presented.facets[facet]
        ]
        shown, more = split_options(options)
        facet_groups.append(
            {
                "name": facet,
                "title": FACET_TITLES[facet],
                "options": options,
                "shown_options": shown,
                "more_options": more,
                "selected_count": sum(option["selected"] for option in options),
            }
        )
    flag_filters = [
        dict(presented.facets[flag][0], name=flag, selected=getattr(params, flag))
        for flag in (SEEKING, CONFIRMED)
    ]
    filter_count = (
        sum(len(v) for v in params.filters.values()) + int(params.seeking) + int(params.confirmed)
    )
    pins = map_points(presented.results, start=result.start_index)
    return {
        "search": result,
        "results": presented.results,
        "search_params": params,
        "search_errors": params.errors,
        "flag_filters": flag_filters,
        "facet_groups": facet_groups,
        "active_filter_count": filter_count,
        "filter_chips": active_chips(request, facet_groups, flag_filters),
        "directory_title": directory_title(page, result, params, filter_count),
        "sort_options": [
            {"value": value, "label": label, "selected": value == params.effective_sort}
            for value, label in SORT_LABELS.items()
        ],
        "map_points": pins,
        "map_outline": project_area_outline(),
        "map_cities": city_labels(locale.language_code, pins),
        "map_unplaced": len(presented.results) - len(pins),
        # The map's full view and the list link to each other without losing the search.
        "search_query": linkable_query(request.GET),
    }
