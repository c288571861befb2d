"""The Atom feed of one language's news index, served at `<news index url>feed/`."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class NewsFeed(Feed):
    """The newest articles of one news index, in that index's language."""

    feed_type = Atom1Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.language = self.index_page.locale.language_code
        return self.index_page

    def title(self, index):
        return f"{index.title} · Glokal"

    def subtitle(self, index):
        return index.introduction or _("News from the Saxon–Czech cooperation network Glokal")

    def link(self, index):
        return index.get_full_url(self.request)

    def feed_url(self, index):
        return index.get_full_url(self.request) + index.reverse_subpage("feed")

    def feed_guid(self, index):
        return self.feed_url(index)

    def author_name(self, index):
        return "Glokal"

    def items(self, index):
        return (
            index.get_articles().select_related("locale").prefetch_related("topics")[:FEED_LENGTH]
        )

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
