"""The Atom feed of each language's news index, parsed back with feedparser."""

import datetime

import feedparser
import pytest

from newsroom.factories import NewsArticlePageFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(news_indexes):
    topic = TopicFactory(slug="events", name="Veranstaltungen")
    NewsArticlePageFactory(
        parent=news_indexes["de"],
        title="Auftaktworkshop",
        slug="auftaktworkshop",
        lead="Start in Karlovy Vary.",
        author_line="Redaktion Glokal",
        publication_date=datetime.date(2024, 4, 18),
        topics=[topic],
    )
    NewsArticlePageFactory(
        parent=news_indexes["de"],
        title="Kooperationsbörse",
        slug="boerse",
        publication_date=datetime.date(2024, 9, 24),
    )
    NewsArticlePageFactory(
        parent=news_indexes["cs"],
        title="Úvodní workshop",
        slug="uvodni-workshop",
        publication_date=datetime.date(2024, 4, 18),
    )


def fetch(client, index):
    response = client.get(index.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_german_feed_lists_german_articles_newest_first_with_dates_and_links(
    client, news_indexes, articles
):
    feed = fetch(client, news_indexes["de"])

    assert feed.version == "atom10"
    assert feed.feed.title == "Aktuelles · Glokal"
    assert feed.feed.language == "de"
    assert feed.feed.link == "http://testserver/de/aktuelles/"
    assert [entry.title for entry in feed.entries] == ["Kooperationsbörse", "Auftaktworkshop"]
    first_workshop = feed.entries[1]
    assert first_workshop.link == "http://testserver/de/aktuelles/auftaktworkshop/"
    assert first_workshop.id == first_workshop.link
    assert first_workshop.summary == "Start in Karlovy Vary."
    assert first_workshop.author == "Redaktion Glokal"
    assert [tag.term for tag in first_workshop.tags] == ["Veranstaltungen"]
    published = datetime.datetime(*first_workshop.published_parsed[:6], tzinfo=datetime.UTC)
    # Midnight in Dresden (summer time) is 22:00 UTC the day before.
    assert published == datetime.datetime(2024, 4, 17, 22, 0, tzinfo=datetime.UTC)
    assert first_workshop.updated_parsed >= first_workshop.published_parsed


def test_each_language_has_its_own_feed(client, news_indexes, articles):
    czech = fetch(client, news_indexes["cs"])
    english = fetch(client, news_indexes["en"])

    assert czech.feed.language == "cs"
    assert [entry.title for entry in czech.entries] == ["Úvodní workshop"]
    assert czech.entries[0].link == "http://testserver/cs/aktuality/uvodni-workshop/"
    assert english.entries == []
    assert english.feed.link == "http://testserver/en/news/"


def test_listing_advertises_its_feed(client, news_indexes):
    html = client.get(news_indexes["cs"].url).content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/cs/aktuality/feed/"' in html
