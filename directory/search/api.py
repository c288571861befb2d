"""`GET /api/v3/directory/search/`: the directory search for partner websites and apps."""

from datetime import date
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from wagtail.api.v3.api import api

from ..models import DirectoryIndexPage
from . import api_examples
from .engines import search
from .params import InvalidSearch, Vocabulary, parse_params
from .presenter import present
from .query import locale_for_code
from .suggest import suggestions

router = Router(tags=["directory"])


class FacetValue(Schema):
    value: str
    label: str
    count: int


class OrganisationResult(Schema):
    id: int
    title: str
    url: str | None
    summary: str
    org_type: str
    city: str
    country: str
    region: str | None
    in_project_area: bool
    sectors: list[str]
    latitude: float | None
    longitude: float | None
    is_seeking: bool
    last_confirmed: date | None
    is_current: bool
    languages: list[str]


class SearchResponse(Schema):
    count: int
    page: int
    page_size: int
    results: list[OrganisationResult]
    facets: dict[str, list[FacetValue]]
    sort: str
    suggestion: str | None = None

    model_config = {"json_schema_extra": {"examples": [api_examples.SEARCH]}}


class SearchError(Schema):
    type: str
    title: str
    status: int
    detail: str
    errors: list[dict[str, Any]]


class SearchQuery(Schema):
    """Documented here for the OpenAPI schema; values are read and checked by parse_params."""

    q: str | None = Field(None, json_schema_extra={"example": "Laborglas"})
    locale: str | None = Field(None, json_schema_extra={"example": "de"})
    country: list[str] | None = Field(None, json_schema_extra={"example": ["CZ"]})
    region: list[str] | None = Field(None, json_schema_extra={"example": ["CZ042", "DED2D"]})
    sector: list[str] | None = Field(None, json_schema_extra={"example": ["glass-ceramics"]})
    org_type: list[str] | None = Field(None, json_schema_extra={"example": ["company"]})
    size: list[str] | None = None
    certification: list[str] | None = None
    language: list[str] | None = Field(None, json_schema_extra={"example": ["cs"]})
    seeking: str | None = Field(None, json_schema_extra={"example": "1"})
    confirmed: str | None = Field(None, json_schema_extra={"example": "1"})
    page: str | None = Field(None, json_schema_extra={"example": "1"})
    page_size: str | None = Field(None, json_schema_extra={"example": "20"})
    sort: str | None = Field(None, json_schema_extra={"example": "relevance"})


def _bad_request(errors):
    return Status(
        400,
        {
            "type": "about:blank",
            "title": "Bad Request",
            "status": 400,
            "detail": _("Some search parameters are not valid."),
            "errors": errors,
        },
    )


@router.get(
    "/search/",
    response={200: SearchResponse, 400: SearchError},
    summary="Search the directory of organisations",
    description=(
        "Full-text search with facets. Repeated values of one facet are OR-ed, different facets "
        "AND-ed; each facet's counts apply every other filter but not its own. "
        "`seeking=1` keeps organisations currently looking for partners, `confirmed=1` those "
        "that confirmed their profile within the last year. "
        "`sort` is relevance, name or newest (the answer names the order applied); "
        "`page_size` is at most 100. When the query finds almost nothing because of a typo, "
        "the results are those of the spelling-corrected query given in `suggestion`."
    ),
)
def directory_search(request, filters: Query[SearchQuery]):
    # Read the raw query string: repeated and comma-separated values, and never a 422.
    code = request.GET.get("locale") or translation.get_language() or "de"
    locale = locale_for_code(code)
    if locale is None:
        return _bad_request(
            [{"param": "locale", "message": _("Unknown language: %(code)s") % {"code": code[:10]}}]
        )
    with translation.override(locale.language_code):
        vocabulary = Vocabulary.of(locale)
        try:
            params = parse_params(request.GET, vocabulary=vocabulary, strict=True)
        except InvalidSearch as exc:
            return _bad_request(exc.errors)
        result = search(params, locale=locale, vocabulary=vocabulary)
        return _search_response(request, present(result, request, vocabulary, for_page=False))


RESULT_FIELDS = tuple(OrganisationResult.model_fields)


def _search_response(request, page):
    """The answer in the shape of SearchResponse, rendered by the API's own renderer without
    validating it against the schema once more: pydantic's check of twenty nested results
    took longer than reading them. The schema tests hold the shape to the schema."""
    body = {
        "count": page.count,
        "page": page.page,
        "page_size": page.page_size,
        "results": [
            {name: getattr(entry, name) for name in RESULT_FIELDS} for entry in page.results
        ],
        "facets": page.facets,
        "sort": page.sort,
        "suggestion": page.suggestion,
    }
    return api.create_response(request, body, status=200)


class Suggestion(Schema):
    type: str
    label: str
    url: str | None


class SuggestResponse(Schema):
    query: str
    suggestions: list[Suggestion]


@router.get(
    "/suggest/",
    response={200: SuggestResponse, 400: SearchError},
    summary="Autocomplete for the directory search box",
    description=(
        "What starts with the text typed so far (`q`, two letters or more), in `locale`: "
        "organisation names, sectors, places and trade terms, at most five of each kind, "
        "each with the link it leads to. The last word counts as the start of a word."
    ),
)
def directory_suggest(request, q: str = "", locale: str | None = None):
    code = locale or translation.get_language() or "de"
    found_locale = locale_for_code(code)
    if found_locale is None:
        return _bad_request(
            [{"param": "locale", "message": _("Unknown language: %(code)s") % {"code": code[:10]}}]
        )
    directory = DirectoryIndexPage.objects.live().filter(locale=found_locale).first()
    directory_url = directory.get_url(request) if directory else ""
    return Status(
        200,
        {"query": q, "suggestions": suggestions(q, found_locale, directory_url)},
    )
