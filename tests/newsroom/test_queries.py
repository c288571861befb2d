"""News and story pages cost a fixed, small number of queries, with realistic content.

Listings hold more articles and stories than a page shows, each with topics, regions,
images, contacts and links to the directory, so a query per card or link would exceed it.
"""

import pytest

from tests import content

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(home_pages):
    directory = content.directory(home_pages, organisations=2)
    german_profile = directory["others"][0]
    czech_profile = content.translation_of(
        german_profile, "cs", title="Firma CZ", summary="Výroba.", city="Děčín", org_type="company"
    )
    # One link in the page's language, one to the Czech version of a German profile.
    return content.newsroom(home_pages, [directory["profile"], czech_profile])


@pytest.mark.parametrize(
    "params",
    [None, {"topic": "topic-1"}, {"page": "2"}],
    ids=["listing", "topic-filter", "second-page"],
)
def test_news_index(client, newsroom, django_assert_max_num_queries, params):
    content.get_within_budget(
        client,
        django_assert_max_num_queries,
        newsroom["news_index"].url,
        'class="card news-card"',
        params=params,
    )


def test_news_year_archive(client, newsroom, django_assert_max_num_queries):
    content.get_within_budget(
        client, django_assert_max_num_queries, newsroom["news_index"].url + "2024/", "Bericht 09"
    )


def test_news_article_with_topics_contacts_and_links(
    client, newsroom, django_assert_max_num_queries
):
    content.get_within_budget(
        client,
        django_assert_max_num_queries,
        newsroom["article"].url,
        "Bericht 11",
        "Elbtal Präzisionsteile",
        "Firma 0",
        'class="contact-box"',
    )


@pytest.mark.parametrize(
    "params",
    [None, {"country": "CZ"}, {"sector": "plastics", "region": "DED2D"}],
    ids=["listing", "country-filter", "sector-and-region"],
)
def test_story_index(client, newsroom, django_assert_max_num_queries, params):
    content.get_within_budget(
        client,
        django_assert_max_num_queries,
        newsroom["story_index"].url,
        "Geschichte 11",
        params=params,
    )


def test_story_with_organisations_places_figures_and_gallery(
    client, newsroom, django_assert_max_num_queries
):
    content.get_within_budget(
        client,
        django_assert_max_num_queries,
        newsroom["story"].url,
        "Geschichte 11",
        "Elbtal Präzisionsteile",
        "610\xa0799,70\xa0EUR",
        'class="contact-box"',
    )
