"""The public request board: open requests of one language, filtered and searched.

Filters are codes and slugs, the same in every language: `sector`, `type`, `region` (a NUTS-3
code: a delivery region or the requester's region), `country` (the requester's), `deadline`
(answers due on or before a date) and the full-text `q`, read with the directory search's
analysis, in every language version of a request.
"""

import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from glokal.pagination import paginate

from ..models import Region, Sector, SourcingRequestPage
from ..models.sourcing import RequestType
from ..search import analysis, thesaurus
from .matching import open_requests

PER_PAGE = 20
# The query parameters of the board's filters (a saved search keeps these and no others).
FILTERS = ("q", "sector", "type", "region", "country", "deadline")
COUNTRIES = (("DE", _("Germany")), ("CZ", _("Czechia")))


def text_condition(query, language):
    """Every term of `query` among a request's tokens, by any one of its alternatives."""
    condition = Q()
    for term in analysis.query_terms(query, language):
        any_of = Q()
        for alternative in term:
            all_of = Q()
            for token in alternative:
                all_of &= Q(match_tokens__contains=f" {token}")
            any_of |= all_of
        condition &= any_of
    return condition


def _deadline(value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def filtered_requests(board, params):
    """The open requests of `board` that `params` (a QueryDict) asks for, soonest deadline
    first, and the filters as they were understood."""
    language = board.locale.language_code
    requests = open_requests(board.locale).child_of(board)
    chosen = {
        "q": params.get("q", "").strip()[:200],
        "sector": params.get("sector", ""),
        "type": params.get("type", ""),
        "region": params.get("region", ""),
        "country": params.get("country", ""),
        "deadline": _deadline(params.get("deadline")),
    }
    if chosen["q"]:
        # Any language version may hold the words: a Czech word finds the German version of
        # a request written in Czech.
        condition = text_condition(chosen["q"], language)
        # A trade term or place of the thesaurus also finds requests naming it in another
        # language: they are indexed under the concept's name (see search/thesaurus.py).
        for other, name in thesaurus.names_in(chosen["q"], language):
            condition |= text_condition(name, other)
        found = SourcingRequestPage.objects.filter(condition)
        requests = requests.filter(translation_key__in=found.values("translation_key"))
    if chosen["sector"]:
        requests = requests.filter(sectors__slug=chosen["sector"])
    if chosen["type"] in RequestType.values:
        requests = requests.filter(request_type=chosen["type"])
    if chosen["region"]:
        requests = requests.filter(
            Q(delivery_regions__code=chosen["region"])
            | Q(organisation__region__code=chosen["region"])
        )
    if chosen["country"]:
        requests = requests.filter(organisation__country=chosen["country"].upper()[:2])
    if chosen["deadline"]:
        requests = requests.filter(deadline__lte=chosen["deadline"])
    requests = (
        requests.distinct()
        .select_related("organisation")
        .prefetch_related("sectors")
        .order_by("deadline", "pk")
    )
    return requests, chosen


@hooks.register("directory_request_board_context")
def board_context(request, board):
    requests, chosen = filtered_requests(board, request.GET)
    locale = board.locale
    from .forms import SaveSearchForm

    return {
        "save_search_form": SaveSearchForm(),
        "requests": paginate(request, requests, PER_PAGE),
        "chosen": chosen,
        "sectors": Sector.objects.filter(locale=locale).order_by("sort_order", "name"),
        "request_types": RequestType.choices,
        "regions": Region.objects.filter(locale=locale, in_project_area=True),
        "countries": COUNTRIES,
    }
