"""`/api/v3/news/`: news and stories filtered by locale, topic, date, sector, region and country.

Wagtail's own `/api/v3/pages/` filters only by exact field values, so it cannot select articles
by topic or a date range; this router adds that. Bad parameters answer 400 with a message.
"""

import datetime
from typing import Annotated

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from glokal.headless.listing import (
    MAX_LIMIT,
    page_window,
    parse_date,
    parse_fields,
    parse_locale,
    parse_ordering,
    require_known,
    select,
    whole_number,
)
from newsroom import api_examples as examples
from newsroom.models import NewsArticlePage, NewsIndexPage, StoryIndexPage, StoryPage, Topic
from newsroom.models.stories import filter_stories
from newsroom.regions import COUNTRIES, REGIONS, SECTORS

router = Router(tags=["newsroom"])


class TopicOut(Schema):
    code: str
    slug: str
    name: str


class TaxonomyRef(Schema):
    code: str
    name: str


class ArticleOut(Schema):
    id: int
    title: str | None = None
    locale: str | None = None
    url: str | None = None
    detail_url: str | None = None
    publication_date: datetime.date | None = None
    lead: str | None = None
    author_line: str | None = None
    topics: list[TopicOut] | None = None


ARTICLE_FIELDS = list(ArticleOut.model_fields)
# `ordering` values: newest first (the default), oldest first, by title.
ORDERINGS = {
    "-publication_date": ("-publication_date", "-pk"),
    "publication_date": ("publication_date", "pk"),
    "title": ("title", "pk"),
}


class ArticleList(Schema):
    count: int
    limit: int
    offset: int
    items: list[ArticleOut]

    model_config = {"json_schema_extra": {"examples": [examples.ARTICLE_LIST]}}


class StoryOut(Schema):
    id: int
    title: str | None = None
    locale: str | None = None
    url: str | None = None
    detail_url: str | None = None
    publication_date: datetime.date | None = None
    summary: str | None = None
    featured: bool | None = None
    sectors: list[str] | None = None
    regions: list[str] | None = None
    countries: list[str] | None = None
    sector_list: list[TaxonomyRef] | None = None
    region_list: list[TaxonomyRef] | None = None


STORY_FIELDS = list(StoryOut.model_fields)


class StoryList(Schema):
    count: int
    limit: int
    offset: int
    items: list[StoryOut]

    model_config = {"json_schema_extra": {"examples": [examples.STORY_LIST]}}


def _section(value, index_model, kind):
    """The live section page `?section=` names by id (its pages are those below it)."""
    section_id = whole_number(value, "section")
    if section_id is None:
        return None
    section = index_model.objects.live().public().filter(pk=section_id).first()
    if section is None:
        raise HttpError(400, f"section must be the id of a live {kind} page, not {section_id}.")
    return section


def _common(page, request):
    return {
        "id": page.pk,
        "title": page.title,
        "locale": page.locale.language_code,
        "url": page.get_full_url(request),
        "detail_url": request.build_absolute_uri(
            reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
        ),
        "publication_date": page.publication_date,
    }


# Parameters both lists take, with the examples the schema shows.
LocaleParam = Annotated[str | None, Query(example="de", description="Language code: de, cs or en")]
Section = Annotated[
    str | None, Query(example="3", description="Id of a section (index page) to list below")
]
Ordering = Annotated[str | None, Query(example="-publication_date")]
Fields = Annotated[
    str | None, Query(example="title,url", description="Comma-separated; id always comes")
]
Limit = Annotated[str | None, Query(example="20", description=f"1 to {MAX_LIMIT}")]
Offset = Annotated[str | None, Query(example="0")]


