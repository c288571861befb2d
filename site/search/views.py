"""The site-wide search page: `/de/suche/`, `/cs/hledat/`, `/en/search/`."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from ..request_memo import active_locale
from .providers import providers
from .service import search_with_correction

MAX_QUERY_LENGTH = 200


def read_request(params):
    """(query, kind, page number, errors) from the query string; bad values become errors."""
    query = (params.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    errors = []
    kind = params.get("type") or None
    if kind and kind not in {provider.key for provider in providers()}:
        errors.append(
            {
                "param": "type",
                "message": _("Unknown type of result: %(type)s") % {"type": kind[:30]},
            }
        )
        kind = None
    try:
        page_number = max(1, int(params.get("page") or 1))
    except ValueError:
        errors.append({"param": "page", "message": _("The page must be a whole number.")})
        page_number = 1
    return query, kind, page_number, errors


def search_page(request):
    query, kind, page_number, errors = read_request(request.GET)
    groups, suggestion = (
        search_with_correction(query, active_locale(), kind, page_number) if query else ([], None)
    )
    return render(
        request,
        "glokal/search_results.html",
        {
            "query": query,
            "kind": kind,
            "groups": groups,
            "suggestion": suggestion,
            "errors": errors,
            "types": providers(),
            "total": sum(group.count for group in groups),
        },
    )
