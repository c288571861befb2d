"""News listing (order, topic filter, year archive, pagination), article page and validation."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError

from newsroom.factories import ContactPersonFactory, NewsArticlePageFactory, TopicFactory
from newsroom.models import NewsIndexPage

pytestmark = pytest.mark.django_db


def titles(response):
    return [article.title for article in response.context["articles"]]


def test_listing_shows_newest_first_and_only_live_articles(client, news_index):
    old = NewsArticlePageFactory(
        parent=news_index, title="Alt", publication_date=datetime.date(2024, 1, 5)
    )
    new = NewsArticlePageFactory(
        parent=news_index, title="Neu", publication_date=datetime.date(2025, 3, 1)
    )
    middle = NewsArticlePageFactory(
        parent=news_index, title="Mitte", publication_date=datetime.date(2024, 7, 1)
    )
    draft = NewsArticlePageFactory(
        parent=news_index, title="Entwurf", publication_date=datetime.date(2025, 6, 1)
    )
    draft.unpublish()

    response = client.get(news_index.url)

    assert response.status_code == 200
    assert titles(response) == [new.title, middle.title, old.title]
    assert "Entwurf" not in response.content.decode()


def test_listing_of_one_language_never_shows_another_languages_articles(client, news_indexes):
    NewsArticlePageFactory(parent=news_indexes["de"], title="Deutscher Artikel")
    NewsArticlePageFactory(parent=news_indexes["cs"], title="Český článek")

    assert titles(client.get(news_indexes["de"].url)) == ["Deutscher Artikel"]
    assert titles(client.get(news_indexes["cs"].url)) == ["Český článek"]


def test_topic_filter_narrows_the_listing_and_offers_only_topics_in_use(
    client, news_index, locales
):
    events = TopicFactory(slug="events", name="Veranstaltungen")
    funding = TopicFactory(slug="funding", name="Förderung")
    TopicFactory(slug="unused", name="Ungenutzt")
    TopicFactory(
        slug="events", name="Akce", locale=locales["cs"], translation_key=events.translation_key
    )
    NewsArticlePageFactory(parent=news_index, title="Workshop", topics=[events])
    NewsArticlePageFactory(parent=news_index, title="Gutscheine", topics=[funding])

    response = client.get(news_index.url, {"topic": "events"})

    assert titles(response) == ["Workshop"]
    html = response.content.decode()
    assert '<option value="events" selected>Veranstaltungen</option>' in html
    assert "Ungenutzt" not in html and "Akce" not in html


def test_unknown_topic_says_so_instead_of_failing(client, news_index):
    NewsArticlePageFactory(parent=news_index, title="Workshop")

    response = client.get(news_index.url, {"topic": "<script>"})

    assert response.status_code == 200
    assert titles(response) == []
    assert "&lt;script&gt;" in response.content.decode()


def test_year_archive_lists_one_year_and_links_every_year(client, news_index):
    NewsArticlePageFactory(
        parent=news_index, title="2024 a", publication_date=datetime.date(2024, 4, 18)
    )
    NewsArticlePageFactory(
        parent=news_index, title="2025 a", publication_date=datetime.date(2025, 1, 22)
    )

    response = client.get(f"{news_index.url}2024/")

    assert response.status_code == 200
    assert titles(response) == ["2024 a"]
    html = response.content.decode()
    assert f'href="{news_index.url}2025/"' in html
    assert '<span aria-current="page">2024</span>' in html
    assert client.get(f"{news_index.url}0/").status_code == 404


def test_pagination_splits_the_listing_and_keeps_the_topic(client, news_index):
    topic = TopicFactory(slug="events")
    start = datetime.date(2024, 1, 1)
    for day in range(NewsIndexPage.page_size + 2):
        NewsArticlePageFactory(
            parent=news_index,
            title=f"Artikel {day:02d}",
            topics=[topic],
            publication_date=start + datetime.timedelta(days=day),
        )

    first = client.get(news_index.url, {"topic": "events"})
    second = client.get(news_index.url, {"topic": "events", "page": 2})
    beyond = client.get(news_index.url, {"topic": "events", "page": "many"})

    assert len(titles(first)) == NewsIndexPage.page_size
    assert titles(second) == ["Artikel 01", "Artikel 00"]
    assert titles(beyond) == titles(first)
    assert 'href="?topic=events&amp;page=2"' in first.content.decode()


def test_article_page_shows_lead_author_hero_credit_contacts_and_share_links(client, news_index):
    person = ContactPersonFactory(
        name="Petra Nováková", email="p.novakova@glokal.example", phone="+420 353 502 118"
    )
    article = NewsArticlePageFactory(
        parent=news_index,
        title="Auftakt in Karlovy Vary",
        lead="Das Netzwerk ist gestartet.",
        author_line="Redaktion Glokal",
        hero_credit="Foto: Glokal",
        contact_persons=[person],
    )

    html = client.get(article.url).content.decode()

    assert "Das Netzwerk ist gestartet." in html and "Redaktion Glokal" in html
    contact_box = html[html.index('class="contact-box"') :]
    assert "Petra Nováková" in contact_box and 'href="tel:+420353502118"' in contact_box
    assert (
        "https://www.linkedin.com/sharing/share-offsite/?url=http%3A%2F%2Ftestserver%2Fde%2Faktuelles%2F"
        in html
    )
    assert "https://www.xing.com/spi/shares/new?url=" in html
    assert "mailto:?subject=Auftakt%20in%20Karlovy%20Vary" in html
    # Share links are plain links: no third-party script is loaded.
    assert not re.search(r"<script[^>]+src=\"https?://", html)


def test_article_has_newsarticle_json_ld_and_article_meta(client, news_index):
    topic = TopicFactory(name="Veranstaltungen")
    article = NewsArticlePageFactory(
        parent=news_index,
        title="Auftakt",
        lead="Gestartet.",
        publication_date=datetime.date(2024, 4, 18),
        topics=[topic],
    )

    html = client.get(article.url).content.decode()

    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD block"
    data = json.loads(match.group(1))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Auftakt"
    assert data["datePublished"].startswith("2024-04-18T00:00:00")
    assert data["mainEntityOfPage"] == "http://testserver/de/aktuelles/" + article.slug + "/"
    assert data["inLanguage"] == "de" and data["keywords"] == ["Veranstaltungen"]
    assert '<meta property="article:published_time" content="2024-04-18T00:00:00+02:00">' in html
    assert '<meta property="article:tag" content="Veranstaltungen">' in html


def test_json_ld_cannot_be_broken_out_of_by_a_title(client, news_index):
    article = NewsArticlePageFactory(parent=news_index, title="</script><script>alert(1)</script>")

    html = client.get(article.url).content.decode()

    assert "</script><script>alert(1)" not in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(match.group(1))["headline"] == "</script><script>alert(1)</script>"


def test_video_is_a_plain_link_until_the_visitor_asks_for_it(client, news_index):
    article = NewsArticlePageFactory(
        parent=news_index,
        body=[
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                    "title": "Rückblick",
                    "caption": "",
                },
            )
        ],
    )

    html = client.get(article.url).content.decode()

    assert "<iframe" not in html
    assert "youtube.com/embed" not in html.replace("youtube-nocookie.com/embed", "")
    assert 'href="https://www.youtube.com/watch?v=aqz-KE-bpKQ"' in html
    assert (
        'data-video-embed="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"' in html
    )


def test_video_block_refuses_links_it_cannot_embed_privately():
    from wagtail.blocks import StructBlockValidationError

    from newsroom.blocks import VideoBlock

    block = VideoBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(
            block.to_python({"url": "https://example.com/video.mp4", "title": "x", "caption": ""})
        )
    value = block.clean(
        block.to_python({"url": "https://vimeo.com/76979871", "title": "x", "caption": ""})
    )
    assert value.embed_url() == "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"


@pytest.mark.parametrize("slug", ["feed", "2024"])
def test_article_slugs_that_the_archive_routes_would_hide_are_refused(news_index, slug):
    article = NewsArticlePageFactory(parent=news_index)
    article.slug = slug
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "slug" in error.value.message_dict


def test_only_one_news_index_per_language(home_pages, news_indexes):
    assert not NewsIndexPage.can_create_at(home_pages["de"])


def test_article_linked_to_another_languages_topic_shows_and_filters_by_its_translation(
    client, news_indexes, locales
):
    # A page translated from German may still point at the German topic.
    german = TopicFactory(slug="events", name="Veranstaltungen")
    TopicFactory(
        slug="events", name="Akce", locale=locales["cs"], translation_key=german.translation_key
    )
    article = NewsArticlePageFactory(
        parent=news_indexes["cs"], title="Workshop v Ústí", topics=[german]
    )

    listing = client.get(news_indexes["cs"].url, {"topic": "events"})
    page_html = client.get(article.url).content.decode()

    assert titles(listing) == ["Workshop v Ústí"]
    assert '<option value="events" selected>Akce</option>' in listing.content.decode()
    assert ">Akce</a>" in page_html and "Veranstaltungen" not in page_html
    assert client.get(f"/api/v3/pages/{article.pk}/").json()["topics"] == [
        {"code": "events", "slug": "events", "name": "Akce"}
    ]
