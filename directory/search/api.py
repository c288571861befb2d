"""`GET /api/v3/directory/search/`: the directory search for partner websites and apps."""

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status

from . import search

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
    last_confirmed: str | None
    is_current: bool


class SearchResponse(Schema):
    count: int
    page: int
    page_size: int
    results: list[OrganisationResult]
    facets: dict[str, list[FacetValue]]


class SearchError(Schema):
    type: str
    title: str
    status: int
    detail: str
    errors: list[dict[str, Any]]


class SearchQuery(Schema):
    """Documented here for the OpenAPI schema; values are read and checked by search.parse_params."""

    q: str | None = None
    locale: str | None = None
    country: list[str] | None = None
    region: list[str] | None = None
    sector: list[str] | None = None
    org_type: list[str] | None = None
    size: list[str] | None = None
    certification: list[str] | None = None
    language: list[str] | None = None
    seeking: str | None = None
    confirmed: str | None = None
    page: str | None = None
    page_size: str | None = None
    sort: str | None = None


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


def _result(organisation, request):
    return {
        "id": organisation.pk,
        "title": organisation.title,
        "url": organisation.get_full_url(request),
        "summary": organisation.summary,
        "org_type": organisation.org_type,
        "city": organisation.city,
        "country": organisation.country,
        "region": organisation.region.code if organisation.region_id else None,
        "in_project_area": organisation.in_project_area,
        "sectors": [sector.slug for sector in organisation.sectors.all()],
        "latitude": float(organisation.latitude) if organisation.latitude is not None else None,
        "longitude": float(organisation.longitude) if organisation.longitude is not None else None,
        "is_seeking": organisation.is_seeking,
        "last_confirmed": organisation.last_confirmed.isoformat()
        if organisation.last_confirmed
        else None,
        "is_current": not organisation.is_not_current,
    }


@router.get(
    "/search/",
    response={200: SearchResponse, 400: SearchError},
    summary="Search the directory of organisations",
    description=(
        "Full-text search with facets. Repeated values of one facet are OR-ed, different facets "
        "AND-ed; each facet's counts apply every other filter but not its own. "
        "`seeking=1` keeps organisations currently looking for partners, `confirmed=1` those "
        "that confirmed their profile within the last year. "
        "`sort` is relevance, name or newest; `page_size` is at most 100."
    ),
)
def directory_search(request, filters: Query[SearchQuery]):
    # Read the raw query string: repeated and comma-separated values, and never a 422.
    code = request.GET.get("locale") or translation.get_language() or "de"
    locale = search.locale_for_code(code)
    if locale is None:
        return _bad_request(
            [{"param": "locale", "message": _("Unknown language: %(code)s") % {"code": code[:10]}}]
        )
    with translation.override(locale.language_code):
        vocabulary = search.Vocabulary(locale)
        try:
            params = search.parse_params(request.GET, vocabulary=vocabulary, strict=True)
        except search.InvalidSearch as exc:
            return _bad_request(exc.errors)
        result = search.search(params, locale=locale, vocabulary=vocabulary)
        facets = dict(result.facets)
        facets[search.SEEKING] = [
            {"value": "1", "label": _("Currently seeking partners"), "count": result.seeking_count}
        ]
        facets[search.CONFIRMED] = [
            {
                "value": "1",
                "label": _("Confirmed within the last year"),
                "count": result.confirmed_count,
            }
        ]
        return Status(
            200,
            {
                "count": result.count,
                "page": result.page,
                "page_size": result.page_size,
                "results": [_result(organisation, request) for organisation in result.results],
                "facets": facets,
            },
        )
