"""Page routing with a fixed number of queries, however deep the page.

Wagtail routes a URL one level at a time with two queries per level (the child, then its
specific row), after three more for the site's home page in the visitor's language. Here the
home page and every page on the path are read in one query; pages that are only passed through
stay deferred (their own fields are never needed), and the page that answers reads its own
fields in one more query, with the relations its type names in `route_select_related`.
Each page type's `route()` still decides, level by level, so routable pages keep their routes.
"""

from django.db.models import Q
from django.http import Http404
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from .request_memo import content_language, remember_locale, view_restrictions

# Where the rows read for the request's path wait for the levels of the route to take them.
_ROWS = "_glokal_route_rows"


class RoutedPageMixin:
    """Routing, view restrictions and breadcrumbs of a page, from the rows routing read."""

    # Relations a page reads together with its own fields when it answers a request.
    route_select_related = ()

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = child_on_route(request, self, path_components[0])
        result = child.route(request, path_components[1:])
        if result[0] is child:
            load_own_fields(child)
        return result

    def get_view_restrictions(self):
        """Wagtail's restrictions of this page, from the request's memo when routing passed
        through every ancestor (Wagtail asks the database for the ancestors and then again)."""
        ancestors = routed_ancestors(self)
        if ancestors is None or any(page.alias_of_id for page in [self, *ancestors]):
            return super().get_view_restrictions()
        applying = [r.pk for r in view_restrictions() if self.path.startswith(r.page.path)]
        return PageViewRestriction.objects.filter(pk__in=applying)

    def get_breadcrumb_ancestors(self):
        """The pages above this one, home page first (the tree's root is left out)."""
        routed = routed_ancestors(self)
        return routed if routed is not None else list(self.get_ancestors()[1:])


class PageRoutingMiddleware:
    """Routes requests for Wagtail pages before Wagtail's view does, in fewer queries.

    The result goes where Wagtail's `Page.route_for_request` keeps it for the request, so the
    view and everything else that asks for the request's page use it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail import views as wagtail_views

        if view_func is wagtail_views.serve and not hasattr(request, "_wagtail_route_for_request"):
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            request._wagtail_route_for_request = route_request(request, path)


def route_request(request, path):
    """What `Page.route_for_request` answers (page, args, kwargs, or None), in two queries."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    root = site.root_page
    language = content_language(translation.get_language())
    wanted = Q(translation_key=root.translation_key, locale__language_code=language)
    if components:
        wanted |= Q(
            depth__range=(root.depth + 1, root.depth + len(components)), slug__in=components
        )
    rows = list(Page.objects.filter(wanted).select_related("locale"))
    localized = next(
        (
            row
            for row in rows
            if row.translation_key == root.translation_key and row.locale.language_code == language
        ),
        None,
    )
    if localized is not None:
        remember_locale(localized.locale)
    # As Page.localized: the translation when it is live, the site's root page otherwise.
    home = localized if localized is not None and localized.live else root
    setattr(request, _ROWS, {(row.path[: -Page.steplen], row.slug): row for row in rows})
    try:
        result = _specific_deferred(home).route(request, components)
    except Http404:
        return None
    load_own_fields(result[0])
    return result


def child_on_route(request, parent, slug):
    """The child `slug` of `parent` read with the request's path, or with a query of its own."""
    rows = getattr(request, _ROWS, {})
    child = rows.get((parent.path, slug))
    if child is None:
        child = parent.get_children().filter(slug=slug).first()
    if child is None:
        raise Http404
    # Treebeard's get_parent() uses this instead of another query.
    child._cached_parent_obj = parent
    return _specific_deferred(child)


def _specific_deferred(row):
    """The row as its page type, the type's own fields left to `load_own_fields`."""
    specific = row.specific_deferred
    # The row's language came with it; the specific copy would ask for it again.
    locale_field = Page._meta.get_field("locale")
    if locale_field.is_cached(row):
        locale_field.set_cached_value(specific, locale_field.get_cached_value(row))
    return specific


def load_own_fields(page):
    """Read the fields a deferred page left out, in one query with its `route_select_related`."""
    deferred = page.get_deferred_fields()
    if not deferred:
        return
    related = getattr(page, "route_select_related", ())
    queryset = type(page)._base_manager.select_related(*related) if related else None
    # Treebeard forgets the cached parent on a refresh; routing already knows it.
    parent = page.__dict__.get("_cached_parent_obj")
    page.refresh_from_db(fields=list(deferred), from_queryset=queryset)
    if parent is not None:
        page._cached_parent_obj = parent


def routed_ancestors(page):
    """The pages above `page` that routing passed through, root side first, or None.

    None when the chain is incomplete (the page was not reached by routing this request).
    """
    if not page.depth:
        return None
    ancestors = []
    current = page
    while current.depth > 2:
        current = getattr(current, "_cached_parent_obj", None)
        if current is None:
            return None
        ancestors.append(current)
    return ancestors[::-1]