@router.get(
    "/",
    response=ArticleList,
    summary="List news articles",
    operation_id="news_list",
    exclude_unset=True,
)
def list_articles(
    request: HttpRequest,
    locale: LocaleParam = None,
    topic: Annotated[list[str], Query(example=["events"])] = [],  # noqa: B006 (ninja copies)
    date_from: Annotated[str | None, Query(example="2024-01-01")] = None,
    date_to: Annotated[str | None, Query(example="2024-12-31")] = None,
    year: Annotated[str | None, Query(example="2024")] = None,
    section: Section = None,
    ordering: Ordering = None,
    fields: Fields = None,
    limit: Limit = None,
    offset: Offset = None,
):
    """Live articles, newest first. Repeated `topic` slugs are OR-ed; dates are inclusive;
    `section` is a news index's id. `ordering` is -publication_date, publication_date or
    title; `fields` a comma-separated selection (`id` always comes)."""
    limit, offset = page_window(limit, offset)
    chosen_fields = parse_fields(fields, ARTICLE_FIELDS)
    order = parse_ordering(ordering, ORDERINGS, "-publication_date")
    active_locale = parse_locale(locale)
    start, end = parse_date(date_from, "date_from"), parse_date(date_to, "date_to")
    if start and end and start > end:
        raise HttpError(400, "date_from must not be after date_to.")
    articles = NewsArticlePage.objects.live().public()
    if active_locale:
        articles = articles.filter(locale=active_locale)
    news_index = _section(section, NewsIndexPage, "news index")
    if news_index:
        articles = articles.descendant_of(news_index)
    if topic:
        require_known(topic, Topic.objects.values_list("slug", flat=True), "topic")
        articles = articles.filter(
            pk__in=NewsArticlePage.topics.through.objects.filter(topic__slug__in=topic).values(
                "newsarticlepage_id"
            )
        )
    if start:
        articles = articles.filter(publication_date__gte=start)
    if end:
        articles = articles.filter(publication_date__lte=end)
    year = whole_number(year, "year")
    if year is not None and not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise HttpError(
            400, f"year must be between {datetime.MINYEAR} and {datetime.MAXYEAR}, not {year}."
        )
    if year is not None:
        articles = articles.filter(publication_date__year=year)
    articles = articles.order_by(*order).select_related("locale")
    count = articles.count()
    items = [
        select(
            {
                **_common(article, request),
                "lead": article.lead,
                "author_line": str(article.get_author_line()),
                "topics": [
                    {"code": t.slug, "slug": t.slug, "name": t.name}
                    for t in article.localized_topics()
                ],
            },
            chosen_fields,
        )
        for article in articles.prefetch_related("topics")[offset : offset + limit]
    ]
    return {"count": count, "limit": limit, "offset": offset, "items": items}


@router.get(
    "/stories/",
    response=StoryList,
    summary="List best-practice stories",
    operation_id="news_stories_list",
    exclude_unset=True,
)
def list_stories(
    request: HttpRequest,
    locale: LocaleParam = None,
    sector: Annotated[list[str], Query(example=["tourism"])] = [],  # noqa: B006 (ninja copies)
    region: Annotated[list[str], Query(example=["CZ041"])] = [],  # noqa: B006 (ninja copies)
    country: Annotated[list[str], Query(example=["CZ"])] = [],  # noqa: B006 (ninja copies)
    featured: Annotated[bool | None, Query(example=True)] = None,
    date_from: Annotated[str | None, Query(example="2024-01-01")] = None,
    date_to: Annotated[str | None, Query(example="2024-12-31")] = None,
    section: Section = None,
    ordering: Ordering = None,
    fields: Fields = None,
    limit: Limit = None,
    offset: Offset = None,
):
    """Live stories, newest first. Repeated values of one filter are OR-ed, filters AND-ed;
    dates are inclusive; `section` is a story index's id. `ordering` is -publication_date,
    publication_date or title; `fields` a comma-separated selection (`id` always comes)."""
    limit, offset = page_window(limit, offset)
    chosen_fields = parse_fields(fields, STORY_FIELDS)
    order = parse_ordering(ordering, ORDERINGS, "-publication_date")
    active_locale = parse_locale(locale)
    start, end = parse_date(date_from, "date_from"), parse_date(date_to, "date_to")
    if start and end and start > end:
        raise HttpError(400, "date_from must not be after date_to.")
    countries = [c.upper() for c in country]
    require_known(sector, SECTORS, "sector")
    require_known(region, REGIONS, "region")
    require_known(countries, COUNTRIES, "country")
    stories = StoryPage.objects.live().public()
    if active_locale:
        stories = stories.filter(locale=active_locale)
    story_index = _section(section, StoryIndexPage, "story index")
    if story_index:
        stories = stories.descendant_of(story_index)
    if featured is not None:
        stories = stories.filter(featured=featured)
    if start:
        stories = stories.filter(publication_date__gte=start)
    if end:
        stories = stories.filter(publication_date__lte=end)
    stories = filter_stories(stories, sector=sector, region=region, country=countries)
    stories = stories.order_by(*order).select_related("locale")
    count = stories.count()
    items = [
        select(
            {
                **_common(story, request),
                "summary": story.summary,
                "featured": story.featured,
                "sectors": story.sector_codes,
                "regions": story.region_codes,
                "countries": story.country_codes,
                "sector_list": story.sector_list,
                "region_list": story.region_list,
            },
            chosen_fields,
        )
        for story in stories.prefetch_related("sectors", "regions")[offset : offset + limit]
    ]
    return {"count": count, "limit": limit, "offset": offset, "items": items}
