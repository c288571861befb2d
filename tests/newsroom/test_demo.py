"""The demo loader creates the promised content in three languages and is idempotent."""

import time

import pytest

from newsroom import demo
from newsroom.models import NewsArticlePage, StoryPage

pytestmark = pytest.mark.django_db


def test_demo_creates_articles_and_stories_in_every_language_once(home_pages):
    started = time.monotonic()
    created = demo.load()
    elapsed = time.monotonic() - started
    assert created > 0
    for code in ("de", "cs", "en"):
        assert NewsArticlePage.objects.live().filter(locale__language_code=code).count() >= 12
        assert StoryPage.objects.live().filter(locale__language_code=code).count() >= 6
    article = NewsArticlePage.objects.get(slug="uvodni-workshop-karlovy-vary")
    assert article.hero_image is not None and article.topics.count() == 2
    assert {t.locale.language_code for t in article.topics.all()} == {"cs"}
    assert demo.load() == 0
    print(f"demo load: {elapsed:.1f}s")


def test_demo_pages_and_feeds_render_in_every_language(client, site, home_pages):
    import feedparser

    from newsroom.models import NewsIndexPage, StoryIndexPage

    demo.load()
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
