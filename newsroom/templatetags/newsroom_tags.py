"""Newsroom teasers for other pages: home page sections and an organisation's mentions.

Every query filters by the active locale, so each language's home shows its own articles.
"""

from django import template

from glokal.frame import page_frame
from glokal.request_memo import active_locale
from newsroom.models import NewsArticlePage, NewsIndexPage, StoryIndexPage, StoryPage
from newsroom.models.news import with_listing_images, with_topics

register = template.Library()

HOME_NEWS_COUNT = 3
HOME_STORY_COUNT = 3
MENTIONS_COUNT = 6


def story_cards(stories):
    """Stories with what their cards show: images, language and regions."""
    return with_listing_images(stories).prefetch_related("regions")


@register.inclusion_tag("newsroom/components/latest_news.html", takes_context=True)
def latest_news(context, count=HOME_NEWS_COUNT):
    """The newest articles of the active language with a link to its news index."""
    index = page_frame(context["request"], context.get("page")).section(NewsIndexPage)
    articles = []
    if index is not None:
        articles = list(with_topics(with_listing_images(index.get_articles()))[:count])
    return {"request": context.get("request"), "index": index, "articles": articles}


@register.inclusion_tag("newsroom/components/featured_stories.html", takes_context=True)
def featured_stories(context, count=HOME_STORY_COUNT):
    """Featured stories of the active language, topped up with the newest when too few are featured."""
    index = page_frame(context["request"], context.get("page")).section(StoryIndexPage)
    stories = (
        StoryPage.objects.live()
        .public()
        .filter(locale=active_locale())
        .order_by("-featured", "-publication_date", "-pk")
    )
    stories = list(story_cards(stories)[:count])
    return {"request": context.get("request"), "index": index, "stories": stories}


def mentions_of(organisation, count=MENTIONS_COUNT):
    """Live news and stories in the organisation page's language that link to it.

    Links are matched by translation key, so a Czech article that links the German profile
    still appears on the Czech profile.
    """
    key, locale_id = organisation.translation_key, organisation.locale_id
    articles = (
        NewsArticlePage.objects.live()
        .public()
        .filter(locale_id=locale_id, related_organisations__organisation__translation_key=key)
        .distinct()
        .order_by("-publication_date", "-pk")
    )
    stories = (
        StoryPage.objects.live()
        .public()
        .filter(locale_id=locale_id, organisations__organisation__translation_key=key)
        .distinct()
        .order_by("-publication_date", "-pk")
    )
    return {
        "articles": list(with_topics(with_listing_images(articles))[:count]),
        "stories": list(story_cards(stories)[:count]),
    }


@register.inclusion_tag("newsroom/components/organisation_mentions_list.html", takes_context=True)
def organisation_mentions(context, organisation):
    """Stories and news that mention `organisation` (a directory page), for its profile."""
    data = (
        mentions_of(organisation) if organisation is not None else {"articles": [], "stories": []}
    )
    return {"request": context.get("request"), **data}
