"""Feeds of one language's news index: Atom at `<news index url>feed/`, per topic at
`feed/<topic slug>/`, and a JSON Feed at `feed/json/`."""

from django.contrib.syndication.views import Feed
from django.http import JsonResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import NewsArticlePage

FEED_LENGTH = 20


class NewsFeed(Feed):
    """The newest articles of one news index, in that index's language."""

    feed_type = Atom1Feed

    def __init__(self, index_page, topic=None):
        super().__init__()
        self.index_page = index_page
        self.topic = topic

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.language = self.index_page.locale.language_code
        return self.index_page

    def title(self, index):
        if self.topic is not None:
            return f"{index.title}: {self.topic.name} · Glokal"
        return f"{index.title} · Glokal"

    def subtitle(self, index):
        return index.introduction or _("News from the Saxon–Czech cooperation network Glokal")

    def link(self, index):
        return index.get_full_url(self.request)

    def feed_url(self, index):
        if self.topic is not None:
            route = index.reverse_subpage("topic_feed", kwargs={"topic": self.topic.slug})
        else:
            route = index.reverse_subpage("feed")
        return index.get_full_url(self.request) + route

    def feed_guid(self, index):
        return self.feed_url(index)

    def author_name(self, index):
        return "Glokal"

    def items(self, index):
        return feed_articles(index, self.topic)

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.lead

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        # An entry is never updated before it was published, even when back-dated.
        return max(filter(None, [article.published_at, article.last_published_at]))

    def item_author_name(self, article):
        return str(article.get_author_line())

    def item_categories(self, article):
        return [topic.name for topic in article.localized_topics()]


def feed_articles(index, topic=None):
    """The newest articles of `index`, of `topic` (matched by translation key) when given."""
    articles = index.get_articles()
    if topic is not None:
        tagged = NewsArticlePage.topics.through.objects.filter(
            topic__translation_key=topic.translation_key
        )
        articles = articles.filter(pk__in=tagged.values("newsarticlepage_id"))
    return articles.select_related("locale").prefetch_related("topics")[:FEED_LENGTH]


def json_feed_response(index, request):
    """The index's newest articles as a JSON Feed 1.1 document."""
    home = index.get_full_url(request)
    items = []
    for article in feed_articles(index):
        url = article.get_full_url(request)
        item = {
            "id": url,
            "url": url,
            "title": article.title,
            "summary": article.lead,
            "content_text": article.lead,
            "date_published": article.published_at.isoformat(),
            "authors": [{"name": str(article.get_author_line())}],
            "tags": [topic.name for topic in article.localized_topics()],
            "language": index.locale.language_code,
        }
        if article.last_published_at:
            item["date_modified"] = max(
                filter(None, [article.published_at, article.last_published_at])
            ).isoformat()
        items.append(item)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{index.title} · Glokal",
        "home_page_url": home,
        "feed_url": home + index.reverse_subpage("json_feed"),
        "description": index.introduction
        or _("News from the Saxon–Czech cooperation network Glokal"),
        "language": index.locale.language_code,
        "authors": [{"name": "Glokal"}],
        "items": items,
    }
    return JsonResponse(
        document,
        content_type="application/feed+json; charset=utf-8",
        json_dumps_params={"ensure_ascii": False},
    )
