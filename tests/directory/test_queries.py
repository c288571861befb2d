"""The directory's pages cost a fixed, small number of queries."""

import pytest

from tests import content

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home_pages):
    return content.directory(home_pages)


def test_profile_with_sectors_offers_contacts_and_mentions(
    client, home_pages, directory, django_assert_max_num_queries
):
    profile = directory["profile"]
    newsroom = content.newsroom(home_pages, [profile])

    content.get_within_budget(
        client,
        django_assert_max_num_queries,
        profile.url,
        "Elbtal Präzisionsteile",
        "Metallbearbeitung",
        "Angebot 2",
        "Lieferant für Granulat",
        "Jana Krause",
        "+49 351 4455660",
        newsroom["article"].title,
        newsroom["story"].title,
    )


@pytest.mark.parametrize(
    "params",
    [
        None,
        {"q": "Firma", "sector": ["plastics", "electronics"], "country": "DE"},
        {"sort": "name", "page_size": "3", "page": "2"},
    ],
    ids=["listing", "search-and-facets", "second-page"],
)
def test_directory_listing_and_search(client, directory, django_assert_max_num_queries, params):
    content.get_within_budget(
        client, django_assert_max_num_queries, directory["index"].url, "Firma", params=params
    )
