"""The demo loader creates the promised content in three languages and is idempotent (loaded
once for this module, without the directory's demo)."""

import re

import pytest

from newsroom import demo
from newsroom.models import NewsArticlePage, StoryPage
from tests.conftest import demo_loaded_once

pytestmark = pytest.mark.django_db

newsroom_demo = demo_loaded_once("newsroom")


def test_demo_creates_articles_and_stories_in_every_language_once(newsroom_demo):
    # load_demo prints what each loader reports having created.
    assert int(re.search(r"newsroom\.demo: (\d+) object", newsroom_demo)[1]) > 0
    for code in ("de", "cs", "en"):
        assert NewsArticlePage.objects.live().filter(locale__language_code=code).count() >= 12
        assert StoryPage.objects.live().filter(locale__language_code=code).count() >= 6
    article = NewsArticlePage.objects.get(slug="uvodni-workshop-karlovy-vary")
    assert article.hero_image is not None and article.topics.count() == 2
    assert {t.locale.language_code for t in article.topics.all()} == {"cs"}
    assert demo.load() == 0


def test_demo_pages_and_feeds_render_in_every_language(client, newsroom_demo):
    import feedparser

    from newsroom.models import NewsIndexPage, StoryIndexPage

    for code in ("de", "cs", "en"):
        news = NewsIndexPage.objects.get(locale__language_code=code)
        stories = StoryIndexPage.objects.get(locale__language_code=code)
        article = news.get_articles().first()
        for url in (news.url, stories.url, article.url, f"/{code}/"):
            assert client.get(url).status_code == 200, url
        feed = feedparser.parse(client.get(news.url + "feed/").content)
        assert not feed.bozo and feed.feed.language == code
        assert len(feed.entries) == 12
        assert all(entry.link.startswith(f"http://testserver/{code}/") for entry in feed.entries)
