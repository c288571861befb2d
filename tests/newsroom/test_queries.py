"""The index pages and the home page teasers make a bounded number of queries.

The bound is checked with many articles and stories, so a query per card would exceed it.
"""

import datetime

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from newsroom.factories import NewsArticlePageFactory, StoryPageFactory, TopicFactory

pytestmark = pytest.mark.django_db

# About 30 today, most of them the page frame (site, menu, language links, footer).
MAX_QUERIES = 35


@pytest.fixture
def image():
    return get_image_model().objects.create(title="Bild", file=get_test_image_file())


@pytest.fixture
def full_news_index(news_index, image):
    topics = [TopicFactory(slug=f"topic-{n}") for n in range(3)]
    for day in range(12):
        NewsArticlePageFactory(
            parent=news_index,
            hero_image=image,
            topics=topics,
            publication_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=day * 40),
        )
    return news_index


@pytest.fixture
def full_story_index(story_index, image):
    for _n in range(12):
        StoryPageFactory(
            parent=story_index, hero_image=image, regions=["CZ041", "DED41"], featured=True
        )
    return story_index


def test_news_index_query_count_is_bounded(client, full_news_index, django_assert_max_num_queries):
    client.get(full_news_index.url)  # warm renditions and caches
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(full_news_index.url, {"topic": "topic-1"})
    assert len(response.context["articles"]) == 9


def test_story_index_query_count_is_bounded(
    client, full_story_index, django_assert_max_num_queries
):
    client.get(full_story_index.url)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(full_story_index.url, {"country": "CZ"})
    assert len(response.context["stories"]) == 9


def test_home_page_with_teasers_query_count_is_bounded(
    client, full_news_index, full_story_index, django_assert_max_num_queries
):
    client.get("/de/")
    with django_assert_max_num_queries(MAX_QUERIES + 10):
        response = client.get("/de/")
    assert response.status_code == 200
