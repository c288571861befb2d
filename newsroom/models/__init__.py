"""The newsroom's models: snippets, news and best-practice stories."""

from .news import NewsArticleEvent, NewsArticleOrganisation, NewsArticlePage, NewsIndexPage
from .snippets import ContactPerson, Topic
from .stories import StoryIndexPage, StoryOrganisation, StoryPage, StoryRegion, StorySector

__all__ = [
    "ContactPerson",
    "NewsArticleEvent",
    "NewsArticleOrganisation",
    "NewsArticlePage",
    "NewsIndexPage",
    "StoryIndexPage",
    "StoryOrganisation",
    "StoryPage",
    "StoryRegion",
    "StorySector",
    "Topic",
]
