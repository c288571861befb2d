"""`GET /api/v3/search/`: the site-wide search for partner websites and apps."""

from datetime import date, datetime

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from wagtail.models import Locale

from .service import search_with_correction
from .views import read_request

router = Router(tags=["search"])


class SearchHit(Schema):
    type: str
    title: str
    url: str | None
    summary: str
    date: date | datetime | None


class SearchGroup(Schema):
    type: str
    label: str
    count: int
    page: int
    num_pages: int
    results: list[SearchHit]


class SiteSearchResponse(Schema):
    query: str
    locale: str
    # When the query as typed found nothing: the corrected query whose results `groups` are.
    suggestion: str | None
    groups: list[SearchGroup]


class SearchProblem(Schema):
    type: str
    title: str
    status: int
    detail: str
    errors: list[dict]


@router.get(
    "/",
    response={200: SiteSearchResponse, 400: SearchProblem},
    summary="Search the whole site",
    description=(
        "Organisations, news, success stories, events and pages in one language (`locale`), "
        "grouped by `type`; `type=` limits the answer to one group, paginated with `page` "
        "(10 a page; every group shows its first 5 otherwise)."
    ),
)
def search_site(
    request,
    q: str = "",
    locale: str | None = None,
    type: str | None = None,
    page: str | None = None,
):
    code = locale or translation.get_language() or "de"
    found = None
    if code in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        found = Locale.objects.filter(language_code=code).first()
    query, kind, page_number, errors = read_request(request.GET)
    if found is None:
        errors.append(
            {"param": "locale", "message": _("Unknown language: %(code)s") % {"code": code[:10]}}
        )
    if errors:
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
    with translation.override(found.language_code):
        groups, suggestion = (
            search_with_correction(query, found, kind, page_number) if query else ([], None)
        )
        return Status(
            200,
            {
                "query": query,
                "locale": found.language_code,
                "suggestion": suggestion,
                "groups": [
                    {
                        "type": group.key,
                        "label": group.label,
                        "count": group.count,
                        "page": group.page.number,
                        "num_pages": group.page.paginator.num_pages,
                        "results": [
                            {
                                "type": group.key,
                                "title": hit.title,
                                "url": hit.page.get_full_url(request),
                                "summary": hit.summary,
                                "date": hit.date,
                            }
                            for hit in group.hits
                        ],
                    }
                    for group in groups
                ],
            },
        )
